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
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return node.text.slice(1, -1);
    case 'string_literal':
      return node.text.slice(1, -1);
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

const IDENT = /[A-Za-z_$][\w$]*/y;

/**
 * The member chain of a callee from its source text (`this.pool\n  .query` → ['this','pool','query'],
 * `db.collection('x').find` → ['db','collection','find'], `axios.get<T>` → ['axios','get']), without crossing
 * into WebAssembly node by node. Bracketed groups (calls, indexes, type arguments) are skipped.
 * Undefined when the text does not start with a name (`(await x).y`, `new X().y`, `[a].map`).
 */
export function calleeChain(text: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
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
      IDENT.lastIndex = i;
      const m = IDENT.exec(text);
      if (!m) return out.length ? out : undefined;
      out.push(m[0]);
      i += m[0].length;
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

/** Index after the group opened at `open`, skipping quoted strings; -1 when unbalanced. */
function skipGroup(text: string, open: number): number {
  const closers: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '(') closers.push(')');
    else if (ch === '[') closers.push(']');
    else if (ch === '{') closers.push('}');
    else if (ch === '<' && (closers.length === 0 || closers[closers.length - 1] === '>')) closers.push('>');
    else if (ch === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return i + 1;
    }
  }
  return -1;
}

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

export function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
