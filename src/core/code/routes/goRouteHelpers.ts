import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import { handlerOf, pathOf } from './goRoutes';
import { joinPaths, type RouteCollector } from './routeCollector';

/**
 * Go route helpers: functions of the file that register a route under a path they are given (navidrome's Subsonic
 * API, `h(r, "ping", api.Ping)` → `hr` → `addHandler(r, path, handle)` → `r.HandleFunc("/"+path, handle)` and
 * `"/"+path+".view"`; its native API's `api.RX(r, "/user", …)` → `r.Route(pathPrefix, func(r chi.Router) {…})`).
 * Such a registration is read with the helper's string parameters standing in its path (PARAM), then written out at
 * every call of the helper that gives them a value, through helpers calling helpers, its handler the function the
 * outermost call hands in.
 */
export const PARAM = '\u0001';

type Handler = ReturnType<typeof handlerOf>;

/** A registration whose path holds a helper's parameter, kept until the helper's calls give it a value. */
export interface HelperRoute {
  /** Index in FileStructure.functions of the helper the registration (or the call giving it on) is in. */
  fn: number;
  verbs: string[];
  path: string;
  framework: string;
  handler: Handler;
  /** The helper's parameter the handler is (`handle`), or the one a wrapper it registers calls (`f(w, r)`). */
  handlerParam?: number;
  receiver: string;
  /** The registration's scan index, and whether its own path is written out (not a parameter), for `expand`. */
  at?: number;
  written?: boolean;
}

interface Parameter {
  name: string;
  type: string;
}

/** A named function or method around a registration, with its parameters and the stand-ins of its strings. */
export interface Helper {
  fn: number;
  params: Parameter[];
  variadic: boolean;
  /** Each string parameter's stand-in, as a constant for pathOf. */
  bound: Record<string, string>;
}

export class GoRouteHelpers {
  readonly pending: HelperRoute[] = [];
  private readonly helpers = new Map<number, Helper | undefined>();

  constructor(private readonly s: FileStructure) {}

  /** The named function a scan index is in, when it has string parameters a path can be made of. */
  helperAt(i: number): Helper | undefined {
    const s = this.s;
    let f = s.functionOf[i];
    while (f >= 0 && !isNamedFunction(s, f)) f = s.functions[f].outer;
    if (f < 0) return undefined;
    if (this.helpers.has(f)) return this.helpers.get(f);
    const params: Parameter[] = [];
    let variadic = false;
    for (const p of s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      if (p.type === 'variadic_parameter_declaration') variadic = true;
      const type = p.childForFieldName('type')?.text ?? '';
      for (const name of p.childrenForFieldName('name')) if (name) params.push({ name: name.text, type });
    }
    const bound: Record<string, string> = {};
    for (const p of params) if (p.type === 'string') bound[p.name] = PARAM + p.name + PARAM;
    const helper = Object.keys(bound).length ? { fn: f, params, variadic, bound } : undefined;
    this.helpers.set(f, helper);
    return helper;
  }

  /** The file calls the helper somewhere outside it (asked once per helper, for each of its registrations). */
  private calledHere(fn: number): boolean {
    let called = this.called.get(fn);
    if (called === undefined) {
      const s = this.s;
      const name = s.functions[fn].name;
      called = false;
      for (const [j, call] of s.calls) if (call.chain[call.chain.length - 1] === name && !within(s, j, fn)) called = true;
      this.called.set(fn, called);
    }
    return called;
  }

  private readonly called = new Map<number, boolean>();

  /** Which of the helper's parameters the handler argument is: itself, or a function it wraps and calls. */
  handlerParam(helper: Helper, arg: Node | undefined): number | undefined {
    if (!arg) return undefined;
    const own = arg.type === 'identifier' ? helper.params.findIndex((p) => p.name === arg.text) : -1;
    if (own >= 0) return own;
    // `hr(r, path, func(w, r) { return f(r) })`, `handle := func(w, r) { res, err := f(w, r) … }; addHandler(r, path,
    // handle)`: the one function parameter the wrapper calls.
    const text = arg.type === 'func_literal' ? arg.text : arg.type === 'identifier' ? this.s.textOf(this.s.functions[helper.fn].index) : undefined;
    if (!text) return undefined;
    const called = helper.params.flatMap((p, k) => (p.type !== 'string' && new RegExp(`(?<![\\w.])${p.name}\\s*\\(`).test(text) ? [k] : []));
    return called.length === 1 ? called[0] : undefined;
  }

  /**
   * Writes out the pending registrations at the calls of their helpers: a call that gives each parameter of the path a
   * string (or a parameter of its own helper, for the next round) is the route, declared there, under the prefix of
   * the router it hands in.
   */
  expand(c: RouteCollector, constants: Record<string, string>, prefixAt: (at: number, router: string | undefined) => string): void {
    const s = this.s;
    let pending = this.pending;
    // A helper the file never calls is called from another file, with what this one cannot read: a group under a
    // prefix it is given (apache/answer's `RegisterTemplateRouter(r, baseURLPath)`, `seo := r.Group(baseURLPath)`,
    // called with `uiConf.BaseURL`) serves its routes under the base path a deployment sets, empty by default.
    for (const r of pending) {
      const m = /^\/?(?:\u0001\w+\u0001)+(\/[^\u0001]*)?$/.exec(r.path);
      const rest = m ? (m[1] ?? '/') : undefined;
      if (rest === undefined || !r.written || !r.handler || r.at === undefined || this.calledHere(r.fn)) continue;
      for (const verb of r.verbs) c.add({ method: verb, path: rest, framework: r.framework, declaration: s.rangeOf(r.at), ...r.handler, receiver: r.receiver, at: r.at });
    }
    for (let round = 0; pending.length && round < 4; round++) {
      const byHelper = new Map<number, HelperRoute[]>();
      for (const r of pending) byHelper.set(r.fn, [...(byHelper.get(r.fn) ?? []), r]);
      pending = [];
      for (const [fn, routes] of byHelper) {
        const helper = this.helpers.get(fn)!;
        const name = s.functions[fn].name!;
        for (const [j, call] of s.calls) {
          if (call.chain.length > 2 || call.chain[call.chain.length - 1] !== name || call.argsStart < 0 || within(s, j, fn)) continue;
          const args = s.argumentsOf(call);
          // A variadic helper (`h501(r, "a", "b")`) ranges over its paths: not read.
          if (helper.variadic || args.length !== helper.params.length) continue;
          const caller = this.helperAt(j);
          const values: Record<string, string> = {};
          helper.params.forEach((p, k) => {
            if (p.type !== 'string') return;
            const value = pathOf(args[k], constants) ?? (caller ? pathOf(args[k], { ...constants, ...caller.bound }) : undefined);
            if (value !== undefined) values[p.name] = value;
          });
          for (const r of routes) {
            let unknown = false;
            const path = r.path
              .replace(new RegExp(`${PARAM}(\\w+)${PARAM}`, 'g'), (m, p: string) => (p in helper.bound ? (values[p] ?? ((unknown = true), m)) : m))
              .replace(/\/{2,}/g, '/');
            if (unknown) continue;
            const routerAt = helper.params.findIndex((p) => p.name === r.receiver);
            const router = routerAt >= 0 ? args[routerAt]?.text : undefined;
            let full = joinPaths(prefixAt(j, router), path);
            let handler = r.handler;
            let handlerParam: number | undefined;
            if (r.handlerParam !== undefined) {
              handlerParam = caller ? this.handlerParam(caller, args[r.handlerParam]) : undefined;
              handler = handlerParam === undefined ? handlerOf(s, args[r.handlerParam]) : undefined;
            }
            const receiver = router ?? r.receiver;
            if (full.includes(PARAM)) {
              if (caller) pending.push({ fn: caller.fn, verbs: r.verbs, path: full, framework: r.framework, handler, handlerParam, receiver });
              continue;
            }
            if (!handler) continue;
            if (r.framework === 'chi' && full.length > 1) full = full.replace(/\/{1,2}$/, '') || '/';
            for (const verb of r.verbs) c.add({ method: verb, path: full, framework: r.framework, declaration: s.rangeOf(j), ...handler, receiver, at: j });
          }
        }
      }
    }
    // A group of a helper's parameter given on to another function: no prefix the join can use.
    for (let k = c.mounts.length - 1; k >= 0; k--) if (c.mounts[k].prefix.includes(PARAM)) c.mounts.splice(k, 1);
  }
}

function isNamedFunction(s: FileStructure, f: number): boolean {
  const type = s.nodes[s.functions[f].index].type;
  return !!s.functions[f].name && (type === 'function_declaration' || type === 'method_declaration');
}

/** The scan index is inside the function (a helper's call of itself is no call site). */
function within(s: FileStructure, i: number, fn: number): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) if (f === fn) return true;
  return false;
}
