import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Hazard, Span } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import type { CallCatalogue } from './callCatalogue';
import type { FoundHazard } from './loopHazards';
import { outermostCall } from './djangoQuerysets';
import { wholeNameOffsets } from '../wordSearch';
import { isClientModule, isServerPage, nextServerFunctions } from '../routes/nextRoutes';
import { remixServerFunctions } from '../routes/remixRoutes';
import { ASCII_NAME } from '../assignments';
import { closingBracket } from '../syntax';

/**
 * `missing-timeout`: an outbound client created or called without a timeout (`requests.get(url)`, `fetch(url)`
 * with no AbortSignal, `axios.create({})`, Go's `http.Get` and `&http.Client{}` without `Timeout`,
 * `new RestTemplate()`). A slow dependency then holds the request, and its worker, for as long as it likes.
 */
export function findMissingTimeouts(s: FileStructure, file: string, catalogue: CallCatalogue, tree: Tree): FoundHazard[] {
  const out: FoundHazard[] = [];
  // A Remix or React Router route module's loader and action run on the server: their fetches are the server's; so
  // does a Next.js page's getServerSideProps.
  const serverParts = s.spec.family === 'js' ? (remixServerFunctions(file, s) ?? nextServerFunctions(file, s)) : undefined;
  if (s.spec.family === 'js' && runsInBrowser(file, s.text, s.words, !!serverParts)) return out;
  let lastStart = -1;
  for (const [i, call] of s.calls) {
    if (call.chain.length === 0 || s.nodes[i].start === lastStart) continue;
    if (serverParts && !withinFunctions(s, i, serverParts)) continue;
    const rule = s.rules(call, catalogue).timeout;
    if (!rule) continue;
    lastStart = s.nodes[i].start;
    if (s.spec.family === 'js' && s.mentions('race') && racedAgainstTimer(s, i)) continue;
    // (The arguments of the chain's first call: `fetch('/api/ping').then(…)` is read at the outer call.)
    if (rule.browserOnlyArgs && call.argsStart >= 0) {
      const text = s.text.slice(s.nodes[i].start, call.argsEnd);
      const open = text.indexOf('(');
      if (open >= 0 && s.memo(`browser:${rule.browserOnlyArgs}`, () => new RegExp(rule.browserOnlyArgs!)).test(text.slice(open))) continue;
    }
    if (rule.localArgs && call.argsStart >= 0 && new RegExp(rule.localArgs).test(s.text.slice(call.argsStart, call.argsEnd))) continue;
    if (rule.localHolder && call.chain.length === 2 && s.memo(`local:${rule.localHolder}`, () => new RegExp(rule.localHolder!)).test(s.lastValueOf(i, call.chain[0]) ?? '')) continue;
    if (rule.remoteHolder && !(call.chain.length === 2 && s.memo(`remote:${rule.remoteHolder}`, () => new RegExp(rule.remoteHolder!)).test(s.lastValueOf(i, call.chain[0]) ?? ''))) continue;
    if (s.spec.family === 'js' && s.mentions('baseURL') && pageRelativeClient(s, i, call.chain)) continue;
    // A client the project's own module makes and exports by name, named like a package (reactive-resume's
    // `import { axios } from './libs/axios'`, made there with or without a timeout): judged where it is made, not at
    // each call. (Not a default export: often the package itself handed on, `export default axios`.)
    if (s.spec.family === 'js' && call.chain.length >= 2 && (s.mentions('import') || s.mentions('require')) && projectImports(s).has(call.chain[0])) continue;
    if (!rule.always) {
      // The options may sit on any call of the chain: `got(url, { timeout }).json()`. JavaScript: not in a function
      // given, whose body runs later (`https.get(url, (res) => { … resolve({ body, timeout: false }) })`).
      const args = s.spec.family === 'js' ? chainArguments(s, i).filter((a) => !JS_FUNCTIONS.has(a.type)).map((a) => a.text).join(' ') : s.argumentsAlongChain(i).text;
      if (rule.timeoutArgs && new RegExp(rule.timeoutArgs).test(args)) continue;
      // …or in options kept in a variable, given by name or spread (n8n's `const timeoutOption = { timeout:
      // REQUEST_TIMEOUT }`, then `axios.get(url, timeoutOption)`).
      if (rule.timeoutArgs && s.spec.family === 'js' && s.memo(`timeoutArgs:${rule.timeoutArgs}`, () => new RegExp(rule.timeoutArgs!)).test(heldOptions(s, i))) continue;
      // Python: keyword arguments kept in a dict and unpacked (litellm's `request_kwargs = {"timeout": self.timeout, …}`,
      // then `requests.request(…, **request_kwargs)`; `kwargs = dict(timeout=10)`), read as the keywords written in place.
      if (rule.timeoutArgs && s.spec.family === 'python' && args.includes('**') && s.memo(`timeoutArgs:${rule.timeoutArgs}`, () => new RegExp(rule.timeoutArgs!)).test(heldKeywords(s, i))) continue;
      if (rule.timeoutArgs === undefined && chainAround(s, i).some((m) => /[tT]imeout/.test(m))) continue;
      if (rule.madeOnClientArgs) {
        // (On any call of the chain the call starts: `WebClient.builder().clientConnector(…).build()`.)
        const outer = s.nodes[outermostCall(s, i)];
        if (new RegExp(rule.madeOnClientArgs).test(s.text.slice(outer.start, outer.end))) continue;
      }
    }
    // `req, _ := http.NewRequestWithContext(ctx, …)` with `ctx, cancel := context.WithTimeout(…)`, then
    // `http.DefaultClient.Do(req)` (hatchet's security check): the request carries its deadline.
    if (s.spec.family === 'go' && call.chain[call.chain.length - 1] === 'Do' && deadlineInFunction(s, s.nodes[i].start)) continue;
    if (rule.setOnResult) {
      const held = timeoutOnResult(s, i, rule.setOnResult);
      if (held === 'set') continue;
      if (held === 'unset') {
        out.push(callWithoutTimeout(s, i, file, call.chain, rule.label, rule.processDefault ? { unlessDefault: rule.processDefault } : {}));
        continue;
      }
    }
    if (rule.configuredInFile) {
      const pattern = rule.configuredInFile;
      if (s.memo(`timeout:${pattern}`, () => new RegExp(pattern).test(s.text))) continue;
    }
    out.push(callWithoutTimeout(s, i, file, call.chain, rule.label, rule.processDefault ? { unlessDefault: rule.processDefault } : {}));
  }
  if (s.spec.family === 'go') out.push(...goClientLiterals(s, file, tree));
  if (s.spec.family === 'go' && (s.mentions('Do') || s.mentions('Get') || s.mentions('Post') || s.mentions('Head') || s.mentions('PostForm'))) out.push(...goHeldDefaultClients(s, file));
  if (s.spec.family === 'java' && s.mentions('java.net.http') && s.mentions('newBuilder')) out.push(...javaRequestsWithoutTimeout(s, file));
  return out;
}

/**
 * JavaScript: the object literals the chain's calls are given by name (`axios.get(url, timeoutOption)`) or spread into
 * their options (`{ ...timeoutOption, headers }`), as written where the name was last given one: in the function
 * around the call or one around it (not where a parameter of it shadows the name), else at the top of the module
 * (`const DEFAULTS = { timeout: 5000 }`); a spread inside one is read too, once. Names given anything else (a call's
 * result, a parameter) add nothing: what they hold is not known here.
 */
function heldOptions(s: FileStructure, i: number): string {
  let out = '';
  for (const arg of chainArguments(s, i)) {
    if (arg.type === 'identifier') out += ' ' + (objectHeldBy(s, i, arg.text, 1) ?? '');
    else if (arg.type === 'object') {
      for (const part of arg.namedChildren) {
        const spread = part?.type === 'spread_element' ? part.namedChildren[0] : undefined;
        if (spread?.type === 'identifier') out += ' ' + (objectHeldBy(s, i, spread.text, 1) ?? '');
      }
    }
  }
  return out;
}

/** A function written in place as an argument (a callback). */
const JS_FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

/** The arguments of every call of the chain that starts at node i (`client.get(url, opts).then(…)`: each call's). */
function chainArguments(s: FileStructure, i: number): Node[] {
  const out: Node[] = [];
  const start = s.nodes[i].start;
  for (let j = i; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const call = s.calls.get(j);
    if (call && call.argsStart >= 0) out.push(...s.argumentsOf(call));
  }
  return out;
}

/**
 * Python: the keywords of the dicts the chain's calls unpack (`**request_kwargs`), written `timeout= headers=`: the
 * string keys of the dict literal (`{"timeout": 10}`) or the keywords of `dict(timeout=10)` the function, one around
 * it, or the top of the module last gives the name, with keys it sets after (`kwargs["timeout"] = 5`), and those of a
 * dict it unpacks in turn, once. A parameter (`**kwargs` handed on) or a name given anything else adds nothing.
 */
function heldKeywords(s: FileStructure, i: number): string {
  let out = '';
  for (const arg of chainArguments(s, i)) {
    const name = arg.type === 'dictionary_splat' ? arg.namedChildren[0] : undefined;
    if (name?.type === 'identifier') out += ' ' + pyDictKeywords(s, i, name.text, 1);
    // A dict written in place, `**{"timeout": 3}`.
    else if (name?.type === 'dictionary') out += ' ' + dictKeywords(s, i, '', name.text, 1);
  }
  return out;
}

/** The keywords (`timeout= …`) the dict `name` holds at node i (see heldKeywords). */
function pyDictKeywords(s: FileStructure, i: number, name: string, depth: number): string {
  if (!/^[A-Za-z_]\w*$/.test(name)) return '';
  const cut = s.nodes[i].start;
  let value: string | undefined;
  let after = '';
  let found = false;
  for (let f = s.functionOf[i]; f >= 0 && !found; f = s.functions[f].outer) {
    const fn = s.nodes[s.functions[f].index];
    const body = fn.node.childForFieldName('body');
    const bodyStart = body ? body.startIndex : fn.start;
    const head = s.text.slice(fn.start, bodyStart);
    if (new RegExp(`(?:^|[^\\w.])${name}(?!\\w)`).test(head.slice(Math.max(0, head.indexOf('('))))) return '';
    // A statement that gives the name its value, not a keyword argument of that name (`make(params={…})`).
    const assignment = new RegExp(`^[ \\t]*${name}\\s*(?::[^=\\n]+)?=(?!=)\\s*`, 'gm');
    const text = s.text.slice(bodyStart, cut);
    let last: RegExpExecArray | undefined;
    for (let m = assignment.exec(text); m; m = assignment.exec(text)) last = m;
    if (last) {
      found = true;
      value = dictAt(s.text, bodyStart + last.index + last[0].length);
      after = text.slice(last.index + last[0].length);
    }
  }
  if (!found) value = s.memo(`py.moduleDict:${name}`, () => {
    const declared = new RegExp(`^${name}\\s*(?::[^=\\n]+)?=(?!=)\\s*`, 'gm');
    let last: RegExpExecArray | undefined;
    for (let m = declared.exec(s.text); m; m = declared.exec(s.text)) last = m;
    return last ? (dictAt(s.text, last.index + last[0].length) ?? null) : null;
  }) ?? undefined;
  if (value === undefined) return '';
  let out = dictKeywords(s, i, name, value, depth);
  // Keys set on it afterwards: `kwargs["timeout"] = 5`, `kwargs.update(timeout=5)`, `kwargs.setdefault("timeout", 5)`.
  for (const m of after.matchAll(new RegExp(`(?:^|[^\\w.])${name}\\[\\s*["'](\\w+)["']\\s*\\](\\s*=)(?!=)`, 'g'))) if (!SET_TO_NONE.test(after.slice(m.index + m[0].length - 1, m.index + m[0].length + 40))) out += ` ${m[1]}=`;
  for (const m of after.matchAll(new RegExp(`(?:^|[^\\w.])${name}\\.setdefault\\(\\s*["'](\\w+)["']\\s*,`, 'g'))) if (!SET_TO_NONE.test(after.slice(m.index + m[0].length - 1, m.index + m[0].length + 40))) out += ` ${m[1]}=`;
  for (const m of after.matchAll(new RegExp(`(?:^|[^\\w.])${name}\\.update\\(\\s*`, 'g'))) {
    const at = m.index + m[0].length;
    const open = after.lastIndexOf('(', at);
    // `update({"timeout": 5})` or `update(timeout=5)`: read as the literal or as `dict(timeout=5)`.
    const updated = after.charCodeAt(at) === 123 /* { */ ? dictAt(after, at) : dictAt('dict' + after.slice(open, open + 4000), 0);
    if (updated) out += dictKeywords(s, i, name, updated, depth);
  }
  return out;
}

/** The top-level keywords of a dict literal or `dict(…)` call's text, with those of dicts it unpacks read `depth` more times. */
function dictKeywords(s: FileStructure, i: number, name: string, value: string, depth: number): string {
  let out = '';
  // Its entries at the top level only: not a key of a dict inside it (`"json": {"timeout": 5}`).
  const literal = value.startsWith('{');
  let level = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (c === '"' || c === "'") {
      const end = value.indexOf(c, k + 1);
      if (end < 0) break;
      if (literal && level === 1 && /^\s*:/.test(value.slice(end + 1, end + 8)) && !SET_TO_NONE.test(value.slice(end + 1, end + 40))) out += ` ${value.slice(k + 1, end)}=`;
      k = end;
    } else if (c === '(' || c === '[' || c === '{') level++;
    else if (c === ')' || c === ']' || c === '}') level--;
    else if (level === 1 && !literal && /[A-Za-z_]/.test(c) && afterOpenOrComma(value, k)) {
      const kw = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(value.slice(k));
      if (kw && !SET_TO_NONE.test(value.slice(k + kw[0].length - 1, k + kw[0].length + 40))) out += ` ${kw[1]}=`;
    } else if (level === 1 && c === '*' && value[k + 1] === '*' && depth > 0) {
      const inner = /^\*\*\s*([A-Za-z_]\w*)/.exec(value.slice(k))?.[1];
      if (inner && inner !== name) out += pyDictKeywords(s, i, inner, depth - 1);
    }
  }
  return out;
}

/** A value, after its `:`, `=` or `,`, that is None: `requests` then waits for ever, as with no timeout given. */
const SET_TO_NONE = /^\s*[:=,]\s*None\s*(?:[,)}\]\n#]|$)/;

/** Whether the last character before `k` that is not a space opens the call or separates its arguments. */
function afterOpenOrComma(value: string, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && (value[j] === ' ' || value[j] === '\t' || value[j] === '\n' || value[j] === '\r')) j--;
  return j >= 0 && (value[j] === '(' || value[j] === ',');
}

/** A dict literal (`{"timeout": 10}`) or `dict(timeout=10)` that starts at `at`, over lines, if one does. */
function dictAt(text: string, at: number): string | undefined {
  const open = text.charCodeAt(at) === 123 /* { */ ? at : text.startsWith('dict(', at) ? at + 4 : -1;
  if (open < 0) return undefined;
  const window = text.slice(open, open + 4000);
  const close = closingBracket(window, 0);
  return close < window.length ? window.slice(0, close + 1) : undefined;
}

/** The object literal `name` holds at node i (see heldOptions), with those it spreads read `depth` more times. */
function objectHeldBy(s: FileStructure, i: number, name: string, depth: number): string | undefined {
  if (!ASCII_NAME.test(name)) return undefined;
  const cut = s.nodes[i].start;
  const escaped = name.replace(/\$/g, '\\$');
  let literal: string | undefined;
  let found = false;
  for (let f = s.functionOf[i]; f >= 0 && !found; f = s.functions[f].outer) {
    const own = ownAssignments(s, f, name, escaped);
    if (own.parameter) return undefined;
    // The last one before the call (binary search: the offsets are in order).
    let lo = 0;
    let hi = own.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own.at[mid] <= cut) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) {
      found = true;
      literal = objectAt(s.text, own.at[lo - 1]);
    }
  }
  if (!found) literal = s.memo(`js.moduleObject:${name}`, () => {
    const declared = new RegExp(`^(?:export\\s+)?(?:const|let|var)\\s+${escaped}\\s*(?::[^=\\n]+)?=\\s*`, 'gm');
    let last: RegExpExecArray | undefined;
    for (let m = declared.exec(s.text); m; m = declared.exec(s.text)) last = m;
    return last ? (objectAt(s.text, last.index + last[0].length) ?? null) : null;
  }) ?? undefined;
  if (!literal || depth <= 0 || !literal.includes('...')) return literal;
  return literal.replace(/\.\.\.\s*([A-Za-z_$][\w$]*)/g, (spread, inner: string) => (inner === name ? spread : (objectHeldBy(s, i, inner, depth - 1) ?? spread)));
}

/**
 * What function f itself does with `name`, read once per function and name (FileStructure.memo): whether a parameter
 * of its declares it, and where each assignment of it in its body (`const x = …`, `x: T = …`, `x = …`) has its value
 * start, in order; not one in a function written inside it (a callback's own `const opts = { timeout }` before the
 * call gives it nothing).
 */
function ownAssignments(s: FileStructure, f: number, name: string, escaped: string): { parameter: boolean; at: number[] } {
  // (Keyed by where the function starts: after an edit each statement is a FileStructure of its own, sharing memos.)
  const fn = s.nodes[s.functions[f].index];
  return s.memo(`js.ownAssignments:${fn.start}:${name}`, () => {
    const body = fn.node.childForFieldName('body');
    const bodyStart = body ? body.startIndex : fn.start;
    const head = s.text.slice(fn.start, bodyStart);
    if (new RegExp(`(?:^|[^\\w$.])${escaped}(?![\\w$])`).test(head.slice(Math.max(0, head.indexOf('('))))) return { parameter: true, at: [] };
    const nested = s.memo(`js.nestedFunctions:${fn.start}`, () => {
      const out: [number, number][] = [];
      for (let g = f + 1; g < s.functions.length; g++) if (s.functions[g].outer === f) out.push([s.nodes[s.functions[g].index].start, s.nodes[s.functions[g].index].end]);
      return out;
    });
    const at: number[] = [];
    const assignment = new RegExp(`(?:^|[^\\w$.])${escaped}\\s*(?::[^=\\n]+)?=(?![=>])\\s*`, 'g');
    const text = s.text.slice(bodyStart, fn.end);
    let k = 0; // nested functions are in order of their start, and do not overlap
    for (let m = assignment.exec(text); m; m = assignment.exec(text)) {
      const end = bodyStart + m.index + m[0].length;
      while (k < nested.length && nested[k][1] <= end) k++;
      if (k < nested.length && end > nested[k][0]) continue;
      at.push(end);
    }
    return { parameter: false, at };
  });
}

/** The object literal that starts at `at` (`{ timeout: 5000 }`, over lines), if one does. */
function objectAt(text: string, at: number): string | undefined {
  if (text.charCodeAt(at) !== 123 /* { */) return undefined;
  const window = text.slice(at, at + 4000);
  const close = closingBracket(window, 0);
  return close < window.length ? window.slice(0, close + 1) : undefined;
}

/** What wraps a value without changing it: `(HttpURLConnection) url.openConnection()`, `(…)`. */
const WRAPPERS = new Set(['cast_expression', 'parenthesized_expression']);

/**
 * Whether the object the call at `i` returns is given a timeout by a method named by `setters` (TimeoutRule.setOnResult):
 * 'set' or 'unset' where the function shows all it does to it, kept in a local variable (lilishop's `HttpURLConnection
 * connection = (HttpURLConnection) url.openConnection()`, then only `connection.…` calls until it is read) or read
 * at once (`url.openConnection().getInputStream()`); undefined where it goes elsewhere: handed to a helper or kept under
 * another name (`prepare(conn)`), returned, kept in a field, or used too often to read.
 */
function timeoutOnResult(s: FileStructure, i: number, setters: string): 'set' | 'unset' | undefined {
  let value = s.nodes[i].node;
  let parent = value.parent;
  while (parent && WRAPPERS.has(parent.type)) {
    value = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  const setOn = s.memo(`setOn:${setters}`, () => new RegExp(`^\\s*\\)?\\s*\\.\\s*(?:${setters})\\s*\\(`));
  if (s.spec.family === 'js') {
    // Read at once, through the methods that return the request itself: `https.get(url, cb).on('error', reject)
    // .setTimeout(5000)`.
    while (parent?.type === 'member_expression' && parent.childForFieldName('object')?.startIndex === value.startIndex && parent.parent?.type === 'call_expression') {
      if (setOn.test(s.text.slice(value.endIndex, value.endIndex + 80))) return 'set';
      if (!/^(?:on|once|end|write|setHeader|removeHeader|setNoDelay|setSocketKeepAlive|flushHeaders)$/.test(parent.childForFieldName('property')?.text ?? '')) return undefined;
      value = parent.parent;
      parent = value.parent;
    }
    if (!parent) return undefined;
    // Its result dropped: `https.get(url, (r) => …);` is never given one.
    if (parent.type === 'expression_statement') return 'unset';
  }
  const isSetter = s.memo(`setters:${setters}`, () => new RegExp(`^(?:${setters})$`));
  // Read at once: `url.openConnection().getInputStream()`.
  if (parent.type === 'method_invocation' && parent.childForFieldName('object')?.startIndex === value.startIndex) {
    return isSetter.test(parent.childForFieldName('name')?.text ?? '') ? 'set' : 'unset';
  }
  const name =
    parent.type === 'variable_declarator' && parent.childForFieldName('value')?.startIndex === value.startIndex
      ? parent.childForFieldName('name')
      : parent.type === 'assignment_expression' && parent.childForFieldName('right')?.startIndex === value.startIndex
        ? parent.childForFieldName('left')
        : null;
  if (name?.type !== 'identifier') return undefined;
  const held = name.text;
  const f = s.functionOf[i];
  if (f < 0) return undefined;
  const from = parent.endIndex;
  const to = s.spanOfFunction(f).end;
  const uses = wholeNameOffsets(s.words, held, from, to, 40);
  if (!uses) return undefined;
  for (const at of uses) {
    const after = s.text.slice(from + at + held.length, from + at + held.length + 60);
    if (setOn.test(after)) return 'set';
    // Opened again in the same name: what follows is another connection's.
    if (/^\s*=(?!=)/.test(after)) break;
    // Its own methods (also through a cast, `((HttpsURLConnection) conn).…`), and tests of it, keep it here.
    if (/^\s*(?:\)\s*)?\.|^\s*(?:[!=]=|instanceof\b)/.test(after)) continue;
    return undefined;
  }
  return 'unset';
}

/** A call at `i` sent without a timeout, `why` said after the callee; `extra`: what the join reads of it. */
function callWithoutTimeout(s: FileStructure, i: number, file: string, chain: readonly string[], why: string, extra: Partial<Hazard> = {}): FoundHazard {
  const callee = chain.join('.');
  return {
    at: i,
    hazard: {
      code: 'missing-timeout',
      file,
      range: s.rangeOf(i),
      callee,
      explanation: `\`${callee}(…)\` without a timeout: ${why}. Set one the caller can afford to wait, so a slow dependency cannot hold this request longer.`,
      routes: [],
      ...extra,
    },
  };
}

/**
 * An HTTP client made with a base URL relative to the page (teable's SDK, `axiosInstance.create({ baseURL: '/api' })`),
 * or a call of one: only a browser resolves such a URL (Node's axios and fetch reject it), so the page waits, not a
 * server worker. The instances the file makes so, by name.
 */
function pageRelativeClient(s: FileStructure, i: number, chain: readonly string[]): boolean {
  const made = s.memo('js.pageRelativeClients', () => new Set([...s.text.matchAll(PAGE_RELATIVE_INSTANCE)].map((m) => m[1])));
  if (chain.length >= 2 && made.has(chain[0])) return true;
  return chain[chain.length - 1] === 'create' && PAGE_RELATIVE_BASE.test(s.text.slice(s.nodes[i].start, s.nodes[i].end));
}

/**
 * The names a JavaScript module imports by name from the project's own modules (a relative path, or `@/`, `~/`, `#`
 * aliases): `import { axios } from './libs/axios'`, `const { http } = require('../http')`.
 */
function projectImports(s: FileStructure): Set<string> {
  return s.memo('js.projectImports', () => {
    const out = new Set<string>();
    for (const m of [...s.text.matchAll(PROJECT_IMPORT), ...s.text.matchAll(PROJECT_REQUIRE)]) {
      for (const part of m[1].split(',')) {
        const name = /(?:\bas\s+|:\s*)?([A-Za-z_$][\w$]*)\s*$/.exec(part.trim())?.[1];
        if (name) out.add(name);
      }
    }
    return out;
  });
}

const PROJECT_SOURCE = `['"](?:\\.{1,2}/|@/|~/|#)`;
const PROJECT_IMPORT = new RegExp(`^\\s*import\\s+(?:type\\s+)?(?:[A-Za-z_$][\\w$]*\\s*,\\s*)?\\{([^}]*)\\}\\s*from\\s+${PROJECT_SOURCE}`, 'gm');
const PROJECT_REQUIRE = new RegExp(`\\b(?:const|let|var)\\s+\\{([^}]*)\\}\\s*=\\s*require\\(\\s*${PROJECT_SOURCE}`, 'g');

const PAGE_RELATIVE_BASE = /\bbaseURL\s*:\s*['"`]\.{0,2}\/(?!\/)/;
const PAGE_RELATIVE_INSTANCE = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[\w$.]*\.create\(\s*\{[^}]*?\bbaseURL\s*:\s*['"`]\.{0,2}\/(?!\/)/g;

/**
 * java.net.http: `client.send(request, …)` / `sendAsync` of a request whose builder sets no `.timeout(…)` waits for
 * the response for ever, whatever the client's `connectTimeout` (Signal-Server's ShortCodeExpander). Only a request
 * built in the same method, `HttpRequest.newBuilder()…build()`, sent on a name declared `HttpClient` (not a wrapper of
 * the project's, Signal's `FaultTolerantHttpClient`, which sets one): one built elsewhere is not judged.
 */
function javaRequestsWithoutTimeout(s: FileStructure, file: string): FoundHazard[] {
  const out: FoundHazard[] = [];
  for (const [i, call] of s.calls) {
    const n = call.chain.length;
    if (n < 2 || (call.chain[n - 1] !== 'send' && call.chain[n - 1] !== 'sendAsync') || (n > 2 && !(n === 3 && call.chain[0] === 'this'))) continue;
    const client = call.chain[n - 2];
    if (!s.memo(`jdkHttpClient:${client}`, () => new RegExp(`(?<![\\w.$])(?:java\\.net\\.http\\.)?HttpClient\\s+${client.replace(/\$/g, '\\$')}\\b|(?<![\\w.$])${client.replace(/\$/g, '\\$')}\\s*=\\s*HttpClient\\.new`).test(s.text))) continue;
    const request = s.argumentsOf(call)[0];
    if (!request || !requestWithoutTimeout(s, i, request.text)) continue;
    out.push(callWithoutTimeout(s, i, file, call.chain, "its request is built without `.timeout(…)`, so it waits for the response for ever (a client's `connectTimeout` bounds only the connection)"));
  }
  return out;
}

/** A builder made here from nothing (not `HttpRequest.newBuilder(other, filter)`, a copy of a request made elsewhere). */
const NEW_REQUEST = /^HttpRequest\s*\.\s*newBuilder\s*\((?![^()]*,)/;

/**
 * The request given to `send` is built in the method (in place, in a variable, or as a builder variable's `build()`)
 * from `HttpRequest.newBuilder()`, and no `.timeout(` is set on it there. Unknown (a parameter, a field, a helper's
 * result): false.
 */
function requestWithoutTimeout(s: FileStructure, i: number, arg: string): boolean {
  if (NEW_REQUEST.test(arg)) return !/\.\s*timeout\s*\(/.test(arg);
  const name = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*build\s*\(\s*\))?$/.exec(arg)?.[1];
  if (!name) return false;
  const f = s.namedFunctionAt(i);
  const from = f >= 0 ? s.nodes[s.functions[f].index].start : s.span.start;
  const before = s.text.slice(from, s.nodes[i].start);
  const made = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*=(?!=)\\s*`).exec(before);
  if (!made) return false;
  const after = before.slice(made.index + made[0].length);
  if (!NEW_REQUEST.test(after)) return false;
  // (Its statement, and whatever the method does to the name before sending it: `builder.timeout(d);`.)
  // (Its end: the first `;` outside a string, `.header("Content-Type", "application/json; charset=UTF-8")` holds one.)
  const end = after.replace(/"(?:[^"\\\n]|\\.)*"/g, (q) => ' '.repeat(q.length)).indexOf(';');
  const statement = after.slice(0, end + 1 || after.length);
  return !/\.\s*timeout\s*\(/.test(statement) && !new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.\\s*timeout\\s*\\(`).test(after);
}

/**
 * React components (.tsx/.jsx) and client modules (`"use client"`) run in the browser: a missing timeout there holds
 * no server worker. (An async server component, app/**∕page.tsx, is the server's: see nextRoutes; so are the loader
 * and action of a Remix route module, `serverParts`.)
 */
export function runsInBrowser(file: string, text: string, words: Parameters<typeof isClientModule>[0], serverParts: boolean): boolean {
  // (Nor is an app router's route handler written in route.tsx: it answers requests on the server.)
  return (/\.[jt]sx$/.test(file) && !isServerPage(file, text) && !serverParts && !/(?:^|\/)app\/(?:.+\/)?route\.[jt]sx$/.test(file)) || isClientModule(words) || readsPageGlobals(words);
}

/** What only a page has: its window's storage, location and events, its document's script, cookie and elements. */
const PAGE_GLOBALS =
  /\bwindow\.(?:location|localStorage|sessionStorage|navigator|history|addEventListener|requestAnimationFrame|innerWidth|innerHeight|matchMedia)\b|\bdocument\.(?:currentScript|cookie|referrer|visibilityState|querySelector(?:All)?|getElementById|getElementsBy\w+|createElement|addEventListener|documentElement)\b|\}\s*=\s*(?:window|document)\s*;/;

/**
 * A script for the page (umami's tracker, bundled into public/): it reads the window's and the document's own members,
 * which Node has not. Not a module that guards for them (`typeof window === 'undefined'`): it runs on both sides.
 */
function readsPageGlobals(words: Parameters<typeof isClientModule>[0]): boolean {
  if (typeof words === 'string' || !(words.has('window') || words.has('document'))) return false;
  return PAGE_GLOBALS.test(words.text) && !/\btypeof\s+(?:window|document)\b/.test(words.text);
}

/**
 * `await Promise.race([fetch(url), new Promise((r) => setTimeout(r, 150))])` (documenso's job client), or against a
 * helper named for it, `Promise.race([fetch(url), timeout(5000)])`: the caller waits no longer than the timer.
 */
function racedAgainstTimer(s: FileStructure, i: number): boolean {
  for (let p = s.nodes[i].parent, depth = 0; p >= 0 && depth < 6; p = s.nodes[p].parent, depth++) {
    const call = s.calls.get(p);
    if (!call || call.chain.join('.') !== 'Promise.race' || call.argsStart < 0) continue;
    return TIMER.test(s.text.slice(call.argsStart, call.argsEnd));
  }
  return racedByName(s, i);
}

const TIMER = /\bsetTimeout\s*\(|\b(?:timeout|delay|sleep)\w*\s*\(/i;

/**
 * The promise kept in a name first, and the race given that name and a timer's, written there or kept too (plunk's
 * health check: `const timeoutPromise = new Promise((_, reject) => { setTimeout(…, 2000) })`, `const healthPromise =
 * fetch(…)`, then `await Promise.race([healthPromise, timeoutPromise])`). Only when the races are the name's only use:
 * a race that only tells the route the upstream is slow, then `await reportPromise`, still waits with no timeout.
 */
function racedByName(s: FileStructure, i: number): boolean {
  const n = s.nodes[i];
  const declared = /\b(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*$/.exec(s.text.slice(Math.max(0, n.start - 80), n.start));
  const held = declared?.[2];
  const f = held && s.functionAt(i);
  if (!held || !f) return false;
  const fn = s.nodes[f.index];
  const races = racesIn(s, fn.start, fn.end);
  // (A const or let is the name of its own block only: `if (deep) { const healthPromise = fetch(…); … } else { const
  // healthPromise = fetch(…); … }` are two names, each raced once; a var, the function's.)
  const scope = declared[1] === 'var' ? { start: fn.start, end: fn.end } : blockOf(n.node, { start: fn.start, end: fn.end });
  // (Not a race in a loop the name was made outside of, `while (!(answer = await Promise.race([exportPromise,
  // sleep(1000)]))) res.write('.')`: it runs again until the fetch settles, bounding nothing.)
  const taking = (races.byName.get(held) ?? []).map((r) => races.list[r]).filter((r) => r.at >= n.end && r.at < scope.end && !inLoopAfter(s, r.at, n.start));
  if (!taking.some((r) => r.items.some((t, k) => t !== held && r.timed[k]))) return false;
  // (Its uses: the declaration and the races' items, none other.)
  const uses = taking.reduce((sum, r) => sum + r.items.filter((t) => t === held).length, 1);
  return (wordsIn(s, scope.start, scope.end).get(held) ?? 0) <= uses;
}

/** The block a `const` or `let` made at `node` is declared in (a `switch`'s body too), or the function's whole text. */
function blockOf(node: Node, fn: Span): Span {
  for (let p = node.parent; p && p.startIndex > fn.start; p = p.parent) {
    if (p.type === 'statement_block' || p.type === 'switch_body') return { start: p.startIndex, end: p.endIndex };
  }
  return fn;
}

/** How many times each name is written in the text from `start` to `end` (not as a member, `x.name`): read once per block. */
function wordsIn(s: FileStructure, start: number, end: number): Map<string, number> {
  return s.memo(`js.words:${start}:${end}`, () => {
    const counted = new Map<string, number>();
    const text = s.text.slice(start, end);
    for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) if (text[m.index - 1] !== '.') counted.set(m[0], (counted.get(m[0]) ?? 0) + 1);
    return counted;
  });
}

/** `at` runs in a loop that starts after `from` (one that `from` is outside of). */
function inLoopAfter(s: FileStructure, at: number, from: number): boolean {
  for (let p = s.tree.rootNode.descendantForIndex(at, at); p && p.startIndex > from; p = p.parent) if (s.spec.loops[p.type]) return true;
  return false;
}

interface Race {
  /** Offset of `Promise.race` in the file. */
  at: number;
  items: string[];
  /** Per item: a timer, written there or a name last given one. */
  timed: boolean[];
}

interface Races {
  list: Race[];
  /** The races taking a name as an item, by index in `list`. */
  byName: Map<string, number[]>;
}

/** The `Promise.race([…])` of a function, with their items and the names it declares, read once per function. */
function racesIn(s: FileStructure, start: number, end: number): Races {
  return s.memo(`js.races:${start}:${end}`, () => {
    const text = s.text.slice(start, end);
    const list: Race[] = [];
    const byName = new Map<string, number[]>();
    if (!text.includes('Promise.race')) return { list, byName };
    // Where each name is given a value, in order: the timers are looked up there (the last one before the race).
    const declared = new Map<string, number[]>();
    for (const m of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*/g)) {
      const at = declared.get(m[1]);
      if (at) at.push(m.index + m[0].length);
      else declared.set(m[1], [m.index + m[0].length]);
    }
    const timerAt = new Map<number, boolean>();
    const timerNamed = (name: string, before: number): boolean => {
      const at = declared.get(name);
      let value = -1;
      for (const v of at ?? []) if (v <= before) value = v;
      if (value < 0) return false;
      let timed = timerAt.get(value);
      if (timed === undefined) timerAt.set(value, (timed = TIMER.test(heldPromise(text, value))));
      return timed;
    };
    for (const m of text.matchAll(/\bPromise\.race\s*\(\s*\[/g)) {
      const open = m.index + m[0].length - 1;
      const items = text.slice(open + 1, closingBracket(text, open)).split(',').map((t) => t.trim());
      const timed = items.map((t) => TIMER.test(t) || (/^[A-Za-z_$][\w$]*$/.test(t) && timerNamed(t, m.index)));
      for (const t of new Set(items)) {
        if (!/^[A-Za-z_$][\w$]*$/.test(t)) continue;
        const at = byName.get(t);
        if (at) at.push(list.length);
        else byName.set(t, [list.length]);
      }
      list.push({ at: start + m.index, items, timed });
    }
    return { list, byName };
  });
}

/** What `text` gives a name at `value`: a `new Promise(…)` whole, over its lines, else the rest of the line. */
function heldPromise(text: string, value: number): string {
  const promise = /^new\s+Promise\s*(?:<[^>\n]*>\s*)?\(/.exec(text.slice(value, value + 40));
  if (promise) return text.slice(value, closingBracket(text, value + promise[0].length - 1) + 1);
  const eol = text.indexOf('\n', value);
  return text.slice(value, eol < 0 ? text.length : eol);
}

/** Methods chained on the call (`WebClient.builder().responseTimeout(…).build()`). */
function chainAround(s: FileStructure, i: number): string[] {
  let index = i;
  for (let p = s.nodes[i].parent; p >= 0 && s.nodes[p].start === s.nodes[i].start && s.calls.has(p); p = s.nodes[p].parent) index = p;
  return s.calls.get(index)?.chain ?? [];
}

/** The `http` of `http.Client{…}` written as the type of a composite literal (not of a result, a field or a parameter). */
function isLiteralType(node: Node): boolean {
  const type = node.parent?.type === 'qualified_type' ? node.parent : undefined;
  return type?.parent?.type === 'composite_literal' && type.parent.childForFieldName('type')?.id === type.id;
}

/** `&http.Client{}` / `http.Client{Transport: t}` with no `Timeout:` field. */
function goClientLiterals(s: FileStructure, file: string, tree: Tree): FoundHazard[] {
  const out: FoundHazard[] = [];
  const re = /\bhttp\.Client\s*\{/g;
  re.lastIndex = s.span.start;
  for (let m = re.exec(s.text); m && m.index < s.span.end; m = re.exec(s.text)) {
    const at = m.index;
    const node = tree.rootNode.descendantForIndex(at, at);
    if (!node || s.spec.nonCodeTypes.has(node.type)) continue;
    // A composite literal only: `func newHTTPClient() *http.Client {` names the type its body returns.
    if (!isLiteralType(node)) continue;
    const open = at + m[0].length - 1;
    // The literal's own fields only: `Transport: &http.Transport{DialContext: (&net.Dialer{Timeout: …})}` bounds
    // the dial, not the request (ardanlabs/service's auth client).
    let depth = 0;
    let close = open;
    let own = '';
    for (; close < s.text.length; close++) {
      const ch = s.text[close];
      if (ch === '{' || ch === '(' || ch === '[') depth++;
      else if ((ch === '}' || ch === ')' || ch === ']') && --depth === 0) break;
      else if (depth === 1) own += ch;
    }
    if (/\bTimeout\s*:/.test(own)) continue;
    // Set on the next lines (apache/answer's `httpClient := &http.Client{}` then `httpClient.Timeout = 15 * time.Second`).
    if (timeoutSetAfter(s, at, close + 1)) continue;
    // Requests that carry a deadline of their own: `ctx, cancel := context.WithTimeout(…)` then
    // `client.Do(req.WithContext(ctx))` (or `http.NewRequestWithContext`) in the same function.
    if (deadlineInFunction(s, at)) continue;
    out.push({
      at: -1,
      offset: at,
      hazard: {
        code: 'missing-timeout',
        file,
        range: s.rangeOfSpan(at, close + 1),
        callee: 'http.Client',
        explanation: '`http.Client{}` without `Timeout`: Go clients wait for ever by default. Set one the caller can afford to wait, so a slow dependency cannot hold this request longer.',
        routes: [],
      },
    });
  }
  return out;
}

/** The function around `offset` makes a context with a deadline and gives it to its requests. */
/** The literal is assigned to a name whose `Timeout` the function sets after it (`c.Timeout = …`, `a.client.Timeout = …`). */
function timeoutSetAfter(s: FileStructure, at: number, end: number): boolean {
  const line = s.text.lastIndexOf('\n', at) + 1;
  const name = /^\s*(?:var\s+)?([\w.]+)\s*:?=\s*&?\s*$/.exec(s.text.slice(line, at))?.[1];
  if (!name) return false;
  const body = innermostFunctionText(s, at);
  return new RegExp(`(?:^|[^\\w.])${name.replace(/\./g, '\\.')}\\.Timeout\\s*=[^=]`).test(body.text.slice(end - body.start));
}

/** The text of the innermost function around `offset` (the whole file outside any), and where it starts. */
function innermostFunctionText(s: FileStructure, offset: number): { start: number; text: string } {
  let start = 0;
  let end = s.text.length;
  for (let f = 0; f < s.functions.length; f++) {
    const n = s.nodes[s.functions[f].index];
    if (n.start <= offset && offset < n.end && n.end - n.start < end - start) {
      start = n.start;
      end = n.end;
    }
  }
  return { start, text: s.text.slice(start, end) };
}

function deadlineInFunction(s: FileStructure, offset: number): boolean {
  const body = innermostFunctionText(s, offset).text;
  return /\bcontext\.With(Timeout|Deadline)\s*\(/.test(body) && /\.WithContext\s*\(|\bNewRequestWithContext\s*\(/.test(body);
}

/** The scanned node runs inside one of these functions (indexes into `s.functions`), at any depth. */
function withinFunctions(s: FileStructure, i: number, functions: Set<number>): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) if (functions.has(f)) return true;
  return false;
}

/**
 * Go: a request sent through a package variable that may hold `http.DefaultClient` (casdoor's `proxy.DefaultHttpClient
 * .Do(req)`, also kept in a local first, `httpClient := proxy.DefaultHttpClient`): reported as that client is, kept by
 * the join only where the package sets the variable so (Hazard.goDefaultHolder).
 */
function goHeldDefaultClients(s: FileStructure, file: string): FoundHazard[] {
  const out: FoundHazard[] = [];
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    if ((chain.length !== 2 && chain.length !== 3) || !HTTP_SENDS.test(chain[chain.length - 1])) continue;
    let holder: string[] | undefined = chain.length === 3 ? (/^[a-z]\w*$/.test(chain[0]) && /^[A-Z]\w*$/.test(chain[1]) ? chain.slice(0, 2) : undefined) : undefined;
    if (chain.length === 2) {
      const value = s.lastValueOf(i, chain[0])?.trim();
      const held = value !== undefined ? /^(?:([a-z]\w*)\.)?([A-Za-z_]\w*)$/.exec(value) : undefined;
      // (No value here: the package's variable, unless a parameter of the function shadows it, `func f(client *http.Client)`.)
      holder = held ? (held[1] ? [held[1], held[2]] : [held[2]]) : value === undefined && !goParameterAt(s, i, chain[0]) ? [chain[0]] : undefined;
    }
    // (Named as a client: any other `x.Get(k)` is a map's, a cache's, a context's.)
    if (!holder || !/[Cc]lient/.test(holder[holder.length - 1]) || (holder.length === 2 && holder[0] === 'http')) continue;
    // Answered by the request's own deadline, as for `http.DefaultClient.Do(req)`.
    if (chain[chain.length - 1] === 'Do' && deadlineInFunction(s, s.nodes[i].start)) continue;
    out.push(callWithoutTimeout(s, i, file, chain, `${holder.join('.')} holds http.DefaultClient, which has no timeout`, { unlessDefault: 'http.DefaultClient', goDefaultHolder: holder }));
  }
  return out;
}

const HTTP_SENDS = /^(?:Do|Get|Post|Head|PostForm)$/;

/** Whether `name` is a parameter (or the receiver) of a function around node i. */
function goParameterAt(s: FileStructure, i: number, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const fn = s.nodes[s.functions[f].index].node;
    const heads = [fn.childForFieldName('parameters')?.text ?? '', fn.childForFieldName('receiver')?.text ?? ''];
    if (heads.some((h) => new RegExp(`[(,]\\s*${n}\\b`).test(h))) return true;
  }
  return false;
}

/** The package variables a Go file sets to `http.DefaultClient`: declared so, or assigned so in a function. */
export function goDefaultClientHolders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:var[ \t]+)?([A-Za-z_]\w*)(?:[ \t]+\*?http\.Client)?[ \t]*=[ \t]*http\.DefaultClient[ \t]*(?:\/\/.*)?$/gm)) {
    const name = m[1];
    // A package variable: declared at the top level, alone or in a `var (…)` block (not a function's local); not one
    // the file sets to a client of its own too (`HTTPClient = &http.Client{Timeout: timeout}` in a Configure()).
    if (out.includes(name) || !new RegExp(`^var[ \\t]+${name}\\b|^var[ \\t]*\\([^)]*^[ \\t]+${name}\\b`, 'm').test(text)) continue;
    if (new RegExp(`(?<![\\w.])${name}[ \\t]*=[ \\t]*&?http\\.Client[ \\t]*\\{(?:(?!\\n\\})[\\s\\S]){0,400}?\\bTimeout[ \\t]*:`).test(text)) continue;
    out.push(name);
  }
  return out;
}
