import type { Node } from '@vscode/tree-sitter-wasm';

/** A Python call's keyword argument's value (`prefix=…`), among the call's arguments. */
export function keyword(args: Node[], name: string): Node | undefined {
  const arg = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return arg?.childForFieldName('value') ?? undefined;
}
