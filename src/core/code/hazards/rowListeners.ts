import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * EasyExcel's and FastExcel's read listeners: `class UserImportListener implements ReadListener<UserImportDTO>` (or
 * `extends AnalysisEventListener<…>`) has its `invoke(row, context)` called once per row of the sheet being read, so
 * a query there is a query per uploaded row (youlai-boot's user import), as in a loop over the rows.
 */
export const ROW_LISTENER = 'spreadsheet row listener';

/** A file that may declare one: most do not, and are not looked at further. */
export function mayListenToRows(text: string): boolean {
  return /(?:ReadListener|AnalysisEventListener)\s*</.test(text);
}

/** The method is a read listener's `invoke`. */
export function isRowListenerInvoke(fn: Node, text: string): boolean {
  if (fn.type !== 'method_declaration' || fn.childForFieldName('name')?.text !== 'invoke') return false;
  const cls = fn.parent?.parent;
  if (cls?.type !== 'class_declaration') return false;
  const header = text.slice(cls.startIndex, cls.childForFieldName('body')?.startIndex ?? cls.startIndex);
  // Also through a base listener of the project's, named as one (youlai-mall's `extends MyAnalysisEventListener<T>`).
  return /\b(?:implements\s+[^{]*\b\w*ReadListener|extends\s+\w*AnalysisEventListener)\s*</.test(header);
}
