import type { ImportFact } from './codeModel';
import type { LanguageFamily } from './hazards/callCatalogue';
import type { FileStructure } from './fileStructure';
import { stringValue } from './syntax';
import { mentions, textOf, type Searchable } from './wordSearch';

/**
 * Imports and exports of a file, read from its text with patterns anchored on the keywords (cheaper than asking
 * the tree, and these statements have a rigid shape). Only used to link files: a miss loses a cross-file link,
 * never produces a warning.
 */
export function moduleFacts(source: Searchable, family: LanguageFamily): ModuleFacts {
  // Once per text: the statements' analysis asks which names a file imports, and the merge keeps them all.
  if (typeof source === 'string') return readModuleFacts(source, family);
  let facts = factsOf.get(source);
  if (!facts) factsOf.set(source, (facts = readModuleFacts(source, family)));
  return facts;
}

type ModuleFacts = { imports: ImportFact[]; exports: Record<string, string> };

/** The name a module imported lazily is kept under (`import:./find.handler`): no identifier, so no name of the code. */
export const LAZY_IMPORT = 'import:';
/** By the file's word search, made once per text (an edit makes a new one): read-only for those who ask. */
const factsOf = new WeakMap<Exclude<Searchable, string>, ModuleFacts>();

function readModuleFacts(source: Searchable, family: LanguageFamily): ModuleFacts {
  const text = textOf(source);
  switch (family) {
    case 'js':
      return javascriptFacts(source);
    case 'python':
      return { imports: pythonImports(text), exports: everyName() };
    case 'go':
      return { imports: goImports(text), exports: everyName() };
    case 'java':
      return { imports: javaImports(text), exports: everyName() };
  }
}

/** Every top-level name is importable (no prototype, as JavaScript's exports: `exports.constructor` is no export). */
function everyName(): Record<string, string> {
  const exports: Record<string, string> = Object.create(null);
  exports['*'] = '*';
  return exports;
}

function javascriptFacts(source: Searchable): { imports: ImportFact[]; exports: Record<string, string> } {
  const text = textOf(source);
  const imports: ImportFact[] = [];
  // No prototype: a dictionary from the start. Keys differ from file to file (`list12`, `detail12`), and adding
  // them to plain objects grows one hidden-class transition per name, which made this line a hot spot; it also
  // means `exports.constructor` is only ever an export.
  const exports: Record<string, string> = Object.create(null);
  // Statements at the start of a line that begin with `import` or `export`: each read on its own, so the
  // patterns below never scan the whole text.
  const statements: string[] = [];
  for (let i = text.indexOf('port'); i >= 0; i = text.indexOf('port', i + 4)) {
    const at = i - 2;
    if (at < 0 || (text[at] !== 'i' && text[at] !== 'e') || (text[at] === 'i' ? text[at + 1] !== 'm' : text[at + 1] !== 'x')) continue;
    let lineStart = at;
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    if (lineStart > 0 && text[lineStart - 1] !== '\n') continue;
    const semicolon = text.indexOf(';', at);
    const newline = text.indexOf('\n', at);
    let end = newline < 0 ? text.length : newline;
    // Multi-line `import {\n a,\n b\n} from 'x'` and `export {\n …\n}`: up to the closing brace's line.
    const brace = text.indexOf('{', at);
    if (brace >= 0 && brace < end && text.indexOf('}', brace) > end) end = text.indexOf('\n', text.indexOf('}', brace));
    if (semicolon >= 0 && semicolon < end) end = semicolon;
    statements.push(text.slice(at, end < 0 ? text.length : end));
  }
  for (const statement of statements) {
    if (statement.startsWith('import')) importStatement(statement, imports);
    else if (!reexportStatement(statement, imports, exports)) exportStatement(statement, exports);
  }

  // A lazy import kept in a constant (AdonisJS's `const UsersController = () => import('#controllers/users_controller')`):
  // the module's default export under that name, as a static import would give it.
  if (mentions(source, 'import(')) {
    for (const m of text.matchAll(/(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?\(\s*\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      imports.push({ local: m[1], module: m[2], imported: 'default' });
    }
    // A module a function imports lazily and keeps, whole or in part (cal.com's tRPC procedures: `const { getHandler } =
    // await import("./find.handler")`, `const m = await import("./x")`): as a namespace import, under a name of its own
    // (LAZY_IMPORT + the module), which the calls of those names in that function stand for (lazyImportBindings).
    const lazy = new Set<string>();
    for (const m of text.matchAll(/=\s*await\s+import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      if (lazy.has(m[1])) continue;
      lazy.add(m[1]);
      imports.push({ local: LAZY_IMPORT + m[1], module: m[1], imported: '*' });
    }
  }
  // A module handed whole to a wrapper and kept (growthbook's `const tagController = wrapController(rawTagController)`
  // with `import * as rawTagController from './tag.controller'`): the module, under the new name.
  if (imports.some((i) => i.imported === '*' && i.local !== '*')) {
    for (const m of text.matchAll(/^[ \t]*(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*=\s*(?:await\s+)?([\w$.]+)\(\s*([\w$]+)\s*\)\s*;?\s*$/gm)) {
      // A wrapper by its name (`wrapController`, `promisifyAll`, `withAuth`), not any call given the module (`knex(config)`).
      if (!MODULE_WRAPPER.test(m[2].slice(m[2].lastIndexOf('.') + 1))) continue;
      const wrapped = imports.find((i) => i.local === m[3] && i.imported === '*');
      if (wrapped && !imports.some((i) => i.local === m[1])) imports.push({ local: m[1], module: wrapped.module, imported: '*' });
    }
  }
  const requires = mentions(source, 'require(') ? text.matchAll(/(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)(?:\.([\w$]+))?/g) : [];
  for (const m of requires) {
    const [, target, module, member] = m;
    if (target.startsWith('{')) {
      for (const spec of target.slice(1, -1).split(',')) {
        const [imported, local] = spec.split(':').map((x) => x.trim());
        if (imported) imports.push({ local: local || imported, module, imported });
      }
    } else imports.push({ local: target, module, imported: member ?? 'default' });
  }
  // Names taken from a module kept whole (NodeBB's `const routeHelpers = require('../helpers')` then `const {
  // setupApiRoute } = routeHelpers;`, or `const setupApiRoute = routeHelpers.setupApiRoute;`): imported from it.
  const wholes = imports.filter((i) => i.local !== '*' && (i.imported === '*' || (i.imported === 'default' && requiresWhole(text, i.local))));
  for (const whole of wholes) {
    const name = whole.local.replace(/\$/g, '\\$');
    for (const m of text.matchAll(new RegExp(`(?:const|let|var)\\s+(?:\\{([^}]*)\\}\\s*=\\s*${name}|([\\w$]+)\\s*=\\s*${name}\\.([\\w$]+))\\s*[;\\n]`, 'g'))) {
      const specs = m[1] !== undefined ? m[1].split(',').map((spec) => spec.split(':').map((x) => x.trim())) : [[m[3], m[2]]];
      for (const [imported, local] of specs) if (/^[\w$]+$/.test(imported)) imports.push({ local: local || imported, module: whole.module, imported });
    }
  }
  if (!mentions(source, 'exports')) return { imports, exports };
  const moduleExports = /\bmodule\.exports\s*=\s*(?:async\s+)?(?:function\s*\*?\s*)?([\w$]+|\{[^}]*\})/.exec(text);
  // `module.exports = require('./routes')` (kutt's routes/index.js): the module is that one, as `export * from` says.
  // (Not what the module gives when called or a member of it: `require('./x')(app)`, `require('./x').default`.)
  const whole = moduleExports?.[1] === 'require' ? /^\s*\(\s*['"]([^'"]+)['"]\s*\)(?!\s*[.([])/.exec(text.slice(moduleExports.index + moduleExports[0].length)) : null;
  if (whole) imports.push({ local: '*', module: whole[1], imported: '*' });
  else if (moduleExports) {
    const value = moduleExports[1];
    if (value.startsWith('{')) objectExports(value, exports);
    else if (value !== 'function' && value !== 'class') exports.default = value; // an anonymous function or class: `default`
  }
  for (const m of text.matchAll(/\b(?:module\.)?exports\.([\w$]+)\s*=\s*([\w$]+)?(?:\(\s*['"]([^'"]+)['"]\s*\))?/g)) {
    // `module.exports.emailService = require('./email.service')` (node-express-boilerplate's services/index.js):
    // the module itself, exported under that name.
    if (m[2] === 'require' && m[3]) {
      imports.push({ local: m[1], module: m[3], imported: '*' });
      exports[m[1]] = m[1];
    } else exports[m[1]] = m[2] && !/^(async|function)$/.test(m[2]) ? m[2] : m[1];
  }
  return { imports, exports };
}

/** A name a function binds to what it imports lazily: the module, and the member it takes (none: the module whole). */
export interface LazyBinding {
  module: string;
  member?: string;
}

/**
 * The names the functions of a statement bind to modules they import lazily, by function (scan index into
 * `functions`, -1 at top level): `const { getHandler } = await import("./find.handler")` binds `getHandler` to that
 * module's `getHandler`, `{ listHandler: run }` binds `run`, `const m = await import("./x")` binds `m` to the module.
 * A call of such a name in the function, or in one written inside it, is a call of that module's function (see
 * LAZY_IMPORT). Undefined when there is none.
 */
export function lazyImportBindings(s: FileStructure): Map<number, Map<string, LazyBinding>> | undefined {
  if (!s.mentions('import(') || !s.mentions('await')) return undefined;
  let out: Map<number, Map<string, LazyBinding>> | undefined;
  for (const [i] of s.calls) {
    const node = s.nodes[i].node;
    if (node.childForFieldName('function')?.type !== 'import') continue;
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    const module = args.length === 1 && args[0]?.type === 'string' ? stringValue(args[0]) : undefined;
    const declarator = node.parent?.type === 'await_expression' ? node.parent.parent : null;
    const target = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
    if (!module || !target) continue;
    const names = new Map<string, LazyBinding>();
    if (target.type === 'identifier') names.set(target.text, { module });
    else if (target.type === 'object_pattern') {
      for (const p of target.namedChildren) {
        if (p?.type === 'shorthand_property_identifier_pattern') names.set(p.text, { module, member: p.text });
        else if (p?.type === 'pair_pattern') {
          const key = p.childForFieldName('key');
          const value = p.childForFieldName('value');
          if (key?.type === 'property_identifier' && value?.type === 'identifier') names.set(value.text, { module, member: key.text });
        }
      }
    }
    if (!names.size) continue;
    out ??= new Map();
    const f = s.functionOf[i];
    const own = out.get(f) ?? new Map<string, LazyBinding>();
    for (const [name, b] of names) own.set(name, b);
    out.set(f, own);
  }
  return out;
}

/** The chain a call of a name a function binds lazily stands for (`getHandler(…)` → `import:./find.handler`, `getHandler`). */
export function lazyChain(s: FileStructure, bindings: Map<number, Map<string, LazyBinding>>, i: number, chain: string[]): string[] | undefined {
  for (let f = s.functionOf[i]; ; f = s.functions[f].outer) {
    const b = bindings.get(f)?.get(chain[0]);
    if (b) return b.member ? [LAZY_IMPORT + b.module, b.member, ...chain.slice(1)] : [LAZY_IMPORT + b.module, ...chain.slice(1)];
    if (f < 0) return undefined;
  }
}

/** What a wrapper a module is handed whole is named: growthbook's `wrapController`, Bluebird's `promisifyAll`. */
const MODULE_WRAPPER = /^(?:wrap\w*|\w*Wrap(?:per|ped)?|promisify\w*|with[A-Z]\w*|instrument\w*|trace\w*|decorate\w*|proxy\w*|\w*Proxy)$/;

function importStatement(statement: string, imports: ImportFact[]): void {
  const m = /^import[ \t]+(?:type\s+)?([^;'"]*?)\s+from\s+['"]([^'"]+)['"]/.exec(statement);
  if (!m) return;
  const clause = m[1];
  const module = m[2];
  const ns = /\*\s+as\s+([\w$]+)/.exec(clause);
  if (ns) imports.push({ local: ns[1], module, imported: '*' });
  const def = /^([\w$]+)\s*(,|$)/.exec(clause.trim());
  if (def) imports.push({ local: def[1], module, imported: 'default' });
  const named = /\{([^}]*)\}/.exec(clause);
  if (named) {
    for (const spec of named[1].split(',')) {
      const parts = spec.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (parts[0]) imports.push({ local: (parts[1] ?? parts[0]).trim(), module, imported: parts[0].trim() });
    }
  }
}

/**
 * `export { default } from './documents'`, `export { a as b } from './x'`, `export * from './x'`: an import and an
 * export in one, so a name imported from this index leads on to the module that defines it. `*` re-exports are
 * kept as imports with local name `*` (looked in when the index does not export a name itself).
 */
function reexportStatement(statement: string, imports: ImportFact[], exports: Record<string, string>): boolean {
  const m = /^export[ \t]*(?:type\s*)?(?:\{([^}]*)\}|\*)\s*from\s*['"]([^'"]+)['"]/.exec(statement);
  if (!m) return false;
  const module = m[2];
  if (m[1] === undefined) {
    imports.push({ local: '*', module, imported: '*' });
    return true;
  }
  for (const spec of m[1].split(',')) {
    const [imported, exported] = spec.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
    if (!imported) continue;
    const name = (exported ?? imported).trim();
    imports.push({ local: name, module, imported: imported.trim() });
    exports[name] = name;
  }
  return true;
}

/**
 * The members of an exports object written in place (`{ api: apiRouter, list }`), each under its key; a module spread
 * into it (saltcorn's db facade, `{ isSQLite: false, ...postgresPkg }`) kept as `...postgresPkg`, whose members it
 * passes on (WorkspaceLinker.memberOfExports).
 */
function objectExports(value: string, exports: Record<string, string>): void {
  for (const spec of value.slice(1, -1).split(',')) {
    const [key, local] = spec.split(':').map((x) => x.trim());
    if (!key) continue;
    if (key.startsWith('...')) {
      if (/^\.\.\.[\w$]+$/.test(key)) exports[key] = key.slice(3);
    } else if (/^[\w$]+$/.test(key)) exports[key] = local && /^[\w$]+$/.test(local) ? local : key;
  }
}

function exportStatement(statement: string, exports: Record<string, string>): void {
  // An exports object written in place (`export default { isSQLite: false, ...postgresPkg }`): its members.
  const object = /^export[ \t]+default\s+(\{[^}]*\})/.exec(statement);
  if (object) {
    objectExports(object[1], exports);
    return;
  }
  // A named function or class, or a plain name (`export default router;`): not an expression's first word
  // (`export default Router().use(…)` exports no name).
  let m = /^export[ \t]+default\s+(?:async\s+)?(?:function\s*\*?\s*|class\s+)([\w$]+)/.exec(statement) ?? /^export[ \t]+default\s+([\w$]+)\s*(?:;|$)/m.exec(statement);
  if (m) {
    exports.default = m[1];
    return;
  }
  m = /^export[ \t]+(?:declare\s+)?(?:async\s+)?(?:function\s*\*?|const|let|var|class|abstract\s+class)\s+([\w$]+)/.exec(statement);
  if (m) {
    exports[m[1]] = m[1];
    return;
  }
  m = /^export[ \t]*(?:type\s*)?\{([^}]*)\}/.exec(statement);
  if (m) {
    for (const spec of m[1].split(',')) {
      const [local, exported] = spec.trim().split(/\s+as\s+/);
      if (local) exports[(exported ?? local).trim()] = local.trim();
    }
  }
}

function pythonImports(text: string): ImportFact[] {
  const out: ImportFact[] = [];
  // A comment inside the parentheses (`# V2 Endpoints` above a name, black's style) is not a name, and its `)` ends nothing.
  for (const m of text.matchAll(/^[ \t]*from\s+([\w.]+)\s+import\s+(\((?:[^)#]|#[^\n]*)*\)|[^\n#]+)/gm)) {
    const module = m[1];
    for (const spec of m[2].replace(/#[^\n]*/g, ' ').replace(/[()\\\n]/g, ' ').split(',')) {
      const [imported, local] = spec.trim().split(/\s+as\s+/);
      if (imported === '*') out.push({ local: '*', module, imported: '*' });
      else if (imported) out.push({ local: (local ?? imported).trim(), module, imported: imported.trim() });
    }
  }
  for (const m of text.matchAll(/^[ \t]*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/gm)) {
    for (const spec of m[1].split(',')) {
      const [module, local] = spec.trim().split(/\s+as\s+/);
      out.push({ local: (local ?? module.split('.')[0]).trim(), module: local ? module : module.split('.')[0], imported: '*' });
      if (!local && module.includes('.')) out.push({ local: module, module, imported: '*' });
    }
  }
  return out;
}

export function goImports(text: string): ImportFact[] {
  const out: ImportFact[] = [];
  // Names a major version stands for come last: where an import is named so for sure (beer-shop's
  // `…/app/catalog/service/internal/service`), another's `…/api/catalog/service/v1` must not take its name.
  const versioned: ImportFact[] = [];
  const blocks = [...text.matchAll(/^import\s*\(([\s\S]*?)\)/gm)].map((m) => m[1]);
  for (const m of text.matchAll(/^import\s+((?:[\w.]+\s+)?"[^"]+")/gm)) blocks.push(m[1]);
  for (const block of blocks) {
    for (const m of block.matchAll(/(?:^|\n|;)\s*([\w.]+\s+)?"([^"]+)"/g)) {
      const module = m[2];
      const alias = m[1]?.trim();
      if (alias === '_' || alias === '.') continue;
      if (alias) {
        out.push({ local: alias, module, imported: '*' });
        continue;
      }
      const segments = module.split('/');
      const last = segments[segments.length - 1];
      // `…/chi/v5` is package chi (a module's major version), but `…/routers/api/v1` and `k8s.io/api/core/v1` are
      // packages named v1: which one only the imported package's own clause says, so the import binds both names.
      if (/^v\d+$/.test(last) && segments.length > 1) versioned.push({ local: segments[segments.length - 2].replace(/[-.]/g, '_'), module, imported: '*' });
      out.push({ local: last.replace(/[-.]/g, '_'), module, imported: '*' });
    }
  }
  return [...out, ...versioned];
}

function javaImports(text: string): ImportFact[] {
  const out: ImportFact[] = [];
  for (const m of text.matchAll(/^import\s+(?:static\s+)?([\w.]+)\s*;/gm)) {
    const module = m[1];
    out.push({ local: module.split('.').pop()!, module, imported: '*' });
  }
  return out;
}

/** `const name = require('…')` with nothing after the call: the module's exports whole, not one of them. */
function requiresWhole(text: string, name: string): boolean {
  return new RegExp(`(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*require\\(\\s*['"][^'"]+['"]\\s*\\)\\s*[;\\n]`).test(text);
}

/**
 * A module's `__all__ = ['A', 'B']` (or a tuple), when it is a literal list of strings: the names `from m import *`
 * binds. Undefined when it is absent or built some other way (`__all__ = a.__all__ + […]`), and then every name passes.
 */
export function pythonAllOf(text: string): string[] | undefined {
  const m = /^__all__[ \t]*=[ \t]*[[(]([^\])]*)[\])][ \t]*(?:#[^\n]*)?$/m.exec(text);
  if (!m || /^__all__[ \t]*(?:\+=|\.(?:append|extend)\b)/m.test(text)) return undefined;
  const names = m[1].replace(/#[^\n]*/g, ' ');
  if (!/^[\s,]*(?:(['"])\w+\1[\s,]*)*$/.test(names)) return undefined;
  return [...names.matchAll(/['"](\w+)['"]/g)].map((n) => n[1]);
}
