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
