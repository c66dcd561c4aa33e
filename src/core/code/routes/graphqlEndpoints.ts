import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';
import type { LanguageFamily } from '../hazards/callCatalogue';
import { stringValue } from '../syntax';
import { classAfter, localFunction, methodAfter, objectProps, useReceiver } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * GraphQL servers (see apiEndpoints.ts): Apollo (`server.applyMiddleware({ app, path })`, `app.use('/graphql',
 * expressMiddleware(server))`, `startStandaloneServer`), express-graphql and graphql-http, GraphQL Yoga, Mercurius,
 * NestJS's `GraphQLModule.forRoot`; Spring for GraphQL and Netflix DGS (`/graphql`, served as soon as a controller
 * maps a field); Strawberry, Graphene and Ariadne views, apps and routers (Django, Flask, FastAPI, Starlette); gqlgen's
 * `handler.NewDefaultServer` wherever a Go router registers it. And their resolvers.
 */

const DEFAULT_PATH = '/graphql';
const FRAMEWORK = 'graphql';
/** Middlewares that serve a GraphQL schema where they are mounted (`app.use('/graphql', graphqlHTTP({ schema }))`). */
const MIDDLEWARES = new Set(['expressMiddleware', 'koaMiddleware', 'graphqlHTTP', 'graphqlExpress', 'graphqlKoa', 'createHandler', 'createYoga']);
/** Words one of the servers above needs in the file: other files are not looked at. */
const SERVER_WORDS = ['pollo', 'raphql', 'raphQL', 'Yoga', 'mercurius'];
/** The operation types whose fields are the entry points of a resolver map. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const ROOT_KEY = /\b(?:Query|Mutation|Subscription)['"]?\s*:\s*\{/;
/** NestJS decorators that make a method of a `@Resolver()` class a resolver. */
const NEST_RESOLVER_METHODS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField', 'ResolveProperty']);

/** The GraphQL endpoints a file registers itself (those a route finder registered are marked by markGraphqlServers). */
export function graphqlEndpoints(c: RouteCollector): void {
  const family = c.s.spec.family;
  if (family === 'js') javascriptEndpoints(c);
  else if (family === 'java') springEndpoint(c);
  else if (family === 'python') pythonEndpoints(c);
}

function javascriptEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!SERVER_WORDS.some((w) => s.mentions(w))) return;
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    if (last === 'applyMiddleware' && chain.length >= 2 && /ApolloServer|apollo-server/.test(s.text)) {
      // Apollo Server 2/3: `server.applyMiddleware({ app, path: '/api/graphql' })` on the app it is given.
      const options = s.argumentsOf(call)[0];
      const props = options?.type === 'object' ? objectProps(options) : undefined;
      const app = props?.get('app');
      add(c, i, stringValue(props?.get('path')) ?? DEFAULT_PATH, app?.type === 'identifier' || app?.type === 'shorthand_property_identifier' ? app.text : undefined);
    } else if (last === 'use' && chain.length >= 2) {
      // `app.use('/graphql', graphqlHTTP({ schema }))`, `router.use('/graphql', cors(), expressMiddleware(server))`.
      const args = s.argumentsOf(call);
      const path = stringValue(args[0]);
      if (path?.startsWith('/') && args.slice(1).some((a) => servesGraphql(s, a))) add(c, i, path, useReceiver(s, i, call));
    } else if (last === 'register' && chain.length >= 2) {
      // Mercurius: `fastify.register(mercurius, { schema, resolvers, path: '/gql' })`.
      const [plugin, options] = s.argumentsOf(call);
      if (plugin?.text !== 'mercurius') continue;
      const path = options?.type === 'object' ? stringValue(objectProps(options).get('path')) : undefined;
      add(c, i, path ?? DEFAULT_PATH, chain[chain.length - 2]);
    } else if (chain.length === 2 && chain[0] === 'GraphQLModule' && (last === 'forRoot' || last === 'forRootAsync')) {
      // NestJS: `GraphQLModule.forRoot<ApolloDriverConfig>({ driver, autoSchemaFile, path })`, or the object a
      // `forRootAsync` factory returns. The app's global prefix does not apply to it.
      const options = nestModuleOptions(s, s.argumentsOf(call)[0], last === 'forRootAsync');
      // A factory whose options are not read here (vendure's `useFactory: (…) => { return createGraphQLOptions(…) }`,
      // a helper of another module): its path is not known either.
      if (options === null) continue;
      const written = options?.get('path');
      const path = written ? stringValue(written) : undefined;
      // A path computed from the configuration (vendure's `path: '/' + options.apiPath`, once per API) is not known
      // here: no route, rather than the default that the module does not serve. (Only the options' own `path`: not
      // `definitions: { path: … }`, where the schema-first setup writes its typings.)
      if (written && (path === undefined || !path.startsWith('/'))) continue;
      add(c, i, path ?? DEFAULT_PATH, undefined, false);
    } else if (chain.length === 1 && last === 'startStandaloneServer') {
      // Apollo Server 4 on its own HTTP server: operations are posted to its root.
      add(c, i, '/', undefined, false);
    }
  }
}

/**
 * The options a NestJS module is given: `forRoot({ … })`'s object, or the one `forRootAsync({ useFactory })`'s factory
 * returns (`useFactory: () => ({ … })`, or `return { … }` in its body), also through a function of the file it calls
 * or names (`useFactory: () => createOptions(apiPath)`). Undefined when not written so; null when a factory is given
 * but what it returns is not read here: options that may well set a path.
 */
function nestModuleOptions(s: FileStructure, arg: Node | undefined, async: boolean): Map<string, Node> | null | undefined {
  if (arg?.type !== 'object') return undefined;
  const props = objectProps(arg);
  if (!async) return props;
  const factory = props.get('useFactory');
  if (!factory) return undefined;
  return returnedObject(s, factory, 0) ?? null;
}

/** The object literal a function returns (a function written in place, or one of the file by name), as its props. */
function returnedObject(s: FileStructure, fn: Node, depth: number): Map<string, Node> | undefined {
  if (fn.type === 'identifier') {
    const local = depth < 2 ? localFunction(s, fn.text) : undefined;
    return local !== undefined ? returnedObject(s, s.nodes[local].node, depth + 1) : undefined;
  }
  if (!FUNCTION_TYPES.has(fn.type)) return undefined;
  const body = fn.childForFieldName('body');
  let value = body?.type === 'statement_block' ? body.namedChildren.find((n) => n?.type === 'return_statement')?.namedChild(0) : body;
  // `({ … })`, `await build()`, `{ … } as ApolloDriverConfig` (vendure's), `{ … } satisfies GqlModuleOptions`.
  while (value && WRAPPERS.has(value.type)) value = value.namedChild(0);
  if (value?.type === 'object') return objectProps(value);
  const callee = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  return callee?.type === 'identifier' ? returnedObject(s, callee, depth) : undefined;
}

const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function_declaration', 'function']);
const WRAPPERS = new Set(['parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression']);

function add(c: RouteCollector, at: number, path: string, receiver: string | undefined, mountable = receiver !== undefined): void {
  c.add({ method: 'POST', path, framework: FRAMEWORK, declaration: c.s.rangeOf(at), receiver, at, mountable, runs: 'graphql' });
}

/** A middleware argument that serves GraphQL: one of MIDDLEWARES called in place, or a Yoga instance of the file. */
function servesGraphql(s: FileStructure, arg: Node): boolean {
  if (arg.type === 'call_expression') {
    const call = s.calls.get(s.indexOfNode(arg) ?? -1);
    return !!call && MIDDLEWARES.has(call.chain[call.chain.length - 1]) && (call.chain[call.chain.length - 1] !== 'createHandler' || s.mentions('graphql-http'));
  }
  // `const yoga = createYoga({ schema })` … `app.use('/graphql', yoga)`.
  return arg.type === 'identifier' && madeHere(s, arg.text, /\bcreateYoga\s*\(/);
}

/**
 * The functions of the file that resolve GraphQL fields, by scan index: the functions of each type of a resolver map
 * (`{ Query: { users: () => … }, User: { posts(user) {…} } }`, a map that has a Query, Mutation or Subscription),
 * and the `@Query()`/`@Mutation()`/`@ResolveField()` methods of NestJS `@Resolver()` classes.
 */
export function graphqlResolvers(s: FileStructure, file: string): Set<number> {
  return s.memo('graphql.resolvers', () => {
    switch (s.spec.family) {
      case 'js':
        return javascriptResolvers(s);
      case 'java':
        return springResolvers(s);
      case 'python':
        return pythonResolvers(s);
      case 'go':
        return gqlgenResolvers(s, file);
    }
  });
}

function javascriptResolvers(s: FileStructure): Set<number> {
  const out = new Set<number>();
  const text = s.text;
  // A resolver map's root type is a key (`Query: {`, `'Mutation': {`); `useQuery(` or `QueryBuilder` is not.
  if (['Query', 'Mutation', 'Subscription'].some((w) => s.mentions(w)) && ROOT_KEY.test(text)) {
    for (const info of s.functions) {
      const n = s.nodes[info.index];
      if (n.type === 'method_definition' || n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function') {
        if (inResolverMap(n.node)) out.add(info.index);
      }
    }
  }
  if (!s.mentions('@Resolver')) return out;
  const resolverClasses = new Set<string>();
  const methods: number[] = [];
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorator') continue;
    const call: CallInfo | undefined = s.calls.get(i + 1);
    if (!call || call.chain.length !== 1 || s.nodes[i + 1].parent !== i) continue;
    const name = call.chain[0];
    if (name === 'Resolver') {
      const cls = classAfter(s, i);
      if (cls) resolverClasses.add(cls);
    } else if (NEST_RESOLVER_METHODS.has(name) && s.nodes[i].node.parent?.type === 'class_body') {
      const method = methodAfter(s, i);
      if (method !== undefined) methods.push(method);
    }
  }
  for (const m of methods) {
    const owner = s.functions[s.functionIndexAt(m) ?? -1]?.owner;
    if (owner && resolverClasses.has(owner)) out.add(m);
  }
  return out;
}

/** The function is a field of a type object of a resolver map: map → type (`Query: {…}`) → field function. */
function inResolverMap(fn: Node): boolean {
  const typeObject = fn.type === 'method_definition' ? fn.parent : fn.parent?.type === 'pair' ? fn.parent.parent : null;
  if (typeObject?.type !== 'object') return false;
  const typePair = typeObject.parent;
  const map = typePair?.type === 'pair' ? typePair.parent : null;
  if (map?.type !== 'object') return false;
  for (const p of map.namedChildren) {
    if (p?.type !== 'pair') continue;
    const key = p.childForFieldName('key');
    const name = key?.type === 'string' ? stringValue(key) : key?.text;
    if (name && ROOT_TYPES.has(name) && p.childForFieldName('value')?.type === 'object') return true;
  }
  return false;
}

// ---- Java: Spring for GraphQL and Netflix DGS ----

/** Spring's and DGS's annotations that make a method a field's resolver (`@QueryMapping`, `@DgsQuery`…). */
const JAVA_RESOLVER_ANNOTATIONS = new Set(['QueryMapping', 'MutationMapping', 'SubscriptionMapping', 'SchemaMapping', 'BatchMapping', 'DgsQuery', 'DgsMutation', 'DgsSubscription', 'DgsData', 'DgsEntityFetcher']);

function springResolvers(s: FileStructure): Set<number> {
  const out = new Set<number>();
  if (!s.mentions('Mapping') && !s.mentions('@Dgs')) return out;
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (n.type !== 'annotation' && n.type !== 'marker_annotation') continue;
    const target = n.parent;
    if (target < 0 || s.nodes[target].type !== 'method_declaration') continue;
    const name = n.node.childForFieldName('name')?.text.split('.').pop() ?? '';
    // On the method (its modifiers), not on one of its parameters.
    if (JAVA_RESOLVER_ANNOTATIONS.has(name) && n.node.parent?.parent?.type === 'method_declaration') out.add(target);
  }
  return out;
}

/**
 * Spring Boot serves GraphQL at `spring.graphql.path` (`/graphql` unless configured) once a controller maps a field,
 * DGS at `/graphql`: the route is said on the first resolver of each such file, and the join keeps one per service.
 */
function springEndpoint(c: RouteCollector): void {
  const s = c.s;
  const resolvers = graphqlResolvers(s, c.file);
  if (resolvers.size === 0) return;
  const first = Math.min(...resolvers);
  c.add({ method: 'POST', path: DEFAULT_PATH, framework: FRAMEWORK, declaration: s.rangeOf(first), at: first, mountable: false, runs: 'graphql' });
}

// ---- Python: Strawberry, Graphene, Ariadne ----

/** A view, app or router class that serves a GraphQL schema (Strawberry, Graphene, Ariadne, starlette-graphene3). */
const PYTHON_SERVERS = /\b(?:GraphQLView|AsyncGraphQLView|GraphQLRouter|GraphQL|GraphQLApp|GraphQLHTTPHandler)\s*[.(]/;
/** Go: gqlgen's server (`srv := handler.NewDefaultServer(graph.NewExecutableSchema(…))`). */
const GO_SERVERS = /\bhandler\.(?:NewDefaultServer|New)\s*\(/;
const SERVERS: Partial<Record<LanguageFamily, RegExp>> = { python: PYTHON_SERVERS, go: GO_SERVERS };
/** Words those need in a file. */
const SERVED_WORDS: Partial<Record<LanguageFamily, string[]>> = { python: ['GraphQL'], go: ['gqlgen'] };

/**
 * `graphql_app = GraphQLRouter(schema)` (Strawberry on FastAPI; its prefix comes from `include_router`), and an ASGI app
 * mounted or added as a route: `app.mount("/graphql", GraphQL(schema))`, `app.add_route("/graphql", GraphQLApp(…))`.
 */
function pythonEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('GraphQL')) return;
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    if (last === 'GraphQLRouter') {
      const variable = /(?:^|\n)[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*$/.exec(s.text.slice(Math.max(0, s.nodes[i].start - 120), s.nodes[i].start))?.[1];
      if (!variable) continue;
      const path = /\bpath\s*=\s*['"]([^'"]*)['"]/.exec(s.argumentsText(call))?.[1] ?? '';
      add(c, i, path, variable);
    } else if ((last === 'mount' || last === 'add_route') && chain.length >= 2) {
      const args = s.argumentsOf(call);
      const path = stringValue(args[0]);
      if (path !== undefined && args[1] && PYTHON_SERVERS.test(args[1].text)) add(c, i, path, chain[chain.length - 2]);
    }
  }
}

/**
 * Routes the language's finder registered whose handler is a GraphQL server: in the registration (`path("graphql/",
 * csrf_exempt(GraphQLView.as_view(graphiql=True)))`, `add_url_rule('/graphql', view_func=GraphQLView.as_view(…))`),
 * in a variable of the file (`srv := handler.NewDefaultServer(…)` … `http.Handle("/query", srv)`), or in a function
 * of the file that makes it (gin's `r.POST("/query", graphqlHandler())`).
 */
export function markGraphqlServers(c: RouteCollector): void {
  const s = c.s;
  const servers = SERVERS[s.spec.family];
  if (!servers || !SERVED_WORDS[s.spec.family]!.some((w) => s.mentions(w))) return;
  c.links.forEach((link, k) => {
    if (link.runs) return;
    const at = c.registrationOf.get(k);
    const registration = at !== undefined && at >= 0 ? s.text.slice(s.nodes[at].start, s.nodes[at].end) : '';
    if (servers.test(registration) || (link.handlerChain?.length === 1 && madeHere(s, link.handlerChain[0], servers))) link.runs = 'graphql';
  });
}

/** `name` is a variable of the file given a server (`srv := handler.NewDefaultServer(…)`), or a function making one. */
function madeHere(s: FileStructure, name: string, servers: RegExp): boolean {
  const assigned = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}[ \\t]*(?::=|=)[ \\t]*([^\\n]*)`, 'm').exec(s.text)?.[1];
  if (assigned && servers.test(assigned)) return true;
  const fn = s.functions.find((f) => f.name === name);
  if (!fn) return false;
  const n = s.nodes[fn.index];
  return servers.test(s.text.slice(n.start, n.end));
}

/** Strawberry's `@strawberry.field`/`mutation`/`subscription` methods, Graphene's `resolve_x` and `mutate`, Ariadne's `@query.field("x")`. */
function pythonResolvers(s: FileStructure): Set<number> {
  const out = new Set<number>();
  const text = s.text;
  const strawberry = s.mentions('strawberry');
  const graphene = s.mentions('graphene');
  const ariadne = s.mentions('ariadne');
  if (!strawberry && !graphene && !ariadne) return out;
  // Ariadne's bindables: `query = QueryType()`, `user = ObjectType("User")`.
  const bindables = ariadne ? new Set([...text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:ariadne\.)?(?:QueryType|MutationType|SubscriptionType|ObjectType|InterfaceType)\(/gm)].map((m) => m[1])) : undefined;
  for (const info of s.functions) {
    const n = s.nodes[info.index];
    if (n.type !== 'function_definition') continue;
    if (graphene && info.owner && (/^resolve_\w/.test(info.name ?? '') || info.name === 'mutate')) {
      out.add(info.index);
      continue;
    }
    const decorated = n.node.parent;
    if (decorated?.type !== 'decorated_definition') continue;
    for (const d of decorated.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const head = /^@\s*([\w.]+)/.exec(d.text)?.[1] ?? '';
      const parts = head.split('.');
      const strawberryField = strawberry && (head === 'strawberry.field' || head === 'strawberry.mutation' || head === 'strawberry.subscription');
      const ariadneField = !!bindables && parts.length === 2 && parts[1] === 'field' && bindables.has(parts[0]);
      if (strawberryField || ariadneField) {
        out.add(info.index);
        break;
      }
    }
  }
  return out;
}

// ---- Go: gqlgen ----

/** gqlgen's resolvers: the methods of its `…Resolver` types (`func (r *queryResolver) Users(…)`), in `*.resolvers.go`. */
function gqlgenResolvers(s: FileStructure, file: string): Set<number> {
  const out = new Set<number>();
  if (!file.endsWith('.resolvers.go') && !s.mentions('99designs/gqlgen')) return out;
  for (const info of s.functions) if (info.owner && /[rR]esolver$/.test(info.owner)) out.add(info.index);
  return out;
}
