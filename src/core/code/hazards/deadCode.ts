import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildrenOf, startAt, typeIdAt } from '../nodeScan';
import { firstAbove } from '../sortedOffsets';

const LEAVES = new Set(['return_statement', 'throw_statement', 'raise_statement', 'break_statement', 'continue_statement']);
const FUNCTIONS = new Set([
  'function_declaration', 'method_definition', 'arrow_function', 'function_expression', 'function', 'function_definition',
  'lambda', 'method_declaration', 'func_literal', 'lambda_expression', 'constructor_declaration', 'class_declaration', 'class_definition',
]);
const FALSE = /^\(?\s*(false|False|0|None|null)\s*\)?$/;

/**
 * Code that never runs: after a `return`/`throw`/`raise`/`break`/`continue` in the same block, or under
 * `if (false)` / `if False:`. One check per analysis, which reads each block's statements once: asking each node for
 * the statement before it walks its block from the start, so a long function with many hazards was quadratic (a
 * third of the analysis of a 4,000-line TypeScript handler).
 */
export function deadCodeCheck(): (node: Node) => boolean {
  // By the node's id (its subtree's address), checked against its place: an id may be reused once a tree is deleted.
  const blocks = new Map<number, { start: number; end: number; typeId: number; starts: Int32Array; types: string[] }>();
  const statementsOf = (parent: Node) => {
    const found = blocks.get(parent.id);
    if (found && found.start === parent.startIndex && found.end === parent.endIndex && found.typeId === parent.typeId) return found;
    const scan = namedChildrenOf(parent);
    const names = parent.tree.language.types;
    const starts = new Int32Array(scan.count);
    const types: string[] = [];
    for (let i = 0; i < scan.count; i++) {
      starts[i] = startAt(scan, i);
      types.push(names[typeIdAt(scan, i)] ?? 'ERROR');
    }
    const made = { start: parent.startIndex, end: parent.endIndex, typeId: parent.typeId, starts, types };
    blocks.set(parent.id, made);
    return made;
  };
  /** One of the (up to 200) named siblings before `n` leaves the block. */
  const leavesBefore = (n: Node, parent: Node): boolean => {
    // `n` found among its parent's named children by its start and type, unless another child starts there too (a
    // zero-width node): then, and for a node that is not named, asked of the tree one sibling at a time.
    const siblings = n.isNamed ? statementsOf(parent) : undefined;
    const at = siblings ? firstAbove(siblings.starts, n.startIndex) - 1 : -1;
    if (siblings && at >= 0 && siblings.starts[at] === n.startIndex && siblings.types[at] === n.type && (at === 0 || siblings.starts[at - 1] !== n.startIndex)) {
      for (let k = 0, i = at - 1; i >= 0 && k < 200; k++, i--) if (LEAVES.has(siblings.types[i])) return true;
      return false;
    }
    let prev = n.previousNamedSibling;
    for (let k = 0; prev && k < 200; k++, prev = prev.previousNamedSibling) if (LEAVES.has(prev.type)) return true;
    return false;
  };
  return (node) => {
    let n: Node | null = node;
    for (let depth = 0; n && depth < 40; depth++) {
      const parent: Node | null = n.parent;
      if (!parent) return false;
      if (parent.type === 'if_statement') {
        const condition = parent.childForFieldName('condition');
        const consequence = parent.childForFieldName('consequence');
        if (condition && consequence && consequence.id === n.id && FALSE.test(condition.text.trim())) return true;
      }
      if (leavesBefore(n, parent)) return true;
      if (FUNCTIONS.has(parent.type)) return false;
      n = parent;
    }
    return false;
  };
}
