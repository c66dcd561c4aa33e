import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import { calleeChain, stringValue } from '../syntax';
import { envPart, JS_ENV_VAR } from './envParts';
import { jsStringConstants } from './jsConstants';
import { NAMED_PART } from './routeCollector';

/**
 * A deployment's base path read from the configuration by key, empty unless it sets one: `nconf.get('relative_path')`,
 * `config.get('server.basePath')`. (Not a prefix the configuration always gives, `config.get('api.prefix')`.)
 */
const CONFIG_GET = /^(?:nconf|config|conf|settings|cfg)\.get\(\s*['"](?:[\w:-]+[.:])?(?:relative_?path|relativePath|base_?path|basePath|root_?path|rootPath|context_?path|contextPath)['"]\s*\)$/;

/** Names a value holding a path is given (`API_PREFIX`, `basePath`, `config.api.prefix`), not a router's (`apiRoutes`). */
const PATH_NAME = /^[A-Z][A-Z0-9_]*$|(?:prefix|path|url|base|root|mount)$/i;

/**
 * A path a mount (or a route: see shorthandRoute) is given when it is not a plain literal, as a path with named
 * parts the join reads (routeCollector's NAMED_PART): a constant of this file (`const API = '/api/v1'`), one of another module
 * (`API_PREFIX` imported, `config.api.prefix`), an environment variable with or without the code's fallback
 * (`process.env.API_PREFIX ?? '/api'`), a field of the class around it (`this.path`), literals with escapes as they
 * read at run time, and templates or `+` of those (`` `${BASE}/users` ``). Undefined when the
 * node is none of these, or a name that says it is not a path (`app.use(authMiddleware, router)`).
 */
export function jsPrefixValue(s: FileStructure, node: Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  const written = stringValue(node);
  if (written !== undefined) return written;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? jsPrefixValue(s, node.namedChildren[0], depth + 1) : undefined;
    case 'string':
    case 'template_string': {
      let out = '';
      const parts = node.namedChildren;
      for (const [k, part] of parts.entries()) {
        if (!part) continue;
        if (part.type === 'string_fragment') out += part.text;
        // `:id(\\d+)` in the source is `:id(\d+)` at run time, which is what Express reports.
        else if (part.type === 'escape_sequence') out += part.text.slice(1);
        else if (part.type === 'template_substitution') {
          // A base the configuration gives, before a written path (NodeBB's `${nconf.get('relative_path')}/debug`):
          // empty unless a deployment sets one, which serves the same routes under it.
          if (k === 0 && part.namedChildren[0]?.type === 'call_expression' && parts[1]?.type === 'string_fragment' && parts[1].text.startsWith('/') && CONFIG_GET.test(part.namedChildren[0].text)) continue;
          const v = jsPrefixValue(s, part.namedChildren[0], depth + 1);
          if (v === undefined) return undefined;
          out += v;
        } else return undefined;
      }
      return out;
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.type;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === '+') {
        const a = jsPrefixValue(s, left, depth + 1);
        const b = a === undefined ? undefined : jsPrefixValue(s, right, depth + 1);
        return b === undefined ? undefined : a! + b;
      }
      const variable = (op === '||' || op === '??') && left ? envName(left.text) : undefined;
      const fallback = variable ? stringValue(right) : undefined;
      return variable && fallback !== undefined ? envPart(variable, fallback) : undefined;
    }
    case 'member_expression':
    case 'subscript_expression':
    case 'identifier': {
      const variable = envName(node.text);
      if (variable) return envPart(variable);
      if (node.type === 'subscript_expression') return undefined;
      const chain = calleeChain(node.text);
      if (!chain) return undefined;
      // `this.path` with `public path = '/users'` in the class around it (a class-based router).
      if (chain.length === 2 && chain[0] === 'this') {
        const field = classField(node, chain[1]);
        if (field !== undefined) return field;
      }
      const local = s.memo('js.constants', () => jsStringConstants(s.text) ?? {})[chain.join('.')];
      if (local !== undefined) return local;
      // A member of an imported JSON file (outline's `config.id` with `import config from "../../plugin.json"`): its
      // name says nothing of a path, but the join reads it in that file (jsonModules.ts).
      if (chain.length > 1 && jsonImports(s).has(chain[0])) return `${NAMED_PART}${chain.join('.')}${NAMED_PART}`;
      const inFunction = node.type === 'identifier' ? functionConstant(s, node, depth) : undefined;
      if (inFunction !== undefined) return inFunction;
      return PATH_NAME.test(chain[chain.length - 1]) ? `${NAMED_PART}${chain.join('.')}${NAMED_PART}` : undefined;
    }
    default:
      return undefined;
  }
}

/** The names a module imports a JSON file as, `import config from "../plugin.json"`, `const c = require('./c.json')`. */
export function jsonImports(s: FileStructure): Set<string> {
  return s.memo('js.jsonImports', () => {
    const out = new Set<string>();
    if (!s.mentions('.json')) return out;
    for (const m of s.text.matchAll(JSON_IMPORT)) out.add(m[1] ?? m[2]);
    return out;
  });
}

const JSON_IMPORT = /\bimport\s+([\w$]+)\s+from\s+['"][^'"\n]+\.json['"]|\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"][^'"\n]+\.json['"]\s*\)/g;

/**
 * `const pathname = '/applications/:applicationId/access-control'` in a block around `node`, before it (logto's
 * route functions): its value, when that is a path this file can read.
 */
function functionConstant(s: FileStructure, node: Node, depth: number): string | undefined {
  const name = node.text;
  for (let block = node.parent; block; block = block.parent) {
    if (block.type !== 'statement_block') continue;
    // (Cheap before the statements are walked: most blocks declare no such name.)
    if (!block.text.includes(`const ${name}`)) continue;
    for (const statement of block.namedChildren) {
      if (!statement || statement.startIndex >= node.startIndex) break;
      if (statement.type !== 'lexical_declaration' || !statement.text.startsWith('const')) continue;
      for (const d of statement.namedChildren) {
        if (d?.type === 'variable_declarator' && d.childForFieldName('name')?.text === name) return jsPrefixValue(s, d.childForFieldName('value'), depth + 1);
      }
    }
  }
  return undefined;
}

/** The string a field of the class around `node` is initialised with (`public path = '/users';`). */
function classField(node: Node, name: string): string | undefined {
  let body: Node | null = node.parent;
  while (body && body.type !== 'class_body') body = body.parent;
  for (const member of body?.namedChildren ?? []) {
    if ((member?.type === 'public_field_definition' || member?.type === 'field_definition') && (member.childForFieldName('name') ?? member.childForFieldName('property'))?.text === name) {
      return stringValue(member.childForFieldName('value'));
    }
  }
  return undefined;
}

/** `process.env.X`, `process.env['X']`: the variable's name. */
function envName(text: string): string | undefined {
  const m = WHOLE_ENV_VAR.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] ?? m[2]) : undefined;
}

const WHOLE_ENV_VAR = new RegExp(`^${JS_ENV_VAR}$`);
