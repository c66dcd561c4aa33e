import type { Node } from '@vscode/tree-sitter-wasm';
import { containsPosition, type Range } from '../../model/location';
import type { GoRoutingFact } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import { assignedName, fieldRouterChain, fieldRouterName, goMiddlewareChains, mountedValueType, outermostSameStart, rangedOver, ROUTER_TYPE, takesRouter } from './goRoutes';

/** Calls that make a group or a router from another (gin and echo `Group`, chi `Route`/`Group`/`With`, gorilla `Subrouter`…). */
const GROUP_MAKERS = new Set(['Group', 'Route', 'Party', 'PartyFunc', 'Subrouter', 'Mount', 'With']);


/** Calls that make a new router (`r := gin.New()`): a router with no middleware but its own. */
const NEW_ROUTER = /^(?:gin\.(?:New|Default)|chi\.(?:NewRouter|NewMux)|echo\.New|mux\.NewRouter|fiber\.New|http\.NewServeMux|routegroup\.New|iris\.New|macaron\.(?:New|Classic)|server\.(?:New|Default))$/;

/** The name of a project's router made around a group, the group its one argument (opengist's `r := NewRouter(s.echo.Group(""))`). */
function madeAround(call: Node): string | undefined {
  const list = call.parent;
  const outer = list?.type === 'argument_list' && list.namedChildCount === 1 ? list.parent : null;
  return outer?.type === 'call_expression' ? assignedName(outer) : undefined;
}

/**
 * Go: what middleware each router and group of a statement gets, as facts for the join (GoRoutingFact): `r.Use(auth)`;
 * a group made from a router, which starts with the router's middleware so far (`v1 := r.Group("/v1")`, gin's
 * `r.Group("/x", auth)` and `r.Group("x").Use(auth)`, chi's `r.Route("/x", func(r chi.Router) {…})` and
 * `r.With(auth)`); a router a function is given as a parameter, and where it is handed to one
 * (`router.InitUserRouter(privateGroup)`), so that middleware used in `main` reaches the routes registered elsewhere.
 */
export function findGoRouting(s: FileStructure): GoRoutingFact[] {
  const out: GoRoutingFact[] = routerParameters(s);
  const at = (i: number) => ({ ...s.rangeOf(i).start, within: scopeOf(s, s.functionOf[i]) });
  for (const [i, call] of s.calls) {
    // (A router kept in a field of the receiver, `s.router.Use(auth)`, is one name in all the type's methods: its
    // facts are the package's, with no `within`, and the join reads them in every file of the package.)
    const chain = fieldRouterChain(s, i, call.chain, true) ?? call.chain;
    if (chain.length === 2 && NEW_ROUTER.test(chain.join('.'))) {
      // `r := gin.New()`: a router of its own; `s.router = chi.NewRouter()`, the field's.
      const assigned = assignedName(outermostSameStart(s, i).node);
      const field = assigned && /^(\w+)\.(\w+)$/.exec(assigned);
      const name = field ? (fieldRouterName(s, i, field[1], field[2], true) ?? assigned) : assigned;
      if (name) out.push({ kind: 'from', name, from: '', fromLine: at(i).line, fromCharacter: at(i).character, ...at(i) });
      continue;
    }
    if (chain.length < 2 || call.argsStart < 0) continue;
    const method = chain[chain.length - 1];
    const receiver = chain[0];
    // (echo's `e.Pre(mw)` runs before routing, on every request too.)
    if (method === 'Use' || method === 'Pre') {
      const given = s.argumentsOf(call);
      // Fiber's `app.Use("/api", mw)` runs under that prefix only: not known to be on a route's path.
      if (given[0]?.type === 'interpreted_string_literal' || given[0]?.type === 'raw_string_literal') continue;
      const targets = goMiddlewareChains(given);
      const middle = chain.slice(1, -1);
      // `private.Use(a).Use(b)`: on `private` (gin's Use returns the group); `x := r.Group("x").Use(a)`: on `x`, the
      // group made (GROUP_MAKERS below says what it starts with).
      const name = middle.every((n) => n === 'Use' || n === 'Pre') ? receiver : middle.some((n) => GROUP_MAKERS.has(n)) ? assignedName(outermostSameStart(s, i).node) : undefined;
      if (name && targets.length) out.push({ kind: 'use', name, targets, ...at(i) });
      // `emailRouter := Router.Use(mw)`: the same group under another name.
      const assigned = middle.every((n) => n === 'Use' || n === 'Pre') && s.nodes[i] === outermostSameStart(s, i) ? assignedName(s.nodes[i].node) : undefined;
      if (assigned && assigned !== receiver) out.push({ kind: 'from', name: assigned, from: receiver, fromLine: at(i).line, fromCharacter: at(i).character, ...at(i) });
      continue;
    }
    // gorilla/mux's `api := r.PathPrefix("/api").Subrouter()`: a router under `r`.
    const subrouter = chain.length === 3 && method === 'Subrouter';
    if (!GROUP_MAKERS.has(method) || (chain.length !== 2 && !subrouter)) continue;
    // (`With` of a router this file knows: a logger's `log.With(zap.String(…))` is none.)
    if (method === 'With' && !out.some((f) => f.name === receiver)) continue;
    const args = s.argumentsOf(call);
    // A callback given a router (chi's `func(r chi.Router)`), or none (Macaron's `func()`); not gin's middleware
    // written in place, `r.Group("/api", func(c *gin.Context) {…})`.
    const callback = args.find((a) => a.type === 'func_literal' && takesRouter(a));
    if (callback) {
      // chi's `r.Route("/x", func(r chi.Router) {…})` and `r.Group(func(r chi.Router) {…})`: the callback's router
      // (its parameter, or the same router when it takes none, Macaron's `m.Group("/x", func() {…})`).
      const param = callback.childForFieldName('parameters')?.namedChildren.find((p) => p?.type === 'parameter_declaration')?.childForFieldName('name')?.text;
      const body = callback.childForFieldName('body');
      if (body) out.push({ kind: 'from', name: param ?? receiver, from: receiver, fromLine: at(i).line, fromCharacter: at(i).character, ...s.rangeOfNode(body).start, within: s.rangeOfNode(callback) });
      continue;
    }
    const name = assignedName(outermostSameStart(s, i).node) ?? madeAround(s.nodes[i].node);
    if (!name) continue;
    out.push({ kind: 'from', name, from: receiver, fromLine: at(i).line, fromCharacter: at(i).character, ...at(i) });
    // gin's and echo's `r.Group("/x", auth)`, chi's `r.With(auth)`: middleware of the group made.
    const given = method === 'With' ? args : method === 'Group' || method === 'Party' ? args.slice(1) : [];
    const targets = goMiddlewareChains(given.filter((a) => a.type !== 'interpreted_string_literal' && a.type !== 'raw_string_literal'));
    if (targets.length) out.push({ kind: 'use', name, targets, ...at(i) });
  }
  if (out.length) {
    out.push(...wrappedRouters(s, new Set(out.map((f) => f.name))));
    out.push(...handedRouters(s, out));
    for (const f of out) if (f.name.startsWith('*')) delete f.within;
  }
  return out;
}

/** Functions that serve a router (`http.ListenAndServe(addr, h)`): what they are given is what requests reach. */
const SERVES = /^(?:http\.(?:ListenAndServe|ListenAndServeTLS|Serve|ServeTLS)|\w+\.(?:Serve|ServeTLS))$/;

/**
 * net/http: a router wrapped in handlers that run before it on every request, as microservices-demo's frontend does
 * (`var handler http.Handler = r`, then `handler = &logHandler{next: handler}`, `handler = ensureSessionID(handler)`,
 * served by `http.ListenAndServe(addr, handler)`); also one wrapped as it is served (`http.ListenAndServe(addr, cors(r))`).
 */
function wrappedRouters(s: FileStructure, routers: Set<string>): GoRoutingFact[] {
  const out: GoRoutingFact[] = [];
  const span = s.text.slice(s.span.start, s.span.end);
  const base = s.span.start;
  // Names the router goes by (`var handler http.Handler = r`, `h := r`), each to its router.
  const alias = new Map<string, string>();
  for (const m of span.matchAll(/\bvar\s+([A-Za-z_]\w*)\s+http\.Handler\s*=\s*([A-Za-z_]\w*)\s*$|^[ \t]*([A-Za-z_]\w*)\s*:=\s*([A-Za-z_]\w*)\s*$/gm)) {
    const [name, of] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    const root = alias.get(of) ?? (routers.has(of) ? of : undefined);
    if (root) alias.set(name, root);
  }
  // (The router itself reassigned, `router = routes.Setup(router)`, is no wrapper: a setup function hands it back.)
  const wrapper = new Set(alias.keys());
  const within = (offset: number) => {
    let best = -1;
    s.functions.forEach((f, k) => {
      const n = s.nodes[f.index];
      if (n.start <= offset && offset < n.end && (best < 0 || s.nodes[s.functions[best].index].start <= n.start)) best = k;
    });
    return scopeOf(s, best);
  };
  const wrap = (root: string, offset: number, targets: string[][], types?: string[]) => {
    const at = s.rangeOfSpan(offset, offset).start;
    out.push({ kind: 'wrap', name: root, targets, ...(types?.length ? { types } : {}), ...at, within: within(offset) });
  };
  // `handler = &logHandler{log: log, next: handler}`: that type's ServeHTTP runs first.
  for (const m of span.matchAll(/^[ \t]*([A-Za-z_]\w*)\s*:?=\s*&?([A-Z]\w*|[a-z]\w*)\s*\{([^{}]*)\}/gm)) {
    const root = wrapper.has(m[1]) ? alias.get(m[1]) : undefined;
    const given = [...m[3].matchAll(/(?:^|[,{\s])(?:\w+\s*:\s*)?([A-Za-z_]\w*)\s*(?=,|$)/g)].some((g) => alias.get(g[1]) === root);
    if (root && given) wrap(root, base + m.index!, [], [m[2]]);
  }
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    if (call.argsStart < 0 || chain.length === 0 || chain.length > 2 || (chain.length === 2 && alias.has(chain[0]))) continue;
    const args = s.argumentsOf(call);
    const root = args.map((a) => (a.type === 'identifier' ? (alias.get(a.text) ?? (routers.has(a.text) ? a.text : undefined)) : undefined)).find((r) => r !== undefined);
    if (!root || SERVES.test(chain.join('.'))) continue;
    // Its result is the handler then: kept under one of the router's names, or served.
    const top = outermostSameStart(s, i);
    const assigned = assignedName(top.node);
    const parent = s.calls.get(top.parent);
    const served = parent !== undefined && SERVES.test(parent.chain.join('.'));
    if ((assigned !== undefined && wrapper.has(assigned) && alias.get(assigned) === root) || served) wrap(root, s.nodes[i].start, [chain]);
  }
  return out;
}

/** The range of function f of the structure; none for the package level (-1), which an edit may grow. */
function scopeOf(s: FileStructure, f: number): Range | undefined {
  return f >= 0 ? s.rangeOf(s.functions[f].index) : undefined;
}

/**
 * A group made in an argument: the router it is made of and the middleware given it there (`v1.Group("/users",
 * auth)`, `v1.Group("/users").Use(auth)`, chi's `r.With(auth)`).
 */
function inlineGroup(node: Node): { router: string; targets: string[][] } | undefined {
  const targets: string[][] = [];
  let grouped = false;
  for (let n: Node | null = node; n; ) {
    if (n.type === 'identifier') return grouped ? { router: n.text, targets } : undefined;
    if (n.type !== 'call_expression') return undefined;
    const fn = n.childForFieldName('function');
    const method = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : undefined;
    const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null);
    if (method === 'Use') targets.push(...goMiddlewareChains(args));
    else if (method === 'Group' || method === 'Party' || method === 'With') {
      grouped = true;
      targets.push(...goMiddlewareChains(method === 'With' ? args : args.slice(1).filter((a) => a.type !== 'interpreted_string_literal' && a.type !== 'raw_string_literal')));
    } else return undefined;
    n = fn?.childForFieldName('operand') ?? null;
  }
  return undefined;
}

/** Name is a parameter other than a router of a function around scan index i (a chi handler's request `r`). */
function shadowedAt(s: FileStructure, i: number, name: string): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    for (const p of s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (p?.type === 'parameter_declaration' && p.childrenForFieldName('name').some((n) => n?.text === name)) return !ROUTER_TYPE.test(p.childForFieldName('type')?.text ?? '');
    }
  }
  return false;
}



/** The parameters of the statement's named functions that are routers or groups, by position. */
function routerParameters(s: FileStructure): GoRoutingFact[] {
  const out: GoRoutingFact[] = [];
  for (const f of s.functions) {
    const node = s.nodes[f.index].node;
    if (node.type === 'func_literal') continue;
    const list = node.childForFieldName('parameters');
    const body = node.childForFieldName('body');
    if (!list || !body) continue;
    let k = 0;
    for (const p of list.namedChildren) {
      if (p?.type !== 'parameter_declaration' && p?.type !== 'variadic_parameter_declaration') continue;
      const type = p.childForFieldName('type')?.text ?? '';
      const names = p.childrenForFieldName('name').filter((n): n is Node => n !== null);
      for (const n of names.length ? names : [undefined]) {
        if (n && ROUTER_TYPE.test(type)) out.push({ kind: 'param', name: n.text, param: k, ...s.rangeOfNode(body).start, within: s.rangeOfNode(node) });
        k++;
      }
    }
  }
  return out;
}

/**
 * Where a router of the statement is handed to a function (`router.InitUserRouter(private, public)`), as argument k:
 * a name the function it is handed in knows as a router (chi's handlers call the request `r` too).
 */
function handedRouters(s: FileStructure, facts: GoRoutingFact[]): GoRoutingFact[] {
  const out: GoRoutingFact[] = [];
  const scopes = new Map<string, (Range | undefined)[]>();
  for (const f of facts) scopes.set(f.name, [...(scopes.get(f.name) ?? []), f.within]);
  for (const [i, call] of s.calls) {
    const method = call.chain[call.chain.length - 1];
    if (call.argsStart < 0 || !call.chain.length || method === 'Use' || method === 'Pre' || GROUP_MAKERS.has(method)) continue;
    const here = s.rangeOf(i).start;
    // The innermost scope that knows the name around the call must be one where it is a router.
    const knows = (name: string) => (scopes.get(name) ?? []).some((w) => !w || containsPosition(w, here));
    s.argumentsOf(call).forEach((a, k) => {
      // A group made as it is handed (`users.Register(v1.Group("/users", auth))`): what `v1` has, and its own.
      const inline = a.type === 'call_expression' ? inlineGroup(a) : undefined;
      const named = a.type === 'identifier' ? a.text : inline?.router;
      if (!named || !knows(named) || shadowedAt(s, i, named)) return;
      const targetType = call.chain.length === 2 ? mountedValueType(s, i, call.chain) : undefined;
      const targets = inline?.targets.length ? { targets: inline.targets } : {};
      // (1Panel's `for _, router := range rou.RouterGroupApp { router.InitRouter(PrivateGroup) }`: each value's method.)
      const list = call.chain.length === 2 && !targetType ? rangedOver(s, i, call.chain[0]) : undefined;
      out.push({ kind: 'hand', name: named, target: call.chain, ...(targetType ? { targetType } : {}), ...(list ? { listedValues: list.split('.') } : {}), argument: k, ...targets, ...(inline ? { group: true as const } : {}), ...s.rangeOf(i).start, within: scopeOf(s, s.functionOf[i]) });
    });
  }
  return out;
}
