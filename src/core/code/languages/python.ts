import type { Node } from '@vscode/tree-sitter-wasm';
import { field, type LanguageSpec } from './languageSpec';

function firstClauseIterable(n: Node): Node | null {
  const clause = n.namedChildren.find((c) => c?.type === 'for_in_clause');
  return clause ? field(clause, 'right') : null;
}

/** Python's builtin functions, which a project's functions or methods of the same name (`all`, `filter`) are not. */
export const PYTHON_BUILTINS = new Set(['all', 'any', 'sum', 'min', 'max', 'sorted', 'reversed', 'len', 'map', 'filter', 'zip', 'enumerate', 'range', 'set', 'tuple', 'list', 'dict', 'str', 'int', 'float', 'bool', 'isinstance', 'issubclass', 'getattr', 'setattr', 'hasattr', 'iter', 'next', 'print', 'repr', 'hash', 'id', 'type', 'vars', 'format', 'round', 'abs', 'open']);

export const PYTHON: LanguageSpec = {
  family: 'python',
  callTypes: ['call'],
  argumentTypes: ['argument_list', 'generator_expression'],
  functionTypes: ['function_definition', 'lambda'],
  classTypes: ['class_definition'],
  loops: {
    for_statement: { kind: 'for', once: (n) => field(n, 'right'), iterable: (n) => field(n, 'right') },
    while_statement: { kind: 'while' },
    list_comprehension: { kind: 'comprehension', once: firstClauseIterable, iterable: firstClauseIterable },
    set_comprehension: { kind: 'comprehension', once: firstClauseIterable, iterable: firstClauseIterable },
    dictionary_comprehension: { kind: 'comprehension', once: firstClauseIterable, iterable: firstClauseIterable },
    generator_expression: { kind: 'comprehension', once: firstClauseIterable, iterable: firstClauseIterable },
  },
  extraTypes: ['decorated_definition'],
  callbackMethods: new Set(),
  parallelWrappers: /^(asyncio\.)?(gather|wait|as_completed)$/,
  parallelScopes: new Set(),
  asyncSubmit: /^asyncio\.(create_task|ensure_future|run_coroutine_threadsafe)$|(^|\.)(\w*executor|\w*pool|tg|task_group)\.(submit|create_task|apply_async)$/,
  literalTypes: new Set(['list', 'tuple', 'set']),
  spreadTypes: new Set(['list_splat', 'dictionary_splat']),
  functionName: (fn, type) => (type === 'function_definition' ? field(fn, 'name')?.text : undefined),
  isAsync: (text) => text.startsWith('async'),
  nonCodeTypes: new Set(['comment', 'string', 'string_content', 'string_start', 'string_end', 'concatenated_string']),
};
