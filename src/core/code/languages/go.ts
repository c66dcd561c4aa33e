import type { Node } from '@vscode/tree-sitter-wasm';
import { field, type LanguageSpec } from './languageSpec';

function clause(n: Node): Node | null {
  const first = n.namedChildren[0];
  return first && (first.type === 'range_clause' || first.type === 'for_clause') ? first : null;
}

export const GO: LanguageSpec = {
  family: 'go',
  callTypes: ['call_expression'],
  argumentTypes: ['argument_list'],
  functionTypes: ['function_declaration', 'method_declaration', 'func_literal'],
  classTypes: [],
  loops: {
    for_statement: {
      kind: 'for',
      once: (n) => {
        const c = clause(n);
        if (!c) return null;
        return c.type === 'range_clause' ? field(c, 'right') : field(c, 'initializer');
      },
      iterable: (n) => {
        const c = clause(n);
        return c?.type === 'range_clause' ? field(c, 'right') : null;
      },
    },
  },
  extraTypes: ['go_statement'],
  callbackMethods: new Set(),
  // errgroup's `g.Go(func…)`; a worker pool's `Submit` (pond, ants, gammazero/workerpool: wakapi's `wp.Submit(func() {…})`).
  parallelWrappers: /\.(?:Go|Submit|SubmitErr|TrySubmit)$/,
  parallelScopes: new Set(['go_statement']),
  literalTypes: new Set(['composite_literal']),
  spreadTypes: new Set(['variadic_argument']),
  // A closure kept in a variable is called by that name (`releaseConn := func() {…}`, then `releaseConn()`).
  functionName: (fn, type) => (type === 'func_literal' ? closureName(fn) : field(fn, 'name')?.text),
  receiverType(fn, type) {
    if (type !== 'method_declaration') return undefined;
    const receiver = field(fn, 'receiver')?.text ?? '';
    return /(\w+)(?:\[[^\]]*\])?\s*\)$/.exec(receiver)?.[1];
  },
  receiverName(fn, type) {
    if (type !== 'method_declaration') return undefined;
    return /^\(\s*(\w+)\s/.exec(field(fn, 'receiver')?.text ?? '')?.[1];
  },
  isAsync: () => false,
  nonCodeTypes: new Set(['comment', 'interpreted_string_literal', 'raw_string_literal', 'interpreted_string_literal_content', 'raw_string_literal_content']),
};

/** The variable a function literal is kept in, alone on its left (`name := func…`, `name = func…`). */
function closureName(fn: Node): string | undefined {
  const list = fn.parent;
  const statement = list?.type === 'expression_list' ? list.parent : undefined;
  if (!statement || (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement')) return undefined;
  if (list!.namedChildCount !== 1 || statement.childForFieldName('right')?.id !== list!.id) return undefined;
  const left = statement.childForFieldName('left');
  return left?.namedChildCount === 1 && left.namedChild(0)?.type === 'identifier' ? left.namedChild(0)!.text : undefined;
}
