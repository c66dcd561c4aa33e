import type { Node } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { Hazard, LoopMode } from '../codeModel';
import { memberChain, namedChildren, rangeOf } from '../syntax';
import type { CallCatalogue, CallMatch, LanguageFamily } from './callCatalogue';

interface LoopStatement {
  kind: string;
  body: string;
  /** The expression iterated over: evaluated once, so calls in it are not per-iteration. */
  iterable?: string;
}

interface LoopSyntax {
  statements: Record<string, LoopStatement>;
  callTypes: Set<string>;
  /** Array methods whose function argument runs once per element. */
  callbackMethods: Set<string>;
  comprehensions: Set<string>;
  /** Calls that run what they are given concurrently: a loop inside them is a parallel fan-out. */
  parallelWrappers: RegExp;
  arrayLiterals: Set<string>;
}

const SYNTAX: Partial<Record<LanguageFamily, LoopSyntax>> = {
  js: {
    statements: {
      for_statement: { kind: 'for', body: 'body' },
      for_in_statement: { kind: 'for…of', body: 'body', iterable: 'right' },
      while_statement: { kind: 'while', body: 'body' },
      do_statement: { kind: 'do…while', body: 'body' },
    },
    callTypes: new Set(['call_expression']),
    callbackMethods: new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find']),
    comprehensions: new Set(),
    parallelWrappers: /^Promise\.(all|allSettled|any|race)$/,
    arrayLiterals: new Set(['array']),
  },
  python: {
    statements: {
      for_statement: { kind: 'for', body: 'body', iterable: 'right' },
      while_statement: { kind: 'while', body: 'body' },
    },
    callTypes: new Set(['call']),
    callbackMethods: new Set(),
    comprehensions: new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']),
    parallelWrappers: /^(asyncio\.)?gather$/,
    arrayLiterals: new Set(['list', 'tuple', 'set']),
  },
};

const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function']);
/** Nodes that pass "this runs in parallel" from a wrapper's arguments down to the loop inside. */
const TRANSPARENT = new Set(['arguments', 'argument_list', 'list_splat', 'spread_element', 'parenthesized_expression', 'await_expression', 'await']);

/** A loop over a literal of this many items or fewer is not a load multiplier. */
const SMALL_LITERAL = 3;

interface LoopContext {
  kind: string;
  mode: LoopMode;
  range: Range;
}

/**
 * `query-in-loop` and `call-in-loop`: a database query or a remote call that runs once per iteration,
 * whether the loop is a statement, an array callback or a comprehension; parallel when wrapped in
 * `Promise.all` / `asyncio.gather`, sequential otherwise.
 */
export function findLoopHazards(
  file: string,
  root: Node,
  family: LanguageFamily,
  catalogue: CallCatalogue,
  /** Functions of the same file that query or call out themselves: calling one in a loop is the same hazard. */
  indirect: ReadonlyMap<string, IndirectEffect> = new Map(),
): Hazard[] {
  const syntax = SYNTAX[family];
  if (!syntax) return [];
  const hazards: Hazard[] = [];

  /** `parallel`: this node is (inside) an argument of Promise.all / asyncio.gather. */
  const visit = (node: Node, loops: LoopContext[], parallel: boolean): void => {
    if (syntax.callTypes.has(node.type)) {
      const chain = memberChain(node);
      if (loops.length) {
        const loop = loops[loops.length - 1];
        const match = catalogue.match(chain, family);
        const via = match ? undefined : indirectCallee(chain, indirect);
        if (match) hazards.push(loopHazard(file, node, chain.join('.'), match, loop));
        else if (via) hazards.push(loopHazard(file, node, `${via.name} → ${via.effect.callee}`, via.effect.match, loop));
      }
      const wrapsParallel = syntax.parallelWrappers.test(chain.join('.'));
      const callbackLoop = callbackLoopOf(node, chain, syntax);
      for (const child of namedChildren(node)) {
        const isArguments = child.type === 'arguments' || child.type === 'argument_list';
        if (callbackLoop && isArguments) {
          for (const arg of namedChildren(child)) {
            if (!FUNCTION_TYPES.has(arg.type)) {
              visit(arg, loops, false);
              continue;
            }
            const mode: LoopMode = parallel || isAsync(arg) ? 'parallel' : 'sequential';
            visit(arg, [...loops, { kind: `.${callbackLoop}()`, mode, range: rangeOf(node) }], false);
          }
        } else {
          visit(child, loops, isArguments && (wrapsParallel || parallel));
        }
      }
      return;
    }

    const statement = syntax.statements[node.type];
    if (statement) {
      const body = node.childForFieldName(statement.body);
      const iterable = statement.iterable ? node.childForFieldName(statement.iterable) : null;
      const constantLoop = iterable !== null && isSmallLiteral(iterable, syntax);
      const context: LoopContext = { kind: statement.kind, mode: 'sequential', range: rangeOf(node) };
      for (const child of namedChildren(node)) {
        const inBody = body !== null && child.id === body.id && !constantLoop;
        visit(child, inBody ? [...loops, context] : loops, false);
      }
      return;
    }

    if (syntax.comprehensions.has(node.type)) {
      const clause = namedChildren(node).find((c) => c.type === 'for_in_clause');
      const iterable = clause?.childForFieldName('right') ?? null;
      const perItem = iterable !== null && isSmallLiteral(iterable, syntax) ? loops : [
        ...loops,
        { kind: 'comprehension', mode: parallel ? 'parallel' : 'sequential', range: rangeOf(node) } as LoopContext,
      ];
      for (const child of namedChildren(node)) {
        if (clause !== undefined && child.id === clause.id) {
          // The first clause's iterable is evaluated once; the rest of the clause once per item.
          for (const c of namedChildren(child)) visit(c, iterable !== null && c.id === iterable.id ? loops : perItem, false);
        } else {
          visit(child, perItem, false);
        }
      }
      return;
    }

    const transparent = parallel && TRANSPARENT.has(node.type);
    for (const child of namedChildren(node)) visit(child, loops, transparent);
  };

  visit(root, [], false);
  return hazards;
}

function loopHazard(file: string, node: Node, callee: string, match: CallMatch, loop: LoopContext): Hazard {
  const what = match.kind === 'query' ? 'Database query' : 'Remote call';
  const how =
    loop.mode === 'parallel'
      ? 'in parallel: one request fans out into one call per item'
      : 'sequentially: each iteration waits for the previous one';
  return {
    code: match.kind === 'query' ? 'query-in-loop' : 'call-in-loop',
    file,
    range: rangeOf(node),
    callee,
    explanation: `${what} \`${callee}(…)\` runs once per iteration of a ${loop.kind} loop, ${how}.`,
    loop: { kind: loop.kind, mode: loop.mode, range: loop.range },
    routes: [],
  };
}

export interface IndirectEffect {
  callee: string;
  match: CallMatch;
}

function indirectCallee(chain: string[], indirect: ReadonlyMap<string, IndirectEffect>) {
  // `helper()`, `this.helper()`, `self.helper()`
  const name = chain.length === 1 ? chain[0] : chain.length === 2 && (chain[0] === 'this' || chain[0] === 'self') ? chain[1] : undefined;
  const effect = name ? indirect.get(name) : undefined;
  return name && effect ? { name, effect } : undefined;
}

function callbackLoopOf(call: Node, chain: string[], syntax: LoopSyntax): string | undefined {
  const method = chain[chain.length - 1];
  if (!method || !syntax.callbackMethods.has(method)) return undefined;
  // `[a, b].forEach(…)`: a loop over a small literal is not a multiplier.
  const callee = call.childForFieldName('function');
  const receiver = callee?.childForFieldName('object');
  if (receiver && isSmallLiteral(receiver, syntax)) return undefined;
  return method;
}

function isSmallLiteral(node: Node, syntax: LoopSyntax): boolean {
  return syntax.arrayLiterals.has(node.type) && node.namedChildren.length <= SMALL_LITERAL;
}

function isAsync(fn: Node): boolean {
  return /^async\b/.test(fn.text);
}
