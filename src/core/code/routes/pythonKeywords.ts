import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';

/** A Python call's keyword argument's value (`prefix=…`), among the call's arguments. */
export function keyword(args: Node[], name: string): Node | undefined {
  const arg = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return arg?.childForFieldName('value') ?? undefined;
}

/** HTTP methods given as one string or a list (`method='POST'`, `methods=["GET", "PUT"]`), upper-case; `fallback` when none is. */
export function methodNames(node: Node | undefined, fallback: string): string[] {
  if (!node) return [fallback];
  const one = stringValue(node);
  if (one !== undefined) return [one.toUpperCase()];
  const listed = node.namedChildren.flatMap((n) => (n ? (stringValue(n)?.toUpperCase() ?? []) : []));
  return listed.length ? listed : [fallback];
}
