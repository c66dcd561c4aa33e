import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildrenOf, startAt, typeIdAt } from '../nodeScan';

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
  // By the node's id, checked against its place (the id is its subtree's, which a tree does not share between places).
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
      // Up to 200 named siblings before it, the node found among them by its start (unless another starts there too).
      const { starts, types } = n.isNamed ? statementsOf(parent) : NO_STATEMENTS;
      const at = lastAtOrBefore(starts, n.startIndex);
      if (at >= 0 && starts[at] === n.startIndex && types[at] === n.type && (at === 0 || starts[at - 1] !== n.startIndex)) {
        for (let k = 0, i = at - 1; i >= 0 && k < 200; k++, i--) if (LEAVES.has(types[i])) return true;
      } else {
        let prev = n.previousNamedSibling;
        for (let k = 0; prev && k < 200; k++, prev = prev.previousNamedSibling) if (LEAVES.has(prev.type)) return true;
      }
      if (FUNCTIONS.has(parent.type)) return false;
      n = parent;
    }
    return false;
  };
}

const NO_STATEMENTS = { starts: new Int32Array(0), types: [] as string[] };

/** The index of the last offset at or before `at` (-1 if none). */
function lastAtOrBefore(offsets: Int32Array, at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
