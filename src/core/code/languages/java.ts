import type { Node } from '@vscode/tree-sitter-wasm';
import { field, type LanguageSpec } from './languageSpec';

export const JAVA: LanguageSpec = {
  family: 'java',
  callTypes: ['method_invocation', 'object_creation_expression'],
  argumentTypes: ['argument_list'],
  functionTypes: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
  classTypes: ['class_declaration', 'interface_declaration', 'record_declaration'],
  loops: {
    for_statement: { kind: 'for', once: (n) => field(n, 'init') },
    enhanced_for_statement: { kind: 'for-each', once: (n) => field(n, 'value'), iterable: (n) => field(n, 'value') },
    while_statement: { kind: 'while' },
    do_statement: { kind: 'do…while' },
  },
  // method_reference: `.map(authorityRepository::findById)` calls the method once per element (FileStructure).
  extraTypes: ['annotation', 'marker_annotation', 'method_reference'],
  callbackMethods: new Set(['forEach', 'map', 'flatMap', 'filter', 'peek', 'anyMatch', 'allMatch', 'mapToObj', 'mapToInt', 'mapToLong']),
  callbackReceiver: /(^|\.)(stream|parallelStream|forEach|boxed|range|rangeClosed)(\.|$)|\.forEach$/,
  parallelWrappers: /^CompletableFuture\.(allOf|anyOf)$|^Flux\.merge$/,
  parallelChains: /(^|\.)(parallelStream|parallel)(\.|$)/,
  parallelScopes: new Set(),
  asyncSubmit: /^CompletableFuture\.(runAsync|supplyAsync)$|(^|\.)\w*([eE]xecutor(Service)?|[pP]ool)\.(submit|execute)$/,
  literalTypes: new Set(['array_initializer']),
  spreadTypes: new Set(),
  // A lambda held in a field is called by the field's name (Javalin's `public static Handler fetchAll = ctx -> {…}`).
  functionName: (fn, type) => (type === 'lambda_expression' ? fieldLambdaName(fn) : field(fn, 'name')?.text),
  isAsync: () => false,
  nonCodeTypes: new Set(['line_comment', 'block_comment', 'string_literal', 'string_fragment', 'text_block']),
};

function fieldLambdaName(fn: Node): string | undefined {
  const declarator = fn.parent;
  if (declarator?.type !== 'variable_declarator' || declarator.parent?.type !== 'field_declaration') return undefined;
  return field(declarator, 'name')?.text;
}
