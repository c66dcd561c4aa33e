import type { Node } from '@vscode/tree-sitter-wasm';
import type { Range } from '../model/location';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** The literal text of a plain string node (no interpolation), in any of our grammars; else undefined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string': {
      // JS/TS: string > string_fragment; Python: string > string_start string_content string_end.
      if (node.namedChildren.some((c) => c?.type === 'interpolation' || c?.type === 'escape_sequence')) return undefined;
      const prefix = /^[a-zA-Z]*/.exec(node.text)?.[0] ?? '';
      if (/f/i.test(prefix)) return undefined; // Python f-strings are not literals
      const body = node.text.slice(prefix.length);
      const quote = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
      return body.slice(quote, body.length - quote);
    }
    case 'template_string':
      return node.namedChildren.some((c) => c?.type === 'template_substitution') ? undefined : node.text.slice(1, -1);
    // Go's and Java's escapes are the string's, not its text's: `"/{alias:[0-9a-zA-Z\\-]+}"` is the route gorilla
    // reports as `/{alias:[0-9a-zA-Z\-]+}` (Spring's `"/{id:\\d+}"` likewise). A Go raw string has none.
    case 'interpreted_string_literal':
    case 'string_literal':
      return unescaped(node.text.slice(1, -1));
    case 'raw_string_literal':
      return node.text.slice(1, -1);
    case 'concatenated_string': {
      // Python joins adjacent literals (`r"^plugins/channel/…/" r"(?P<plugin_id>…)/"`, a route split over lines).
      let out = '';
      for (const part of node.namedChildren) {
        const v = part?.type === 'string' ? stringValue(part) : undefined;
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? stringValue(node.namedChildren[0]) : undefined;
    default:
      return undefined;
  }
}

/** Every node below `root` (itself first), in source order, without recursion. */
export function* descendants(root: Node): Generator<Node> {
  const cursor = root.walk();
  let depth = 0;
  try {
    for (;;) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      for (;;) {
        if (depth === 0) return;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/** `a.b.c(…)` → ['a','b','c']; calls inside the chain (`a().b`) keep only their callee's chain. */
export function memberChain(node: Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'identifier':
    case 'property_identifier':
    case 'this':
    case 'self':
    case 'field_identifier':
    case 'type_identifier':
      return [node.text];
    case 'member_expression':
    case 'attribute':
    case 'selector_expression':
    case 'field_access': {
      const obj = node.childForFieldName('object') ?? node.childForFieldName('operand') ?? node.namedChildren[0];
      const prop =
        node.childForFieldName('property') ??
        node.childForFieldName('attribute') ??
        node.childForFieldName('field') ??
        node.namedChildren[node.namedChildren.length - 1];
      return [...memberChain(obj ?? null), ...(prop ? [prop.text] : [])];
    }
    case 'call_expression':
    case 'call':
    case 'method_invocation':
      return memberChain(node.childForFieldName('function') ?? node.namedChildren[0] ?? null);
    case 'await_expression':
    case 'parenthesized_expression':
    case 'non_null_expression':
      return memberChain(node.namedChildren[0] ?? null);
    default:
      return [];
  }
}

/** `[A-Za-z_$]` */
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** `[\w$]` */
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * The member chain of a callee from its source text (`this.pool\n  .query` → ['this','pool','query'],
 * `db.collection('x').find` → ['db','collection','find'], `axios.get<T>` → ['axios','get']), without crossing
 * into WebAssembly node by node. Bracketed groups (calls, indexes, type arguments) are skipped.
 * Undefined when the text does not start with a name (`(await x).y`, `new X().y`, `[a].map`).
 */
export function calleeChain(text: string): string[] | undefined {
  if (text.charCodeAt(0) === 40 /* ( */) return fallbackChain(text);
  const out: string[] = [];
  // tree-sitter-typescript takes `await a.b<T>(x)` as a call of `await a.b`: the chain starts after the keyword.
  let i = text.startsWith('await') && /\s/.test(text.charAt(5)) ? 6 : 0;
  const n = text.length;
  let expectName = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    // A comment between the links of a chain (`Order("name asc"). // by name` then `Find(&tags)` on the next line).
    if (c === 47 && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol + 1;
      continue;
    }
    if (c === 47 && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) break;
      i = close + 2;
      continue;
    }
    if (c === 35 && !expectName) {
      // Python: `(session.query(User)  # active ones` then `.filter(…))`.
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol + 1;
      continue;
    }
    if (expectName) {
      // A name, read by character code: the hottest loop of the analysis (a regex here made an array per name).
      if (!isIdentStart(c)) return out.length ? out : undefined;
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      out.push(text.slice(i, j));
      i = j;
      expectName = false;
      continue;
    }
    const ch = text[i];
    if (ch === '.') {
      i++;
      expectName = true;
    } else if (ch === '?' && text[i + 1] === '.') {
      i += 2;
      expectName = true;
    } else if (ch === '!' || ch === '?') {
      i++;
    } else if (ch === '(' || ch === '[' || ch === '<') {
      const close = skipGroup(text, i);
      if (close < 0) return out;
      i = close;
    } else if (ch === '`') {
      return out; // tagged template
    } else if (ch === ':' && text[i + 1] === ':') {
      i += 2; // Java method references `A::b`
      expectName = true;
    } else {
      return out;
    }
  }
  return out.length ? out : undefined;
}

/**
 * A member of a client picked with a fallback, `(conn or db).execute` (lnbits runs its SQL so), `(tx || knex).select`,
 * `(session ?? this.db).query`: the chain of the fallback, the client there is when none was handed in, and what
 * follows; of a name only put in parentheses, kkFileView's `(url).openStream()`, the name's. Undefined for any other
 * bracketed start.
 */
function fallbackChain(text: string): string[] | undefined {
  const close = skipGroup(text, 0);
  if (close < 0 || text.charCodeAt(close) !== 46 /* . */) return undefined;
  const inner = text.slice(1, close - 1);
  const pick = FALLBACK.exec(inner) ?? CAST.exec(inner) ?? PARENTHESIZED.exec(inner);
  const rest = pick ? calleeChain('_' + text.slice(close)) : undefined;
  return rest && rest.length > 1 ? [...pick![1].split('.'), ...rest.slice(1)] : undefined;
}

/**
 * Python's awaited call put in parentheses to be read on, `(await session.execute(select(T))).scalars().all` (the
 * text of a call's callee): where the awaited expression lies in the text, and the names that follow the parentheses
 * (`scalars`, `all`). Undefined for any other start.
 */
export function awaitedGroup(text: string): { from: number; to: number; after: string[] } | undefined {
  const head = /^\(\s*await\s+/.exec(text);
  if (!head) return undefined;
  const close = skipGroup(text, 0);
  if (close < 0 || text.charCodeAt(close) !== 46 /* . */) return undefined;
  const after = calleeChain('_' + text.slice(close));
  if (!after || after.length < 2) return undefined;
  return { from: head[0].length, to: head[0].length + text.slice(head[0].length, close - 1).trimEnd().length, after: after.slice(1) };
}

/**
 * Java's cast, `(UserService) AopContext.currentProxy()`: a value of that type, so `((UserService) x).m()` reads as
 * the type's `m` (the type's last name; a generic's arguments dropped).
 */
const CAST = /^\s*\(\s*(?:[a-z_$][\w$]*\.)*([A-Z][\w$]*)\s*(?:<[^()]*>\s*)?\)\s*[\w$(]/;

/** A name or member chain alone in parentheses: `(url)`. */
const PARENTHESIZED = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;

/** `a or b`, `a || b`, `a ?? b` of two names or member chains: the second. */
const FALLBACK = /^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*(?:\bor\b|\|\||\?\?)\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;

/** The parts of a list's text between its top-level commas (not those inside a call's arguments or a literal). */
export function topLevelParts(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/**
 * C-family source (TypeScript, Java) with its comments blanked: a regex over it reads no code commented out. What a
 * string holds is kept (a URL's `//`).
 */
export function withoutComments(text: string): string {
  return text.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (all, str: string | undefined) => str ?? ' ');
}

/** Index after the group opened at `open`, skipping quoted strings; -1 when unbalanced. */
function skipGroup(text: string, open: number): number {
  const closers = CLOSERS;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 || ch === 39 || ch === 96) {
      const end = text.indexOf(text[i], i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === 40 /* ( */) closers[depth++] = 41;
    else if (ch === 91 /* [ */) closers[depth++] = 93;
    else if (ch === 123 /* { */) closers[depth++] = 125;
    else if (ch === 60 /* < */ && (depth === 0 || closers[depth - 1] === 62)) closers[depth++] = 62;
    else if (depth > 0 && ch === closers[depth - 1]) {
      if (--depth === 0) return i + 1;
    }
    if (depth === CLOSERS.length) return -1;
  }
  return -1;
}

/** The closing brackets skipGroup waits for, innermost last: one stack for every call, not an array each. */
const CLOSERS = new Int32Array(256);

/** Zero-based line and character of an offset, from the line starts of the text (no wasm round trip). */
export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/** The offset of each line's first character; a carriage return alone ends a line too (see withLineFeeds). */
export function lineStartsOf(text: string): number[] {
  const out = [0];
  if (hasLoneCarriageReturn(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i + 1);
    }
    return out;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Whether a carriage return in the text is not followed by a line feed (none in almost every file: one search). */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * The text with each carriage return that stands alone for a line break (old Mac line endings: lilishop's
 * TradeServiceImpl.java) made a line feed, what the parser, the line numbers and every pattern read as one; the same
 * text otherwise. Of the same length, so every offset stays. Tree-sitter's grammars end a line at a line feed only:
 * given such a file, a `//` comment ran to its end, and everything was on line 1. `\r\n` stays as it is.
 */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The last character before `at` that is not white space ('' if none): a pattern anchored at `at` that ends in
 * `=\s*$` or `\(\s*$` is tried only where this says it can match (most places it cannot).
 */
export function lastNonSpaceBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // What `\s` matches: ASCII space, tab to carriage return, and Unicode's spaces (rare: tested by the pattern).
    if (c !== 32 && (c < 9 || c > 13) && (c < 128 || !/\s/.test(text[i]))) break;
    i--;
  }
  return i >= 0 ? text[i] : '';
}

/** The offsets of every occurrence of any of the words, in order (what `matchAll` of their alternation gives). */
export function offsetsOf(text: string, words: readonly string[]): number[] {
  const out: number[] = [];
  for (const w of words) for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + w.length)) out.push(k);
  return words.length > 1 ? out.sort((a, b) => a - b) : out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0' };

/** A C-like string body with its escapes read (`\\` is `\`, `\"` is `"`, `\n` a newline, `\u00e9` é). */
export function unescaped(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_, c: string) =>
    c.length > 1 ? (parseInt(c.slice(1), 16) <= 0x10ffff ? String.fromCodePoint(parseInt(c.slice(1), 16)) : c) : (ESCAPES[c] ?? c),
  );
}

/** The offset of the bracket closing the one at `open` (or the text's end). */
export function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

const CALL_NODES = new Set(['call_expression', 'call', 'method_invocation']);
const FUNCTION_NODES = new Set(['func_literal', 'arrow_function', 'function_expression', 'function', 'lambda', 'lambda_expression']);
/** A callee that is names only, each perhaps called with nothing (`s.insertWithSuite`, `this.repo.save`, `store.Get().Insert`). */
const PLAIN_CALLEE = /^[\w$]+(?:\(\))?(?:\s*\??\.\s*[\w$]+(?:\(\))?)*$/;

/**
 * A function whose whole body is one call it hands its work to: `return s.insertWithSuite(tx, id, r, nil)` (gatus'
 * `insertEndpointResult`), a bare `g(a)` or `await g(a)`, an arrow's `(a) => g(a)`, after a Python docstring; in any
 * of the four languages. Not a call handed a function written in place (`return db.transaction(async (tx) => {…})`),
 * whose work is in that function, nor a callee that is itself a chain of calls given arguments. Read from the tree
 * alone: a few nodes, whatever the function's length.
 */
export function forwardsOnly(fn: Node): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  let value: Node | null | undefined = body;
  if (!CALL_NODES.has(body.type) && body.type !== 'await_expression') {
    if (body.namedChildCount > 4) return false; // (a docstring or comments, and the one statement)
    let statements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (statements.length === 1 && statements[0].type === 'statement_list') statements = statements[0].namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (statements.length === 2 && statements[0].type === 'expression_statement' && statements[0].namedChildren[0]?.type === 'string') statements = statements.slice(1);
    if (statements.length !== 1 || (statements[0].type !== 'return_statement' && statements[0].type !== 'expression_statement')) return false;
    value = statements[0].namedChildren[0];
  }
  if (value?.type === 'expression_list' && value.namedChildCount === 1) value = value.namedChildren[0];
  if (value?.type === 'await_expression' || value?.type === 'await') value = value.namedChildren[0];
  if (!value || !CALL_NODES.has(value.type)) return false;
  const callee = value.type === 'method_invocation' ? value.childForFieldName('object') : value.childForFieldName('function');
  if (callee && (callee.endIndex - callee.startIndex > 200 || !PLAIN_CALLEE.test(callee.text))) return false;
  return !(value.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a !== null && FUNCTION_NODES.has(a.type));
}
