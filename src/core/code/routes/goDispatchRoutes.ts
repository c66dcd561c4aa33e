import type { Node } from '@vscode/tree-sitter-wasm';
import { calleeChain } from '../syntax';
import { handlerOf, HTTP_METHOD_CONSTANTS, pathOf } from './goRoutes';
import type { RouteCollector } from './routeCollector';
import type { Range } from '../../model/location';

/**
 * Go servers that route by hand, without a router: ntfy's `if r.Method == http.MethodGet && r.URL.Path ==
 * apiHealthPath { return s.handleHealth(w, r, v) } else if …`, or `switch r.URL.Path { case "/healthz": … }`. Each
 * branch that compares the path with a known string and hands the request to a function is a route of that function
 * (any method unless the condition names some). A path matched by a regular expression the file compiles (ntfy's
 * `jsonPathRegex.MatchString(r.URL.Path)`) is a route of that expression, as written; a prefix gives none.
 * Only a function that dispatches two paths or more is a router: one path tested alone is a middleware's special
 * case (miniflux's CSRF check redirects a failed `/login` instead of answering 400).
 */
export function findGoDispatchRoutes(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  if (!s.mentions('URL.Path')) return;
  const found: Candidate[] = [];
  const re = /\b(\w+)\.URL\.Path\b/g;
  re.lastIndex = s.span.start;
  const seen = new Set<number>();
  for (let m = re.exec(s.text); m && m.index < s.span.end; m = re.exec(s.text)) {
    const node = s.tree.rootNode.descendantForIndex(m.index, m.index + m[0].length);
    const path = node && pathSelector(node);
    if (!path || seen.has(path.id)) continue;
    seen.add(path.id);
    const parent = path.parent;
    if (parent?.type === 'binary_expression' && parent.childForFieldName('operator')?.text === '==') {
      const other = parent.childForFieldName('left')?.id === path.id ? parent.childForFieldName('right') : parent.childForFieldName('left');
      const branch = ifAround(parent);
      const route = other ? pathOf(other, constants) : undefined;
      if (!branch || route === undefined || !route.startsWith('/')) continue;
      const methods = methodsIn(branch.condition, m[1]);
      candidate(c, found, methods, route, branch.condition, branch.body, m[1]);
    } else if (parent?.type === 'argument_list' && parent.parent?.type === 'call_expression' && parent.namedChildren.length === 1) {
      // `jsonPathRegex.MatchString(r.URL.Path)` with `jsonPathRegex = regexp.MustCompile(`^/[-_A-Za-z0-9]{1,64}/json$`)`
      // in the file: the route is the expression as written, as a Django `re_path` is.
      const name = /^(\w+)\.MatchString$/.exec(parent.parent.childForFieldName('function')?.text ?? '')?.[1];
      const pattern = name ? s.memo('go.pathRegexes', () => pathRegexesOf(s.text)).get(name) : undefined;
      const branch = pattern ? ifAround(parent.parent) : undefined;
      if (!branch) continue;
      candidate(c, found, methodsIn(branch.condition, m[1]), pattern!, branch.condition, branch.body, m[1]);
    } else if (parent?.type === 'expression_switch_statement' && parent.childForFieldName('value')?.id === path.id) {
      for (const clause of parent.namedChildren) {
        if (clause?.type !== 'expression_case') continue;
        const values = clause.childForFieldName('value')?.namedChildren ?? [];
        for (const value of values) {
          const route = value ? pathOf(value, constants) : undefined;
          if (route?.startsWith('/')) candidate(c, found, ['ANY'], route, value!, clause, m[1]);
        }
      }
    }
  }
  const paths = new Map<number, Set<string>>();
  for (const r of found) paths.set(r.router, (paths.get(r.router) ?? new Set()).add(r.path));
  for (const r of found) {
    if ((paths.get(r.router)?.size ?? 0) < 2) continue;
    for (const method of r.methods) c.add({ method, path: r.path, framework: 'net/http', declaration: r.declaration, ...r.handler, at: r.at, mountable: false });
  }
}

/**
 * Package variables holding a regular expression of paths: `name = regexp.MustCompile(`^/…`)`, the expression as
 * written (a raw string, or a quoted one without escapes). Only those anchored at a path's start, or written from its
 * first slash (ntfy's `regexp.MustCompile(`/v1/account/reservation/([-_A-Za-z0-9]{1,64})$`)`).
 */
function pathRegexesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('regexp.MustCompile')) return out;
  for (const m of text.matchAll(/^\s*(?:var\s+)?(\w+)\s*=\s*regexp\.MustCompile\(\s*(?:`(\^?\/[^`]*)`|"(\^?\/[^"\\]*)")\s*\)/gm)) out.set(m[1], m[2] ?? m[3]);
  return out;
}

interface Candidate {
  methods: string[];
  path: string;
  declaration: Range;
  handler: NonNullable<ReturnType<typeof handlerOf>>;
  at: number;
  /** The function whose code dispatches (index into s.functions), or -1 at top level. */
  router: number;
}

/** The whole `r.URL.Path` selector around a node inside it. */
function pathSelector(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'selector_expression' && /\.URL\.Path$/.test(n.text) && n.childForFieldName('field')?.text === 'Path') return n;
    if (n.type.endsWith('statement') || n.type === 'block') return undefined;
  }
  return undefined;
}

/** The `if` whose condition holds this comparison (through `&&`, `||` and parentheses), with its block. */
function ifAround(node: Node): { condition: Node; body: Node } | undefined {
  let n: Node = node;
  while (n.parent && (n.parent.type === 'binary_expression' || n.parent.type === 'parenthesized_expression')) {
    // `a || r.URL.Path == "/x"`: other requests than this path take the branch too.
    // (`r.URL.Path == "/docs" || r.URL.Path == "/docs/"`: both are this branch's paths.)
    // (Nor `topicRegex.MatchString(r.URL.Path) || extRegex.MatchString(r.URL.Path)`: this branch's paths too.)
    if (n.parent.type === 'binary_expression' && n.parent.childForFieldName('operator')?.text === '||' && !/^\(?\s*(?:\w+\.(Method|URL\.Path)\s*==|\w+\.MatchString\(\s*\w+\.URL\.Path\s*\))/.test(sibling(n.parent, n)?.text ?? '')) return undefined;
    n = n.parent;
  }
  const statement = n.parent;
  if (statement?.type !== 'if_statement' || statement.childForFieldName('condition')?.id !== n.id) return undefined;
  const body = statement.childForFieldName('consequence');
  return body ? { condition: n, body } : undefined;
}

function sibling(parent: Node, child: Node): Node | undefined {
  const left = parent.childForFieldName('left');
  return (left?.id === child.id ? parent.childForFieldName('right') : left) ?? undefined;
}

/** `r.Method == http.MethodGet`, `r.Method == "POST"` in the condition: those methods; none named: any. */
function methodsIn(condition: Node, request: string): string[] {
  const out = new Set<string>();
  const pattern = new RegExp(`\\b${request}\\.Method\\s*==\\s*(?:http\\.(Method\\w+)|"([A-Z]+)")`, 'g');
  for (const m of condition.text.matchAll(pattern)) {
    const method = m[1] ? HTTP_METHOD_CONSTANTS[m[1]] : m[2];
    if (method) out.add(method);
  }
  return out.size ? [...out] : ['ANY'];
}

/**
 * The branch's first statement hands the request on (`return s.handleHealth(w, r, v)`, `s.ensureUser(s.handleX)(w,
 * r, v)`, `handler(w, r)`): its function is the route's handler. A middleware letting the request through
 * (`next.ServeHTTP(w, r)`) or a branch that does something else first names no route.
 */
function candidate(c: RouteCollector, found: Candidate[], methods: string[], path: string, declaration: Node, body: Node, request: string): void {
  const s = c.s;
  // A block or a case holds its statements in a statement_list.
  const list = body.namedChildren.find((n) => n?.type === 'statement_list') ?? body;
  const first = list.namedChildren.find((n) => n !== null && n.type !== 'comment' && n.type !== 'expression_list');
  let expr = first?.type === 'return_statement' || first?.type === 'expression_statement' ? first.namedChildren[0] : first;
  if (expr?.type === 'expression_list') expr = expr.namedChildren[0];
  if (expr?.type !== 'call_expression') return;
  const args = expr.childForFieldName('arguments')?.namedChildren ?? [];
  // Given the request, or only the writer (ntfy's `s.handleMatrixDiscovery(w)`): `w`, as Go's handlers name it.
  if (!args.some((a) => a?.text === request || a?.text === 'w')) return;
  const fn = expr.childForFieldName('function');
  const chain = fn && fn.type !== 'call_expression' ? calleeChain(fn.text) : undefined;
  if (chain && chain.length === 2 && chain[1] === 'ServeHTTP') return;
  // Through middleware too: handlerOf reads the handler wrapped in `s.ensureUser(s.handleX)`.
  const handler = handlerOf(s, fn ?? undefined);
  const at = s.indexOfNode(expr);
  if (!handler || at === undefined) return;
  found.push({ methods, path, declaration: s.rangeOfSpan(declaration.startIndex, declaration.endIndex), handler, at, router: s.functionOf[at] });
}
