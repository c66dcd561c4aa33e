import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import type { CallMatch } from './callCatalogue';

// A Django queryset is lazy: `X.objects.filter(…)` builds a query and runs none until it is iterated, sliced with a
// step, or ends in a method that reads (`get`, `first`, `count`, `exists`, `update`…). These helpers tell where a
// chain written in the code is only built.

/** Methods that return another queryset, running nothing. */
const LAZY_METHODS = /^(?:filter|exclude|all|order_by|values|values_list|annotate|alias|select_related|prefetch_related|using|distinct|only|defer|select_for_update|none|reverse)$/;
/** What makes a subquery of the queryset it is given: it runs inside the outer query, not on its own. */
const SUBQUERY_MAKERS = /^(?:Exists|Subquery|Prefetch)$/;
/** Keyword arguments that take a queryset as a subquery or a relation's query: `id__in=qs`, `Prefetch(…, queryset=qs)`. */
const SUBQUERY_KEYWORD = /__in$|^queryset$/;
/** A function named for the queryset it makes: `…_qs…`, `…_queryset` (not `queryset_in_batches`, which runs them). */
const QUERYSET_NAME = /(?:^|_)qs(?:_|$)|queryset$/i;

/** The outermost call of a chain this call starts (`X.objects.filter(…).order_by(…)` for its `filter`). */
export function outermostCall(s: FileStructure, i: number): number {
  let index = i;
  for (let p = s.nodes[i].parent; p >= 0 && s.nodes[p].start === s.nodes[i].start && s.calls.has(p); p = s.nodes[p].parent) index = p;
  return index;
}

/** The function definition a node is in (Python), if any. */
function enclosingFunction(node: Node): Node | null {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  return fn;
}

/**
 * A function declared to return a queryset (`-> QuerySet[App]`, `-> ProductsQueryset`) or named for one
 * (`user_qs_select_for_update`): what it returns is a query its caller finishes (filters, slices, pages).
 */
export function makesQueryset(fn: Node | null): boolean {
  if (!fn) return false;
  return QUERYSET_NAME.test(fn.childForFieldName('name')?.text ?? '') || /Query[sS]et\b/.test(fn.childForFieldName('return_type')?.text ?? '');
}

/**
 * A Django ORM match at call `i` that runs no query there: a chain ending in a lazy method that is given to what makes
 * a subquery of it (`Exists(X.objects.filter(…))`, `id__in=X.objects.values("id")`, `Prefetch(queryset=…)`), or that
 * is built in a function that makes querysets for its caller. Neither is a query per iteration of a loop around it,
 * nor the query a helper makes when a loop calls it.
 */
export function unexecutedQueryset(s: FileStructure, i: number, match: CallMatch): boolean {
  if (s.spec.family !== 'python' || !match.label.startsWith('Django')) return false;
  const outer = outermostCall(s, i);
  const chain = s.calls.get(outer)!.chain;
  if (!LAZY_METHODS.test(chain[chain.length - 1] ?? '')) return false;
  const node = s.nodes[outer].node;
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') parent = parent.parent;
  if (parent?.type === 'argument_list') {
    const callee = parent.parent?.childForFieldName('function')?.text ?? '';
    if (SUBQUERY_MAKERS.test(callee.split('.').pop() ?? '')) return true;
  } else if (parent?.type === 'keyword_argument' && SUBQUERY_KEYWORD.test(parent.childForFieldName('name')?.text ?? '')) {
    return true;
  }
  return makesQueryset(enclosingFunction(node));
}
