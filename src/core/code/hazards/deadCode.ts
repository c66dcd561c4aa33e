import type { Node } from '@vscode/tree-sitter-wasm';

const LEAVES = new Set(['return_statement', 'throw_statement', 'raise_statement', 'break_statement', 'continue_statement']);
const FUNCTIONS = new Set([
  'function_declaration', 'method_definition', 'arrow_function', 'function_expression', 'function', 'function_definition',
  'lambda', 'method_declaration', 'func_literal', 'lambda_expression', 'constructor_declaration', 'class_declaration', 'class_definition',
]);
const FALSE = /^\(?\s*(false|False|0|None|null)\s*\)?$/;

/**
 * Code that never runs: after a `return`/`throw`/`raise`/`break`/`continue` in the same block, or under
 * `if (false)` / `if False:`. Only asked for the few nodes that would be reported, so the walk up is cheap.
 */
export function isDeadCode(node: Node): boolean {
  let n: Node | null = node;
  for (let depth = 0; n && depth < 40; depth++) {
    const parent: Node | null = n.parent;
    if (!parent) return false;
    if (parent.type === 'if_statement') {
      const condition = parent.childForFieldName('condition');
      const consequence = parent.childForFieldName('consequence');
      if (condition && consequence && consequence.id === n.id && FALSE.test(condition.text.trim())) return true;
    }
    let prev = n.previousNamedSibling;
    for (let k = 0; prev && k < 200; k++, prev = prev.previousNamedSibling) {
      if (LEAVES.has(prev.type)) return true;
    }
    if (FUNCTIONS.has(parent.type)) return false;
    n = parent;
  }
  return false;
}
