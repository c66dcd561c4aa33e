import { BULK_LIST_ACTIONS, DETAIL_ACTIONS, drfPattern, LIST_ACTIONS, type DrfLookup, type DrfRegistration } from './drfRouters';
import { bringsNoMethods, frameworkBase, hooksOf, HTTP_METHODS, type ViewClassFact } from './viewClasses';
import type { Loads } from './viewListQueries';
import type { ViewClassUse } from '../codeModel';
import type { Range } from '../../model/location';

/**
 * The routes a Python view class gives its registration, from the class and the classes it extends: a DRF
 * `router.register()` (one route per viewset action) or an `as_view()` (one per method the view answers). `R` is
 * the join's reference to a function; the join builds the chain (it resolves names across files) and turns what
 * comes back into request paths.
 */

/** A view class and what it inherits. */
export interface ClassChain<R> {
  /** The class, then the workspace classes it extends, nearest first (none for a framework view used as is). */
  classes: ViewClassFact[];
  /** Its methods by name, from the nearest class that defines each. */
  own: Map<string, R>;
  /** DRF viewset actions its framework bases bring (`ModelViewSet`, the mixins). */
  actions: Set<string>;
  /** Method → what DRF's or Django's own handler runs for it (`GET` → `list`), from the framework views it extends. */
  methods: Map<string, string>;
  /** It extends a class outside the workspace that may answer methods of its own (`RedirectView`, a library's view). */
  opaque: boolean;
}

export interface ViewRoute<R> {
  method: string;
  path: string;
  /** The class's own method that handles it, when it has one (its range is the handler). */
  handler?: R;
  /** Where a request's path through the workspace starts: that method, or the hooks the framework calls. */
  start: R[];
  /** The framework's step for it (`list`, `listing`…), which the class may override (`def list`). */
  step?: string;
}

/** A class of the workspace, with the file its bases are named in. */
export type ClassAt<E> = { at: E; name: string; fact: ViewClassFact };

/**
 * The class a registration names (`views.ItemView`, or Django's `TemplateView` used as is) and the classes it
 * extends, up to 4 deep. Each name is looked for in the workspace first (a project may have its own `LoginView`),
 * then among the framework classes known here; any other is a class nobody here knows. Undefined when the class
 * itself is not in the workspace and is not a framework view usable as is (`frameworkViews`: not for a router's
 * viewset); its routes stay ANY. `first` is the class when it is in the workspace.
 */
export function classChain<E, R>(
  from: E,
  written: string[],
  resolve: (from: E, chain: string[]) => ClassAt<E> | undefined,
  methodsOf: (c: ClassAt<E>) => Iterable<[string, R]>,
  frameworkViews: boolean,
): { chain: ClassChain<R>; first?: ClassAt<E>; visited: ClassAt<E>[] } | undefined {
  const out: ClassChain<R> = { classes: [], own: new Map(), actions: new Set(), methods: new Map(), opaque: false };
  const visited: ClassAt<E>[] = [];
  const visit = (c: ClassAt<E>, depth: number) => {
    out.classes.push(c.fact);
    visited.push(c);
    for (const [name, ref] of methodsOf(c)) if (!out.own.has(name)) out.own.set(name, ref);
    for (const base of c.fact.bases) {
      const next = depth < 4 ? resolve(c.at, base.split('.')) : undefined;
      if (next) visit(next, depth + 1);
      else if (!inherit(out, base) && !bringsNoMethods(base)) out.opaque = true;
    }
  };
  const first = resolve(from, written);
  if (first) visit(first, 0);
  else if (!frameworkViews || frameworkBase(written.join('.'))?.kind !== 'view') return undefined;
  else inherit(out, written.join('.'));
  return { chain: out, first, visited };
}

/** Adds what a framework base brings to the chain; false when it is not one known here. */
function inherit<R>(out: ClassChain<R>, base: string): boolean {
  const known = frameworkBase(base);
  if (known?.kind === 'viewset') {
    for (const a of known.actions) out.actions.add(a);
  } else if (known?.kind === 'view') {
    for (const [m, step] of Object.entries(known.methods)) if (!out.methods.has(m)) out.methods.set(m, step);
  }
  return known !== undefined;
}

/**
 * Where a request for one method starts: the method the class defines (`get`, or the DRF action a generic view's
 * `get` calls, such as `list`), else the hooks the framework calls.
 */
function startOf<R>(c: ClassChain<R>, name: string | undefined, step: string | undefined): { handler?: R; start: R[]; step?: string } {
  const defined = (name !== undefined ? c.own.get(name) : undefined) ?? (step !== undefined ? c.own.get(step) : undefined);
  const start = defined ? [defined] : step ? hooksOf(step).flatMap((h) => c.own.get(h) ?? []) : [];
  // `dispatch` runs before every method (mixins and views override it to check, log or load).
  const dispatch = c.own.get('dispatch');
  return { handler: defined, start: dispatch ? [dispatch, ...start] : start, ...(step ? { step } : {}) };
}

/**
 * The routes of a DRF registration (SimpleRouter.get_urls): for its list or detail pattern, each standard action
 * the viewset has (from DRF's classes it extends, or defined in it) and each `@action` of that kind.
 */
/** The nearest `http_method_names` / `methods` the class or a workspace base sets: requests for others get a 405. */
function allowedOf<R>(c: ClassChain<R>): Set<string> | undefined {
  const list = c.classes.find((f) => f.allowedMethods !== undefined)?.allowedMethods;
  return list ? new Set(list) : undefined;
}

function allowedOnly<R>(c: ClassChain<R>, routes: ViewRoute<R>[], use?: ViewClassUse): ViewRoute<R>[] {
  const allowed = use?.allowed ? new Set(use.allowed) : allowedOf(c);
  return allowed ? routes.filter((r) => r.method === 'ANY' || allowed.has(r.method)) : routes;
}

export function viewSetRoutes<R>(c: ClassChain<R>, reg: DrfRegistration): ViewRoute<R>[] {
  return allowedOnly(c, viewSetRoutesAll(c, reg));
}

function viewSetRoutesAll<R>(c: ClassChain<R>, reg: DrfRegistration): ViewRoute<R>[] {
  const pick = <K extends keyof DrfLookup>(key: K) => c.classes.find((f) => f[key] !== undefined)?.[key];
  const lookup: DrfLookup = { lookupField: pick('lookupField'), lookupUrlKwarg: pick('lookupUrlKwarg'), lookupValueRegex: pick('lookupValueRegex'), lookupValueConverter: pick('lookupValueConverter') };
  const out: ViewRoute<R>[] = [];
  for (const [action, method] of reg.detail ? DETAIL_ACTIONS : reg.bulk ? [...LIST_ACTIONS, ...BULK_LIST_ACTIONS] : LIST_ACTIONS) {
    if (!c.own.has(action) && !c.actions.has(action)) continue;
    out.push({ method, path: drfPattern(reg, lookup), ...startOf(c, action, action) });
  }
  // A method named for a verb that the viewset defines itself (taiga's `WebNotificationsViewSet.patch`): DRF's
  // dispatch looks the request's verb up on the view, so it answers on each pattern the router binds.
  if (out.length) {
    for (const verb of ['get', 'post', 'put', 'patch', 'delete']) {
      const method = verb.toUpperCase();
      if (c.own.has(verb) && !out.some((r) => r.method === method)) out.push({ method, path: drfPattern(reg, lookup), ...startOf(c, verb, verb) });
    }
  }
  const seen = new Set<string>();
  for (const f of c.classes) {
    for (const a of f.actions) {
      if (a.detail !== reg.detail || seen.has(a.name)) continue;
      seen.add(a.name);
      const { handler, start } = startOf(c, a.name, undefined);
      for (const method of a.methods) out.push({ method, path: drfPattern(reg, lookup, a.urlPath), handler, start });
    }
  }
  return out;
}

/**
 * The routes of `path('items/', ItemView.as_view())` (or Flask's `add_url_rule(…, view_func=…)`): one per method
 * the class answers (Django's View.dispatch calls the method named for the request's; DRF's generic views and
 * Django's generic views answer some themselves), or the methods `as_view({'get': 'list'})` maps. `fixed` is the
 * route's own method when the registration gave one (Flask's `methods=`). A class whose methods cannot be known
 * (it extends a view from a library) keeps one ANY route that starts at every method it defines.
 */
export function asViewRoutes<R>(c: ClassChain<R>, use: ViewClassUse, path: string, fixed: string): ViewRoute<R>[] {
  const served: ViewRoute<R>[] = [];
  const dispatchRequest = c.own.get('dispatch_request');
  if (dispatchRequest !== undefined && !HTTP_METHODS.some((verb) => c.own.has(verb))) {
    // Flask's plain View: dispatch_request serves every method the class allows (GET when it says none).
    const methods = fixed !== 'ANY' ? [fixed] : [...(allowedOf(c) ?? ['GET'])];
    return methods.map((method) => ({ method, path, handler: dispatchRequest, start: [dispatchRequest] }));
  }
  if (use.actions) {
    for (const [method, action] of Object.entries(use.actions)) served.push({ method, path, ...startOf(c, action, action) });
  } else {
    for (const verb of HTTP_METHODS) {
      const method = verb.toUpperCase();
      const name = methodName(verb, use);
      if (c.own.has(name) || c.methods.has(method)) served.push({ method, path, ...startOf(c, name, c.methods.get(method)) });
    }
  }
  if (fixed !== 'ANY') {
    const one = served.find((r) => r.method === fixed);
    return [one ?? { method: fixed, path, ...startOf(c, methodName(fixed.toLowerCase(), use), undefined) }];
  }
  if (served.length && (use.actions || !c.opaque)) return allowedOnly(c, served, use);
  const start = new Set<R>(startOf(c, undefined, undefined).start);
  for (const verb of HTTP_METHODS) for (const r of startOf(c, methodName(verb, use), c.methods.get(verb.toUpperCase())).start) start.add(r);
  // A library view given its methods where it is registered answers those.
  const allowed = use.allowed?.filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
  if (allowed?.length) return allowed.map((method) => ({ method, path, start: [...start] }));
  return [{ method: 'ANY', path, start: [...start] }];
}

/** The method of a view class that answers an HTTP verb: `get`, or Falcon's responder `on_get`/`on_get_<suffix>`. */
function methodName(verb: string, use: ViewClassUse): string {
  if (!use.responder) return verb;
  return use.responder.suffix ? `on_${verb}_${use.responder.suffix}` : `on_${verb}`;
}

/** A list route's queryset that nothing pages, and why (for the warning's explanation). */
export interface UnpagedList<E> {
  at: E;
  range: Range;
  text: string;
  why: 'drf-settings' | 'drf-off' | 'drf-own-list' | 'list-view';
}

/**
 * Where a route served by the framework's own list step (DRF's `list`, ListView's GET) gets a queryset that no
 * pagination bounds: the nearest `get_queryset` or `queryset`/`model` of the class and its workspace bases, when
 * the nearest `pagination_class`/`paginate_by` is None or unset and the project (`projectPaged`: its settings set
 * `DEFAULT_PAGINATION_CLASS`; undefined when no settings module is in sight) does not page DRF views either.
 * A class extending a library view (`opaque`) may be paged there: nothing is said.
 */
export function unpagedList<E, R>(c: ClassChain<R>, visited: ClassAt<E>[], step: string | undefined, projectPaged: boolean | undefined): UnpagedList<E> | undefined {
  if ((step !== 'list' && step !== 'listing') || c.opaque || c.own.has('get')) return undefined;
  const paging = visited.find((v) => v.fact.list?.pagination !== undefined)?.fact.list?.pagination;
  // A class's own `list()`: its code is analysed as any handler's, but `self.get_queryset()` serialized without
  // `self.paginate_queryset()` returns the queryset whole whatever the pagination settings say.
  const ownList = step === 'list' && c.own.has('list') ? visited.find((v) => v.fact.list?.listMethod !== undefined || v.fact.list?.definesList)?.fact.list?.listMethod : 'framework';
  let why: UnpagedList<E>['why'];
  if (ownList === undefined) return undefined;
  if (ownList === 'whole') why = 'drf-own-list';
  else if (step === 'listing') {
    if (paging === 'paged') return undefined;
    why = 'list-view';
  } else if (paging === 'none') why = 'drf-off';
  else if (paging === undefined && projectPaged === false) why = 'drf-settings';
  else return undefined;
  // DRF's and Django's get_queryset read `queryset` (or `model`): the nearest override decides, `super()` defers.
  let viaMethod = true;
  for (const v of visited) {
    const list = v.fact.list;
    const q = viaMethod && list?.getQueryset !== undefined ? list.getQueryset : list?.queryset;
    if (q === 'super') {
      viaMethod = false;
      continue;
    }
    if (q === undefined) continue;
    return q ? { at: v.at, range: q.range, text: q.text, why } : undefined;
  }
  return undefined;
}

/**
 * The model of the rows DRF's list step renders and the relations its queryset loads with them ('*': every forward
 * one, `select_related()`): the nearest `get_queryset` and the `queryset` it defers to
 * (`super().get_queryset().select_related(…)` adds to the parent's).
 * Undefined when that is not known here: a library base (`opaque`), a class's own `list()` or `get_serializer_class()`
 * (which may render with something else), a queryset handed to the project's own code, or one not a model's.
 */
export function listLoads<E, R>(c: ClassChain<R>, visited: ClassAt<E>[]): { model: string; loaded: Set<string> } | undefined {
  if (c.opaque || c.own.has('list') || c.own.has('get') || c.own.has('get_serializer_class')) return undefined;
  const loaded = new Set<string>();
  const add = (loads: Loads | undefined): boolean => {
    if (loads === 'unknown') return false;
    for (const name of loads ?? []) loaded.add(name);
    return true;
  };
  let viaMethod = true;
  for (const v of visited) {
    const list = v.fact.list;
    let q = list?.queryset;
    if (viaMethod && list?.getQueryset !== undefined) {
      if (!add(list.getQuerysetLoads)) return undefined;
      if (list.getQueryset !== 'super') q = list.getQueryset;
      else {
        // DRF's own get_queryset, which `super()` reaches, reads `queryset`: this class's first.
        viaMethod = false;
        if (q !== undefined && !add(list.querysetLoads)) return undefined;
      }
    } else if (q !== undefined && !add(list!.querysetLoads)) return undefined;
    if (q === undefined) continue;
    if (q === 'super') return undefined;
    const model = q ? /^\(?\s*(?:[A-Za-z_]\w*\.)*([A-Z]\w*)\.objects\b/.exec(q.text)?.[1] : undefined;
    return model ? { model, loaded } : undefined;
  }
  return undefined;
}
