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
  parallelWrappers: /\.Go$/,
  parallelScopes: new Set(['go_statement']),
  literalTypes: new Set(['composite_literal']),
  spreadTypes: new Set(['variadic_argument']),
  functionName: (fn, type) => (type === 'func_literal' ? undefined : field(fn, 'name')?.text),
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
