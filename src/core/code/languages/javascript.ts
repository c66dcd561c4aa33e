import type { Node } from '@vscode/tree-sitter-wasm';
import { field, type LanguageSpec } from './languageSpec';
import { lastNonSpaceBefore } from '../syntax';
import { mentions, textOf, type Searchable } from '../wordSearch';

/**
 * `const createUser = catchAsync(async (req, res) => …)`, `exports.list = asyncHandler(async …)`: a handler wrapped by
 * a function that returns it (express-async-handler, catchAsync…) is known by the name the wrapper's result gets, as
 * routes and callers name it. Read from the text before the call, so callbacks elsewhere cost one short test.
 */
const WRAPPED = /(?:^|[\s;{}(,])(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)|(?:module\.)?exports\.([A-Za-z_$][\w$]*))\s*=\s*(?:await\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(\s*$/;

function wrappedName(fn: Node, text: string, callbackMethods: ReadonlySet<string>): string | undefined {
  const m = WRAPPED.exec(text.slice(Math.max(0, fn.startIndex - 120), fn.startIndex));
  if (!m) return undefined;
  const callee = m[3];
  // `const names = rows.map((r) => …)` names the result, not the callback.
  if (callbackMethods.has(callee.slice(callee.lastIndexOf('.') + 1)) || callee.startsWith('Promise.')) return undefined;
  return m[1] ?? m[2];
}

/**
 * The verify function of a Passport strategy, `passport.use(new GitHubStrategy({…}, async (req, token, …) => …))`: it
 * runs on the routes that call `passport.authenticate('github')`, so it is named `passport:github` for them to find.
 * The name is the one `passport.use('name', …)` gives the strategy (also through a variable), else the strategy's
 * default: its class name without `Strategy`, in lower case.
 */
function passportStrategyName(fn: Node, text: string): string | undefined {
  if (!makesStrategies(text)) return undefined;
  const created = fn.parent?.parent;
  if (created?.type !== 'new_expression') return undefined;
  const cls = /(\w*)Strategy$/.exec(field(created, 'constructor')?.text ?? '')?.[1];
  if (cls === undefined) return undefined;
  let name: string | undefined;
  const holder = created.parent;
  if (holder?.type === 'arguments') {
    const first = holder.namedChildren[0];
    if (first && first.type === 'string' && /\.use\s*\($/.test(text.slice(Math.max(0, holder.startIndex - 20), holder.startIndex + 1))) name = first.text.slice(1, -1);
  } else if (holder?.type === 'variable_declarator') {
    const variable = field(holder, 'name')?.text;
    if (variable) name = new RegExp(`\\.use\\(\\s*['"]([\\w-]+)['"]\\s*,\\s*${variable.replace(/\$/g, '\\$')}\\s*\\)`).exec(text)?.[1];
  }
  return strategyKey(name ?? (cls || 'strategy'));
}

/**
 * Strategies given a verify function by name, `const jwtStrategy = new JwtStrategy(jwtOptions, jwtVerify)`
 * (node-express-boilerplate): `{ 'passport:jwt': 'jwtVerify' }`, named as passportStrategyName names them.
 */
export function passportVerifiersOf(source: Searchable): Record<string, string> | undefined {
  if (!mentions(source, 'Strategy')) return undefined;
  const text = textOf(source);
  let out: Record<string, string> | undefined;
  // NestJS: `class JwtStrategy extends PassportStrategy(Strategy, 'jwt') { validate(payload) {…} }`, its name the one
  // given, else the default of the package the strategy comes from (`passport-jwt`: `jwt`; `passport-google-oauth20`:
  // `google`). Its `validate` is the verify function.
  for (const m of text.matchAll(/\bclass\s+[A-Za-z_$][\w$]*\s+extends\s+PassportStrategy\s*\(\s*([\w$.]+)\s*(?:,\s*['"]([\w-]+)['"]\s*)?\)/g)) {
    const from = new RegExp(`import\\s*\\{[^}]*\\b${m[1].split('.').pop()}\\b[^}]*\\}\\s*from\\s*['"]passport-([\\w-]+)['"]`).exec(text)?.[1];
    const name = m[2] ?? from?.replace(/-oauth\d*$|\d+$/, '').replace(/^http-/, '');
    if (name) (out ??= {})[strategyKey(name)] = 'validate';
  }
  if (!makesStrategies(text)) return out;
  for (const m of text.matchAll(/new\s+(?:[\w$]+\.)?(\w*)Strategy\s*\(\s*(?:(?:[^()]|\([^()]*\)){0,600}?,\s*)?([A-Za-z_$][\w$]*)\s*\)/g)) {
    const before = text.slice(Math.max(0, m.index! - 200), m.index!);
    let name = /\.use\s*\(\s*['"]([\w-]+)['"]\s*,\s*$/.exec(before)?.[1];
    const variable = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(before)?.[1];
    if (!name && variable) name = new RegExp(`\\.use\\(\\s*['"]([\\w-]+)['"]\\s*,\\s*${variable.replace(/\$/g, '\\$')}\\s*\\)`).exec(text)?.[1];
    (out ??= {})[strategyKey(name ?? (m[1] || 'strategy'))] = m[2];
  }
  return out;
}

/** The file creates a strategy (`new …Strategy(`): asked once per text, not once per callback. */
let strategyText: string | undefined;
let strategyFound = false;
function makesStrategies(text: string): boolean {
  if (text !== strategyText) {
    strategyText = text;
    strategyFound = text.includes('Strategy') && /\bnew\s+[\w$.]*Strategy\s*\(/.test(text);
  }
  return strategyFound;
}

/** Names compared as Passport users write them: `steam-openid` is SteamOpenIdStrategy's. */
export function strategyKey(name: string): string {
  return `passport:${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/**
 * `passport.authenticate('github', …)` (or `authorize`, which links an account): a call of the strategy's verify
 * function (see passportStrategyName).
 */
export function passportAuthenticated(chain: readonly string[], argsText: string /* with or without its brackets */): string | undefined {
  if (chain.length !== 2 || chain[0] !== 'passport' || (chain[1] !== 'authenticate' && chain[1] !== 'authorize')) return undefined;
  const name = /^\(?\s*['"`]([\w-]+)['"`]/.exec(argsText)?.[1];
  return name ? strategyKey(name) : undefined;
}

/** A declaration's name as plainly written; anything else (computed names, comments) is asked of the tree. */
const PLAIN_FUNCTION = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]/;
const PLAIN_METHOD = /^(?:(?:static|async|public|private|protected|readonly|override|abstract|accessor)\s+)*(?:(?:get|set)\s+(?=[A-Za-z_$#]))?\*?\s*(#?[A-Za-z_$][\w$]*)\s*[(<]/;

/** TypeScript, TSX and JavaScript share the grammar shapes used here. */
export const JAVASCRIPT: LanguageSpec = {
  family: 'js',
  callTypes: ['call_expression', 'new_expression'],
  argumentTypes: ['arguments'],
  functionTypes: ['function_declaration', 'generator_function_declaration', 'method_definition', 'arrow_function', 'function_expression', 'function', 'generator_function'],
  classTypes: ['class_declaration', 'class'],
  loops: {
    for_statement: { kind: 'for', once: (n) => field(n, 'initializer') },
    for_in_statement: { kind: 'for…of', once: (n) => field(n, 'right'), iterable: (n) => field(n, 'right') },
    while_statement: { kind: 'while' },
    do_statement: { kind: 'do…while' },
  },
  extraTypes: ['decorator'],
  // `each`: lodash's and underscore's `_.each(items, fn)`; `mapSeries`: Bluebird's (`Promise.mapSeries(items, fn)`).
  callbackMethods: new Set(['forEach', 'each', 'map', 'mapSeries', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex']),
  parallelWrappers: /^Promise\.(all|allSettled|any|race)$/,
  // Bluebird's `Promise.map(items, fn)` and `Promise.filter` run the callbacks concurrently (hapi_app's workers);
  // its `Promise.each` and `Promise.mapSeries` one after another, whatever the callback returns.
  // (Also imported under another name, growthbook's `BluebirdPromise`; its `reduce` waits for each callback in turn.)
  parallelChains: /^(?:Promise|Bluebird\w*|BPromise)\.(?:map|filter)$/,
  sequentialChains: /^(?:Promise|Bluebird\w*|BPromise)\.(?:each|mapSeries|reduce)$/,
  parallelScopes: new Set(),
  literalTypes: new Set(['array']),
  spreadTypes: new Set(['spread_element']),
  functionName(fn: Node, type: string, text: string): string | undefined {
    if (type === 'function_declaration' || type === 'generator_function_declaration' || type === 'method_definition') {
      // Read from the text when it is plain (`async function list(`, `static async get(`): no tree round trip.
      const head = text.slice(fn.startIndex, fn.startIndex + 120);
      const plain = (type === 'method_definition' ? PLAIN_METHOD : PLAIN_FUNCTION).exec(head);
      return plain ? plain[1] : field(fn, 'name')?.text;
    }
    // `function named() {}` as an expression keeps its own name.
    if (type === 'function_expression' || type === 'function') {
      const own = field(fn, 'name')?.text;
      if (own) return own;
    }
    // `const f = () => …`, `f: function () {…}`, `exports.f = async (req, res) => …`. A callback passed as an
    // argument (the usual case) is preceded by `(` or `,`: no need to ask the tree for its parent.
    const before = lastNonSpaceBefore(text, fn.startIndex);
    if (before === '(' || before === ',') {
      const strategy = passportStrategyName(fn, text);
      if (strategy) return strategy;
    }
    if (before === '(') return wrappedName(fn, text, JAVASCRIPT.callbackMethods);
    if (before !== '=' && before !== ':') return undefined;
    const parent = fn.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case 'variable_declarator': {
        const name = field(parent, 'name');
        return name?.type === 'identifier' ? name.text : undefined;
      }
      case 'pair':
        return field(parent, 'key')?.text;
      case 'assignment_expression': {
        const left = field(parent, 'left');
        return left?.type === 'member_expression' ? field(left, 'property')?.text : left?.text;
      }
      case 'public_field_definition':
        return field(parent, 'name')?.text;
      default:
        return undefined;
    }
  },
  // (A class's `static async find()`, TypeScript's `private async send()`: the modifiers come first.)
  isAsync: (text) => /^(?:(?:static|public|private|protected|override)\s+)*async\b/.test(text),
  nonCodeTypes: new Set(['comment', 'string', 'string_fragment', 'template_string', 'regex', 'regex_pattern']),
};
