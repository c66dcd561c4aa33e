import type { Range } from '../../model/location';
import { positionAt } from '../syntax';
import { argumentsFrom, loadedRelations } from '../hazards/pythonRelations';

/**
 * DRF's list action (ListModelMixin.list) and Django's ListView return the view's whole queryset unless the view is
 * paginated: `queryset = Product.objects.all()` on a viewset is an unbounded query on `GET /products/` when neither
 * the class (`pagination_class`, `paginate_by`) nor the project (`REST_FRAMEWORK['DEFAULT_PAGINATION_CLASS']`) pages
 * it. This file reads, from a class body, where that queryset is written and what the class says about paging; the
 * join decides per route (viewClassRoutes.unpagedList), as the class's bases are often in other files.
 */

/** A queryset as written; `super` when `get_queryset` narrows its parent's; null when it is bounded or not a list. */
export type ListQuery = { range: Range; text: string } | 'super' | null;

export interface ListFacts {
  /** `queryset = …`, else `model = Product` (ListView's `Product._default_manager.all()`). */
  queryset?: ListQuery;
  /** What the class's own `get_queryset` returns. */
  getQueryset?: ListQuery;
  /** `pagination_class` (DRF) or `paginate_by` (ListView): 'none' when set to None or 0. */
  pagination?: 'none' | 'paged';
  /** The class defines `list()`. */
  definesList?: boolean;
  /**
   * What its `list()` does with the queryset: `paged` through `self.paginate_queryset()`, `whole` when it reads
   * `self.get_queryset()` (or `self.queryset`) without it; unset when it reads neither (its own code says).
   */
  listMethod?: 'paged' | 'whole';
  /**
   * The relations the class's `queryset` loads with its rows (`select_related`, `prefetch_related`: see
   * pythonRelations.loadedRelations), and those its `get_queryset` adds; 'unknown' when an argument is not written
   * out or the method hands the queryset to code of its own (`setup_eager_loading(qs)`), which may load more.
   */
  querysetLoads?: Loads;
  getQuerysetLoads?: Loads;
}

/** Relation names, '*' among them for `select_related()` (every forward relation). */
export type Loads = string[] | 'unknown';

/** A Django queryset: a model's manager, a reverse relation, or a parent's get_queryset. */
const QUERYSET = /\b\w+\.objects\b|\._default_manager\b|\b\w+_set\.|\bsuper\(\w*(?:,\s*\w+)?\)\.get_queryset\(\)/;
/** Calls that turn a queryset into one row or one number. */
const NOT_A_LIST = /\.(get|first|last|count|exists|aggregate|none|earliest|latest|in_bulk)\(/;

/**
 * The list facts of one class body (`body` is the text after `class …:`, starting at offset `bodyStart` of the
 * file; `indent` the indentation of its statements). Undefined when it says nothing about lists.
 */
export function listFactsOf(text: string, bodyStart: number, body: string, indent: string, lineStarts: number[]): ListFacts | undefined {
  if (!/queryset|model|paginat|def list/.test(body)) return undefined;
  const out: ListFacts = {};
  const at = (name: string) => new RegExp(`^${indent}${name}[ \\t]*(?::[^=\\n]+)?=[ \\t]*(?=\\S)`, 'm').exec(body);
  const range = (from: number, to: number): Range => ({ start: positionAt(lineStarts, from), end: positionAt(lineStarts, to) });
  const query = (from: number): ListQuery => {
    const expr = expressionAt(text, from);
    return asList(expr) ? { range: range(from, from + expr.length), text: expr } : null;
  };

  const queryset = at('queryset');
  if (queryset) {
    out.queryset = query(bodyStart + queryset.index + queryset[0].length);
    if (out.queryset && out.queryset !== 'super') out.querysetLoads = loadedRelations(out.queryset.text) ?? 'unknown';
  }
  else {
    // (`model = None` in a base view, plane's BaseViewSet: no model; its subclasses name theirs.)
    const model = /^(?!None\b)([A-Z]\w*(?:\.[A-Z]\w*)?)[ \t]*(?:#.*)?$/m.exec(afterMatch(body, at('model')));
    if (model) {
      const from = bodyStart + at('model')!.index + at('model')![0].length;
      out.queryset = { range: range(from, from + model[1].length), text: `${model[1]}.objects.all()` };
    }
  }

  for (const name of ['pagination_class', 'paginate_by']) {
    const m = at(name);
    if (m) out.pagination = /^(None|0)\b/.test(body.slice(m.index + m[0].length)) ? 'none' : 'paged';
  }
  // ListView's page size computed (pretalx's OrgaTableMixin: `def get_paginate_by(self, queryset)` from the request).
  if (!out.pagination && new RegExp(`^${indent}def[ \\t]+get_paginate_by[ \\t]*\\(`, 'm').test(body)) out.pagination = 'paged';

  const def = new RegExp(`^${indent}def[ \\t]+get_queryset[ \\t]*\\(`, 'm').exec(body);
  if (def) {
    out.getQueryset = returnedQuery(text, bodyStart + def.index, indent.length, query);
    const method = text.slice(bodyStart + def.index, blockEnd(text, bodyStart + def.index, indent.length));
    const loads = loadedRelations(method);
    out.getQuerysetLoads = loads === undefined || handsQuerysetOn(method) ? 'unknown' : loads;
  }
  const list = new RegExp(`^${indent}def[ \\t]+list[ \\t]*\\(`, 'm').exec(body);
  if (list) {
    out.definesList = true;
    const from = bodyStart + list.index;
    const method = text.slice(from, blockEnd(text, from, indent.length));
    // Also one that hands the usual case to DRF's own list (`return super().list(request, …)`, netbox's
    // ExportTemplatesMixin, whose other branch renders an export): paged like DRF's.
    if (method.includes('paginate_queryset') || /\bsuper\(\s*(?:\w+\s*,\s*self\s*)?\)\.list\(/.test(method)) out.listMethod = 'paged';
    else if (/\bself\.(get_queryset|filter_queryset)\(|\bself\.queryset\b/.test(method)) out.listMethod = 'whole';
  }
  return Object.keys(out).length ? out : undefined;
}

/** Calls of Django's and DRF's own that a queryset may be given without loading anything more with its rows. */
const QUERYSET_CALLS = new Set(['filter', 'exclude', 'annotate', 'alias', 'order_by', 'distinct', 'select_related', 'prefetch_related', 'only', 'defer', 'using', 'all', 'none', 'union', 'intersection', 'difference', 'Prefetch', 'Subquery', 'Exists', 'get_queryset', 'filter_queryset', 'super', 'get_object_or_404', 'isinstance']);

/**
 * `get_queryset` gives its queryset to a call of the project's (`qs = setup_eager_loading(qs)`, netbox's
 * `get_prefetches_for_serializer`): what that loads is not read here.
 */
function handsQuerysetOn(method: string): boolean {
  const names = new Set(['qs', 'queryset']);
  for (const m of method.matchAll(/^[ \t]+(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*([^\n]*)/gm)) if (/\.objects\b|get_queryset\(|queryset\b/.test(m[2])) names.add(m[1]);
  const holds = new RegExp(`\\b(?:${[...names].join('|')})\\b|get_queryset\\(|self\\.queryset\\b`);
  for (const c of method.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) {
    if (QUERYSET_CALLS.has(c[1]) || c[1] === 'def') continue;
    if (holds.test(argumentsFrom(method, c.index + c[0].length))) return true;
  }
  return false;
}

function afterMatch(body: string, m: RegExpExecArray | null): string {
  return m ? body.slice(m.index + m[0].length, body.indexOf('\n', m.index + m[0].length) >>> 0 || undefined) : '';
}

/** A queryset that lists rows: not sliced (`[:50]`), not reduced to one row or a number. */
function asList(expr: string): boolean {
  return QUERYSET.test(expr) && !expr.includes('[') && !NOT_A_LIST.test(expr);
}

/**
 * What `get_queryset` (defined at `defAt`) returns: the first `return` of a queryset, or of a variable assigned one
 * in the method (`qs = Order.objects.filter(…)` … `return qs`). A method that slices anything is taken as bounded.
 */
function returnedQuery(text: string, defAt: number, indent: number, query: (from: number) => ListQuery): ListQuery {
  const end = blockEnd(text, defAt, indent);
  const method = text.slice(defAt, end);
  if (/\[[^\]\n]*:/.test(method)) return null;
  for (const r of method.matchAll(/^[ \t]+return[ \t]+(?=\S)/gm)) {
    const from = defAt + r.index + r[0].length;
    const expr = expressionAt(text, from);
    if (/\bsuper\(\w*(?:,\s*\w+)?\)\.get_queryset\(\)/.test(expr) && !NOT_A_LIST.test(expr)) return 'super';
    if (asList(expr)) return query(from);
    if (/^\w+$/.test(expr)) {
      // `return qs`: the queryset it was first given in the method.
      const assigned = new RegExp(`^[ \\t]+${expr}[ \\t]*(?::[^=\\n]+)?=[ \\t]*(?=\\S)`, 'm').exec(method);
      if (assigned) {
        const at = defAt + assigned.index + assigned[0].length;
        const value = expressionAt(text, at);
        if (/\bsuper\(/.test(value) && !NOT_A_LIST.test(value)) return 'super';
        if (asList(value)) return query(at);
      }
    }
  }
  return null;
}

/** Where an indented block that starts at `from` ends: the first code line indented no deeper than `indent`. */
function blockEnd(text: string, from: number, indent: number): number {
  let last = text.indexOf('\n', from);
  if (last < 0) return text.length;
  for (let i = last; i >= 0 && i < text.length; ) {
    const next = text.indexOf('\n', i + 1);
    const line = text.slice(i + 1, next < 0 ? text.length : next);
    const trimmed = line.trimStart();
    if (trimmed && !trimmed.startsWith('#')) {
      if (line.length - trimmed.length <= indent) return last;
      last = next < 0 ? text.length : next;
    }
    if (next < 0) break;
    i = next;
  }
  return last;
}

/** The Python expression starting at `from`: to the end of its line, or of the lines its open brackets span. */
function expressionAt(text: string, from: number): string {
  let depth = 0;
  let i = from;
  const limit = Math.min(text.length, from + 2000);
  for (; i < limit; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0 || text.lastIndexOf('\n', close) > i) break;
      i = close;
    } else if (ch === '#' && depth <= 0) break;
    else if (ch === '\n' && depth <= 0 && text[i - 1] !== '\\') break;
  }
  return text.slice(from, i).trimEnd();
}
