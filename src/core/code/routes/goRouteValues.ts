import type { Node } from '@vscode/tree-sitter-wasm';
import { pathOf } from './goRoutes';
import { handlerOf, verbOf } from './goZeroRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * Routes written as values of a `Route` struct and registered by a loop elsewhere: gotenberg's modules return
 * `api.Route{Method: http.MethodPost, Path: "/forms/chromium/convert/url", Handler: func(c echo.Context) error {…}}`
 * and its API adds each with `srv.Add(route.Method, route.Path, route.Handler)`; the Go servers OpenAPI Generator
 * writes list `Routes{"AddPet": Route{strings.ToUpper("Post"), "/v2/pet", c.AddPet}}`, with the fields in the order
 * the file's `type Route struct` declares them. A value is a route when its type is named for one and it has a
 * method, a path starting with `/` and a handler; the path is as written (a prefix added at run time is unknown).
 * go-zero's `rest.Route` values are its own finder's (goZeroRoutes), which reads their prefix.
 */
export function findGoRouteValues(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  if (!s.mentions('Route')) return;
  const declared = declaredRouteStructs(s.text);
  const routeTypes = new Set(declared.keys());
  const listTypes = declaredRouteLists(s.text);
  const done = new Set<number>();
  const re = /(?:\[\]|map\[\w+\])?\*?(?:\b[A-Za-z_]\w*\.)?\b([A-Za-z_]\w*)\s*\{/g;
  re.lastIndex = s.span.start;
  for (let m = re.exec(s.text); m && m.index < s.span.end; m = re.exec(s.text)) {
    const name = m[1];
    const isRoute = /Route$/.test(name) || routeTypes.has(name);
    if (!isRoute && !listTypes.has(name)) continue;
    if (m[0].startsWith('rest.') || /(?:^|[^\w.])rest\.\w+\s*\{$/.test(m[0])) continue;
    const brace = m.index + m[0].length - 1;
    // The `{` token, in the literal's body.
    const literal = s.tree.rootNode.descendantForIndex(brace, brace + 1)?.parent?.parent;
    if (literal?.type !== 'composite_literal' || !s.isCodeAt(brace)) continue;
    const type = literal.childForFieldName('type');
    const body = literal.childForFieldName('body');
    if (!type || !body || done.has(body.id)) continue;
    const many = type.type === 'slice_type' || type.type === 'map_type' || listTypes.has(name);
    for (const value of many ? elementsOf(body) : [body]) {
      if (done.has(value.id)) continue;
      done.add(value.id);
      const fields = fieldsOf(value, declared.get(listTypes.get(name) ?? name));
      const verb = verbOf(unwrapUpper(fields.get('method')));
      if (!verb || !HTTP_VERB.test(verb)) continue;
      const path = pathOf(fields.get('path'), constants);
      const handler = handlerOf(c, fields.get('handler'));
      if (path === undefined || !path.startsWith('/') || !handler) continue;
      c.add({ method: verb, path, framework: frameworkOf(s.text), declaration: s.rangeOfNode(value), ...handler, at: s.indexWithin(value) ?? 0, mountable: false });
    }
  }
}

/** The field a route's part is given in: `Method`, `Path` or `Pattern`, `Handler` or `HandlerFunc`. */
function roleOf(field: string): 'method' | 'path' | 'handler' | undefined {
  if (/^(Method|Verb)$/i.test(field)) return 'method';
  if (/^(Path|Pattern|Route|URL|Url|URI)$/.test(field)) return 'path';
  if (/^(Handler|HandlerFunc|Handle|Func|Fn)$/.test(field)) return 'handler';
  return undefined;
}

/**
 * A route value's parts by role: keyed (`Path: "/x"`), or by position, in the order of the struct the file declares
 * or, when it is declared elsewhere, by what each value is (an HTTP method, a path, then a function).
 */
function fieldsOf(value: Node, order: string[] | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  let position = 0;
  for (const element of value.namedChildren) {
    if (!element || element.type === 'comment') continue;
    if (element.type === 'keyed_element') {
      const [key, v] = element.namedChildren;
      const role = key && roleOf(key.text);
      const inner = v?.type === 'literal_element' ? v.namedChildren[0] : v;
      if (role && inner) out.set(role, inner);
      continue;
    }
    const inner = element.type === 'literal_element' ? element.namedChildren[0] : element;
    const field = order?.[position++];
    const role = order ? field && roleOf(field) : inner && shapeOf(inner);
    if (role && inner && !out.has(role)) out.set(role, inner);
  }
  return out;
}

const HTTP_VERB = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/** What a positional value is, from how it is written: `"GET"`, `strings.ToUpper("Post")`, `"/v2/pet"`, `c.AddPet`. */
function shapeOf(node: Node): 'method' | 'path' | 'handler' | undefined {
  if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') {
    const value = node.text.slice(1, -1);
    return HTTP_VERB.test(value) ? 'method' : value.startsWith('/') ? 'path' : undefined;
  }
  if (/^http\.Method[A-Z][a-z]+$/.test(node.text)) return 'method';
  if (node.type === 'call_expression' && node.childForFieldName('function')?.text === 'strings.ToUpper') return 'method';
  if (node.type === 'func_literal' || node.type === 'identifier' || node.type === 'selector_expression') return 'handler';
  return undefined;
}

/** `strings.ToUpper("Post")`, as OpenAPI Generator writes methods: the string it upper-cases. */
function unwrapUpper(node: Node | undefined): Node | undefined {
  if (node?.type !== 'call_expression' || node.childForFieldName('function')?.text !== 'strings.ToUpper') return node;
  return node.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
}

/** The values of a list or map literal: `{…}` elements, typed or not, and a map's values. */
function elementsOf(body: Node): Node[] {
  const out: Node[] = [];
  for (const element of body.namedChildren) {
    const value = element?.type === 'keyed_element' ? element.namedChildren[1] : element;
    const inner = value?.type === 'literal_element' ? value.namedChildren[0] : value;
    if (inner?.type === 'literal_value') out.push(inner);
    else if (inner?.type === 'composite_literal' && inner.childForFieldName('body')) out.push(inner.childForFieldName('body')!);
  }
  return out;
}

/** `type Route struct { Name string; Method string; Pattern string; HandlerFunc http.HandlerFunc }`: field names in order. */
function declaredRouteStructs(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/\btype\s+(\w*Route)\s+struct\s*\{([^{}]*)\}/g)) {
    const names: string[] = [];
    for (const line of m[2].split(/[\n;]/)) {
      const field = /^\s*([A-Za-z_][\w\s,]*?)\s+[*\[\]\w.]+/.exec(line.replace(/\/\/.*$/, ''));
      if (field) names.push(...field[1].split(',').map((n) => n.trim()));
    }
    if (names.some((n) => roleOf(n) === 'handler')) out.set(m[1], names);
  }
  return out;
}

/** `type Routes []Route` or `map[string]Route`: a list type and the route type it holds. */
function declaredRouteLists(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\btype\s+(\w+)\s+(?:\[\]|map\[\w+\])\*?(\w*Route)\b/g)) out.set(m[1], m[2]);
  return out;
}

function frameworkOf(text: string): string {
  if (text.includes('"github.com/labstack/echo')) return 'echo';
  if (text.includes('"github.com/gin-gonic/gin"')) return 'gin';
  if (text.includes('"github.com/gorilla/mux"')) return 'gorilla/mux';
  if (text.includes('"github.com/go-chi/chi')) return 'chi';
  return 'net/http';
}
