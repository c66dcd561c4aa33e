import type { Node } from '@vscode/tree-sitter-wasm';
import { field, type LanguageSpec } from './languageSpec';

/**
 * A chain through a Flux up to the operator called (Reactor's `Flux.fromIterable(ids).filter(…).flatMap(`): made from
 * a collection (not `Flux.just(a, b)` or `Flux.merge(a, b)`, a few values written out), or by a Mono's `flatMapMany`,
 * or a reactive repository's `findAll`/`findAllBy…`; with nothing between that makes it a Mono (`collectList`, `count`,
 * `next`, `then`, `reduce`…), whose operators run once.
 */
const FLUX_THEN = String.raw`(^|.*\.)(Flux\.(fromIterable|fromStream|fromArray|concat|mergeSequential)|flatMapMany|flatMapIterable|thenMany|findAll(By\w+)?)\.((?!(collectList|collectMap|collectMultimap|collectSortedList|count|next|last|single|singleOrEmpty|then|thenReturn|thenEmpty|reduce|reduceWith|hasElements|hasElement|any|all|elementAt|blockFirst|blockLast)\.)\w+\.)*`;

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
  // Streams' operators, and Reactor's on a Flux (halo's `Flux.fromStream(…).map(this::getListedPost)`): once per element.
  callbackMethods: new Set([
    'forEach',
    'map',
    'flatMap',
    'filter',
    'peek',
    'anyMatch',
    'allMatch',
    'mapToObj',
    'mapToInt',
    'mapToLong',
    'concatMap',
    'concatMapDelayError',
    'flatMapSequential',
    'flatMapDelayError',
    'doOnNext',
    'filterWhen',
    'delayUntil',
  ]),
  // A stream, or a Flux: made from a collection (not `Flux.just(a, b)`, a few values written out), or what a Mono's
  // `flatMapMany` or a reactive repository's `findAll…` gives. A Mono's operators run once.
  callbackReceiver: new RegExp(`(^|\\.)(stream|parallelStream|forEach|boxed|range|rangeClosed)(\\.|$)|\\.forEach$|${FLUX_THEN}\\w+$`),
  parallelWrappers: /^CompletableFuture\.(allOf|anyOf)$|^Flux\.merge$/,
  // Reactor's `flatMap` subscribes to the inner publishers as elements come, up to 256 at a time.
  parallelChains: new RegExp(`(^|\\.)(parallelStream|parallel)(\\.|$)|^(?!(.*\\.)?stream\\.)${FLUX_THEN}(flatMap|flatMapSequential|flatMapDelayError)$`),
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
