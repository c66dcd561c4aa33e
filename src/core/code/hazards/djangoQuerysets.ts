import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import type { CallMatch } from './callCatalogue';
import { lastNonSpaceBefore } from '../syntax';
import { argumentsFrom, splitTopLevel } from './pythonRelations';
import { subqueryOfAnother } from './unboundedQueries';

// A Django queryset is lazy: `X.objects.filter(…)` builds a query and runs none until it is iterated, sliced with a
// step, or ends in a method that reads (`get`, `first`, `count`, `exists`, `update`…). These helpers tell where a
// chain written in the code is only built.

/** Methods that return another queryset, running nothing. */
export const LAZY_METHODS = /^(?:filter|exclude|all|order_by|values|values_list|annotate|alias|select_related|prefetch_related|using|distinct|only|defer|select_for_update|none|reverse)$/;
/** What makes a subquery of the queryset it is given: it runs inside the outer query, not on its own. */
const SUBQUERY_MAKERS = /^(?:Exists|Subquery|Prefetch)$/;
/** Keyword arguments that take a queryset as a subquery or a relation's query: `id__in=qs`, `Prefetch(…, queryset=qs)`. */
const SUBQUERY_KEYWORD = /__in$|^queryset$/;
/** A function named for the queryset it makes: `…_qs…`, `…_queryset` (not `queryset_in_batches`, which runs them). */
const QUERYSET_NAME = /(?:^|_)qs(?:_|$)|queryset$/i;

/** What turns a JavaScript query builder into its SQL without running it (knex, Kysely's `compile`, Drizzle's `toSQL`). */
const BUILT_ONLY = /^(?:toQuery|toSQL|toString|toNative|compile)$/;

/** The chain call `i` starts ends by turning a JavaScript query builder into SQL (BUILT_ONLY). */
export function turnedIntoSql(s: FileStructure, i: number): boolean {
  return BUILT_ONLY.test(s.calls.get(outermostCall(s, i))!.chain.at(-1) ?? '');
}

/** The outermost call of a chain this call starts (`X.objects.filter(…).order_by(…)` for its `filter`). */
export function outermostCall(s: FileStructure, i: number): number {
  let index = i;
  const start = s.nodes[i].start;
  // (Also past an `await` tree-sitter-typescript puts inside the callee of a call with type arguments: `await
  // this.db.select(…).from<Row>(T).where(…)`.)
  for (let p = s.nodes[i].parent; p >= 0 && (s.nodes[p].start === start || (s.nodes[p].start < start && /^await\s+$/.test(s.text.slice(s.nodes[p].start, start)))) && s.calls.has(p); p = s.nodes[p].parent) index = p;
  return index;
}

/** A call of the chain is given `x=OuterRef(…)` itself (not inside an `Exists(…)` it is given, which is that one's). */
export function refersToOuterRow(chain: Node): boolean {
  for (let n: Node | null = chain; n?.type === 'call'; ) {
    for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a?.type === 'keyword_argument' && /^OuterRef\s*\(/.test(a.childForFieldName('value')?.text ?? '')) return true;
    }
    const fn: Node | null = n.childForFieldName('function');
    n = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  }
  return false;
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
 * A Django ORM match at call `i` that runs no query there: a chain ending in a lazy method that refers to an outer
 * query's row (`OuterRef("pk")`), or is given to what makes a subquery of it (`Exists(X.objects.filter(…))`,
 * `id__in=X.objects.values("id")`, `Prefetch(queryset=…)`), or that is built in a function that makes querysets for
 * its caller; or, in JavaScript, a query builder only turned into SQL. Neither is a query per iteration of a loop around it,
 * nor the query a helper makes when a loop calls it.
 */
export function unexecutedQueryset(s: FileStructure, i: number, match: CallMatch): boolean {
  // A query builder turned into SQL, not run (teable's `this.knex(t).where(…).toQuery()`, handed to a raw call later),
  // or part of another's statement (a subquery, a raw fragment, a builder collected for a union).
  if (s.spec.family === 'js') return match.kind === 'query' && (turnedIntoSql(s, i) || subqueryOfAnother(s.nodes[outermostCall(s, i)].node));
  if (s.spec.family !== 'python' || !match.label.startsWith('Django')) return false;
  const outer = outermostCall(s, i);
  const chain = s.calls.get(outer)!.chain;
  if (!LAZY_METHODS.test(chain[chain.length - 1] ?? '')) return false;
  // `X.objects.filter(project_id=OuterRef("pk"))`: a query about the outer query's rows, only ever a subquery of it,
  // wherever it is written (plane's lambdas that each make one of a summary's counts).
  const node = s.nodes[outer].node;
  if (s.mentions('OuterRef') && refersToOuterRow(node)) return true;
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') parent = parent.parent;
  if (parent?.type === 'argument_list') {
    const callee = parent.parent?.childForFieldName('function')?.text ?? '';
    if (SUBQUERY_MAKERS.test(callee.split('.').pop() ?? '')) return true;
  } else if (parent?.type === 'keyword_argument' && SUBQUERY_KEYWORD.test(parent.childForFieldName('name')?.text ?? '')) {
    return true;
  } else if (parent?.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier' && onlySubqueried(s, parent)) {
    return true;
  } else if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === node.id && QUERYSET_ATTRIBUTE.test(parent.childForFieldName('left')?.text ?? '')) {
    // A form field's choices narrowed, nautobot's `for name, field in self.fields.items(): field.queryset =
    // field.queryset.filter(device_type=data)`: the query the field runs when it renders or validates, kept, not run.
    return true;
  }
  return makesQueryset(enclosingFunction(node));
}

/** A queryset attribute of an object (a form field's, a filter's): `field.queryset`, `self.fields["x"].queryset`. */
const QUERYSET_ATTRIBUTE = /\.(?:\w+_)?queryset$/;

/** What a queryset's name may be given to and still run inside another query: `Exists(qs…)`, `queryset=qs`, `id__in=qs`. */
const SUBQUERY_USE = /(?:\b(?:Exists|Subquery|Prefetch)\(\s*|\bqueryset\s*=\s*|__in\s*=\s*)$/;

/**
 * `product_variants = ProductVariant.objects.filter(…)` whose name the rest of the function only gives to what makes
 * a subquery of it (`Exists(product_variants.filter(product_id=OuterRef("pk")))`, saleor's attribute filters built
 * per value in a loop): it never runs on its own. Not when it is read anywhere else (`for v in product_variants`).
 */
function onlySubqueried(s: FileStructure, assignment: Node): boolean {
  const name = assignment.childForFieldName('left')!.text;
  const fn = enclosingFunction(assignment);
  const from = assignment.endIndex;
  const to = fn ? fn.endIndex : s.text.length;
  const use = new RegExp(`(?<![\\w.])${name}\\b`, 'g');
  use.lastIndex = from;
  for (let m = use.exec(s.text); m && m.index < to; m = use.exec(s.text)) {
    if (!SUBQUERY_USE.test(s.text.slice(Math.max(from, m.index - 40), m.index))) return false;
  }
  return true;
}

const NO_RELATIONS: ReadonlySet<string> = new Set();
/** A string literal that may be a lookup: `"lines"`, `"variant__product__collections"`. */
const LOOKUP_STRING = /['"]([A-Za-z_]\w*)['"]/g;

/**
 * The relations a Python function has Django prefetch (`prefetch_related("variant__product__collections", *fields)`,
 * `Prefetch("lines", …)`, with the lookup lists it spreads in, however they are added to): every part of every
 * lookup, since the rows are often reached through other names (`variant = line.variant`). Empty outside a function.
 */
export function prefetchedRelations(s: FileStructure, i: number): ReadonlySet<string> {
  if (s.spec.family !== 'python' || !s.memo('py.prefetches', () => s.mentions('prefetch_related') || s.mentions('prefetch_related_objects') || s.mentions('Prefetch('))) return NO_RELATIONS;
  const fn = enclosingFunction(s.nodes[i].node);
  if (!fn) return NO_RELATIONS;
  return s.memo(`py.prefetched@${fn.startIndex}`, () => lookupsIn(s.text.slice(fn.startIndex, fn.endIndex)));
}

function lookupsIn(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  const addStrings = (args: string) => {
    for (const m of args.matchAll(LOOKUP_STRING)) for (const part of m[1].split('__')) out.add(part);
  };
  for (const m of text.matchAll(/\b(?:prefetch_related(_objects)?|Prefetch)\s*\(/g)) {
    const all = argumentsFrom(text, m.index! + m[0].length);
    // `prefetch_related_objects(page, "tags")` (linkding's bookmark lists): the rows first, then the lookups, as a
    // queryset's `prefetch_related("tags")` takes them.
    const args = m[1] ? splitTopLevel(all).slice(1).join(',') : all;
    addStrings(args);
    // `prefetch_related(*fields)`, `prefetch_related(fields)`: the list the function builds.
    for (const name of args.matchAll(/(?:^|,)\s*\*?([A-Za-z_]\w*)\s*(?=,|$)/g)) {
      for (const set of text.matchAll(new RegExp(`\\b${name[1]}\\s*(?::[^=\\n]*)?\\+?=\\s*[[(]|\\b${name[1]}\\.(?:extend|append)\\s*\\(`, 'g'))) {
        addStrings(argumentsFrom(text, set.index! + set[0].length));
      }
    }
  }
  return out;
}

/**
 * `variant.channel_listings.all()` (also the last step of a helper's chain, `get_listing → variant.channel_listings.all`)
 * where the calling function prefetched `channel_listings`: Django answers a related manager's `all()` and `count()`
 * from the prefetched rows, with no query. A `filter()`/`order_by()` on it is a new query, still reported.
 */
export function readsPrefetched(callee: string, match: CallMatch, prefetched: ReadonlySet<string> | readonly string[] | undefined): boolean {
  if (!prefetched || match.label !== 'Django related manager query') return false;
  const step = callee.lastIndexOf(' → ');
  const last = (step < 0 ? callee : callee.slice(step + 3)).split('.');
  if (last.length !== 3 || (last[2] !== 'all' && last[2] !== 'count')) return false;
  return 'has' in prefetched ? prefetched.has(last[1]) : prefetched.includes(last[1]);
}

/** What reads a page of the queryset it is given: a GraphQL connection's slice (saleor, graphene), a paginator's. */
const PAGER = String.raw`create_connection_slice|slice_connection_iterable|connection_from_array_slice|Paginator|\w*[pP]aginat\w*`;
/** Chain steps that read one row or a number, not the rows. */
const READS_PART = String.raw`first|last|latest|earliest|get|count|exists|aggregate|in_bulk|update|delete`;

/**
 * What the call at `i` returns is read in part where it is called (see CallFact.readInPart): narrowed along the chain
 * (`resolve_x(info).first()`, `[:10]`), given to a pager (`create_connection_slice(resolve_x(info), …)`), or kept in a
 * variable the function later pages, slices or narrows (`qs = resolve_stocks(info)` … `create_connection_slice(qs, …)`).
 */
export function readInPart(s: FileStructure, i: number): boolean {
  const outer = outermostCall(s, i);
  if (READS_PART_CALL.test(s.text.slice(s.nodes[i].end, s.nodes[outer].end))) return true;
  // Only a value assigned, given as an argument or subscripted is read further: told by the text around the call
  // first (most calls are statements of their own), so that no syntax node is made for the others.
  if (!mayBeRead(s.text, s.nodes[outer].start, s.nodes[outer].end)) return false;
  let node: Node = s.nodes[outer].node;
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') parent = (node = parent).parent;
  if (!parent) return false;
  if (parent.type === 'subscript' && parent.childForFieldName('value')?.startIndex === node.startIndex) return parent.childForFieldName('subscript')?.type === 'slice';
  // A subquery, pretalx's `Talk.objects.filter(event__in=visible_events(user))[:20]`, `Exists(…)`: the database reads
  // of it what the outer query needs, in that one query.
  if (parent.type === 'keyword_argument') return /__in$/.test(parent.childForFieldName('name')?.text ?? '');
  if (parent.type === 'argument_list') return PAGER_NAME.test(parent.parent?.childForFieldName('function')?.text.split('.').pop() ?? '') || SUBQUERY.test(parent.parent?.childForFieldName('function')?.text ?? '');
  if (parent.type !== 'assignment' || parent.childForFieldName('left')?.type !== 'identifier') return false;
  // The function it is written in (an assignment is a statement: not in a lambda), known without walking the tree.
  const f = s.functionOf[outer];
  if (f < 0) return false;
  const fn = s.spanOfFunction(f);
  const flow = s.memo(`py.flow:${fn.start}`, () => flowOf(s.text, fn.start, fn.end));
  return pagedLater(flow, parent.endIndex, parent.childForFieldName('left')!.text, 3);
}

const READS_PART_CALL = new RegExp(String.raw`\.\s*(?:${READS_PART})\s*\(`);
const PAGER_NAME = new RegExp(`^(?:${PAGER})$`);
/** Django's subquery expressions, given a queryset: run inside the query that holds them. */
const SUBQUERY = /^(?:models\.)?(?:Subquery|Exists)$/;
/** What stands before a value assigned (`=`), given as an argument (`(`, `,`) or put in parentheses (`(`). */
const MAY_BE_READ_BEFORE = /^[=(,]$/;

/**
 * Whether the text around the call at [start, end) lets it be assigned, an argument or subscripted: what stands before
 * it (MAY_BE_READ_BEFORE) or a `[` after it. Where a comment or a line continuation comes between, the text cannot
 * tell: the syntax tree is asked.
 */
function mayBeRead(text: string, start: number, end: number): boolean {
  if (MAY_BE_READ_BEFORE.test(lastNonSpaceBefore(text, start))) return true;
  const line = text.lastIndexOf('\n', start - 1);
  if (/^[ \t]*$/.test(text.slice(line + 1, start))) {
    // First on its line: the line before may end in a comment or a backslash.
    const previous = text.slice(text.lastIndexOf('\n', line - 1) + 1, Math.max(0, line));
    if (previous.includes('#') || previous.trimEnd().endsWith('\\')) return true;
  }
  return subscriptedAfter(text, end);
}

/**
 * After a call, past closing brackets, spaces, line continuations and comments: a subscript's `[`. (A scan, not a
 * pattern: one that allowed comments between those characters took minutes to fail on skyvern's commented code.)
 */
function subscriptedAfter(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const c = text[i];
    if (c === '[') return true;
    if (c === '#') {
      const line = text.indexOf('\n', i);
      if (line < 0) return false;
      i = line;
    } else if (c !== ')' && c !== '\\' && !/\s/.test(c)) return false;
  }
  return false;
}

/** Built-ins that read every row of the queryset they are given. */
const READS_WHOLE = /^(?:list|tuple|set|frozenset|sorted|dict|sum|len|max|min|any|all|iter|enumerate|reversed)$/;

/**
 * What pagedLater reads of a function, once per function: its assignments of a call's result (`qs = filter_x(qs,
 * kwargs)`: where the call's arguments start, the name and the callee), and per name the last offset where it is
 * paged, sliced or narrowed. Searched again for every call assigned in the function, with a pattern per name, these
 * were a fifth of the analysis of a Python service with long functions (skyvern).
 */
interface FunctionFlow {
  assignments: { line: number; args: number; target: string; callee: string; argumentsText: string }[];
  /** Per name, the assignments (indices, in order) whose call's arguments mention it, not through a reading built-in. */
  givenTo: Map<string, number[]>;
  /** Per name: the last offset where a paging, slice or narrowing of it starts. */
  pagedAt: Map<string, number>;
}

/** A Python identifier (letters of any script). */
const NAME = String.raw`[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*`;
const FIRST_NAME = new RegExp(String.raw`^\s*(${NAME})(?![\w\u0080-\uffff])`);
const PAGER_CALL = new RegExp(String.raw`\b(?:${PAGER})\s*\(`, 'g');
/** A name given to a pager by keyword (plane's `self.paginate(request=request, queryset=(issues), …)`). */
const KEYWORD_VALUE = new RegExp(String.raw`\b\w+\s*=\s*\(?\s*(${NAME})\s*\)?\s*(?=[,)]|$)`, 'g');
const SLICED = new RegExp(String.raw`\b(${NAME})\s*\[[^\]\n]*:`, 'g');
const NARROWED = new RegExp(String.raw`\b(${NAME})\s*\.\s*(?:${READS_PART})\s*\(`, 'g');
/** What a pager's own brackets hold as the pattern per name read them: nested brackets one level deep only. */
const PAGER_OWN = /^(?:[^()]|\([^()]*\))*/;
/** A call inside them (`wrap(queryset=qs)`): its keywords are its own, not the pager's. */
const CALL_INSIDE = /([\w\u0080-\uffff])\([^()]*\)/g;

function flowOf(text: string, start: number, end: number): FunctionFlow {
  const body = text.slice(start, end);
  const assignments: FunctionFlow['assignments'] = [];
  const givenTo = new Map<string, number[]>();
  for (const m of body.matchAll(ASSIGNED_CALL)) {
    const args = m.index! + m[0].length;
    const argumentsText = argumentsFrom(body, args).trim();
    // `rows = list(qs)` reads it all: what is sliced after that is a list.
    if (!READS_WHOLE.test(m[2])) {
      for (const name of new Set(argumentsText.match(NAMES) ?? [])) pushIndex(givenTo, name, assignments.length);
    }
    assignments.push({ line: start + m.index!, args: start + args, target: m[1], callee: m[2], argumentsText });
  }
  const pagedAt = new Map<string, number>();
  const paged = (name: string, at: number) => {
    if ((pagedAt.get(name) ?? -1) < start + at) pagedAt.set(name, start + at);
  };
  // Every place a match can start, overlapping ones too (`a[b[1:]]` slices both), as a search from any offset finds.
  const each = (pattern: RegExp, found: (m: RegExpExecArray) => void) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      found(m);
      pattern.lastIndex = m.index + 1;
    }
  };
  if (/aginat|connection|Paginator/.test(body)) {
    each(PAGER_CALL, (m) => {
      const args = body.slice(m.index + m[0].length);
      // Its first argument, or a keyword's value in the pager's own brackets (not one of a call inside them).
      const first = FIRST_NAME.exec(args)?.[1];
      if (first) paged(first, m.index);
      const own = (PAGER_OWN.exec(args)?.[0] ?? '').replace(CALL_INSIDE, '$1()');
      for (const k of own.matchAll(KEYWORD_VALUE)) paged(k[1], m.index);
    });
  }
  each(SLICED, (m) => paged(m[1], m.index));
  each(NARROWED, (m) => paged(m[1], m.index));
  return { assignments, givenTo, pagedAt };
}

const NAMES = new RegExp(NAME, 'g');
const ASSIGNED_CALL = new RegExp(String.raw`\n[ \t]*(${NAME})\s*=\s*([\w.]+)\s*\(`, 'g');

function pushIndex(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** The last offset in the function where `name` is paged, sliced or narrowed (-1: nowhere). */
function lastPagedAt(flow: FunctionFlow, name: string): number {
  return flow.pagedAt.get(name) ?? -1;
}

/**
 * The variable `name` is paged, sliced or narrowed after `from` in the function, itself or as what it is wrapped in
 * or filtered into first: saleor's `menu_items = resolve_menu_items(info)`, `qs = ChannelQsContext(qs=menu_items, …)`,
 * `qs = filter_connection_queryset(qs, kwargs)`, `create_connection_slice(qs, …)`.
 */
function pagedLater(flow: FunctionFlow, from: number, name: string, depth: number): boolean {
  if (lastPagedAt(flow, name) >= from) return true;
  if (depth === 0) return false;
  let given: RegExp | undefined;
  for (const k of flow.givenTo.get(name) ?? []) {
    const a = flow.assignments[k];
    if (a.line < from) continue;
    given ??= new RegExp(String.raw`(?:^|[(,=]\s*)${name}\s*(?:[,)]|$)`);
    if (!given.test(a.argumentsText)) continue;
    if (a.target === name ? pagedLater(flow, a.args, name, depth - 1) : pagedLater(flow, a.args, a.target, depth - 1)) return true;
  }
  return false;
}
