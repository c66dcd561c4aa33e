import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';
import { stringValue } from '../syntax';
import { classAfter, methodAfter, objectProps, useReceiver } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * A GraphQL server answers every query and mutation on one HTTP route (`POST /graphql`): that is the route its
 * metrics report, and every resolver of the service runs behind it. The endpoint is a route here, marked `graphql`,
 * and the workspace join starts it at each resolver of the service (FunctionFact.resolver), wherever it is written
 * (Wiki.js loads its resolver files by folder, no import names them).
 *
 * JavaScript and TypeScript servers: Apollo (`server.applyMiddleware({ app, path })`, `app.use('/graphql',
 * expressMiddleware(server))`, `startStandaloneServer`), express-graphql and graphql-http, GraphQL Yoga, Mercurius,
 * NestJS's `GraphQLModule.forRoot`.
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

export function findGraphqlEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!SERVER_WORDS.some((w) => s.text.includes(w))) return;
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
      const path = /\bpath\s*:\s*['"`](\/[^'"`]*)['"`]/.exec(s.argumentsText(call))?.[1];
      add(c, i, path ?? DEFAULT_PATH, undefined, false);
    } else if (chain.length === 1 && last === 'startStandaloneServer') {
      // Apollo Server 4 on its own HTTP server: operations are posted to its root.
      add(c, i, '/', undefined, false);
    }
  }
}

function add(c: RouteCollector, at: number, path: string, receiver: string | undefined, mountable = receiver !== undefined): void {
  c.add({ method: 'POST', path, framework: FRAMEWORK, declaration: c.s.rangeOf(at), receiver, at, mountable, graphql: true });
}

/** A middleware argument that serves GraphQL: one of MIDDLEWARES called in place, or a Yoga instance of the file. */
function servesGraphql(s: FileStructure, arg: Node): boolean {
  if (arg.type === 'call_expression') {
    const call = s.calls.get(s.indexOfNode(arg) ?? -1);
    return !!call && MIDDLEWARES.has(call.chain[call.chain.length - 1]) && (call.chain[call.chain.length - 1] !== 'createHandler' || s.text.includes('graphql-http'));
  }
  // `const yoga = createYoga({ schema })` … `app.use('/graphql', yoga)`.
  return arg.type === 'identifier' && new RegExp(`(?:^|[^\\w$])${arg.text.replace(/\$/g, '\\$')}\\s*=\\s*createYoga\\s*\\(`).test(s.text);
}

/**
 * The functions of the file that resolve GraphQL fields, by scan index: the functions of each type of a resolver map
 * (`{ Query: { users: () => … }, User: { posts(user) {…} } }`, a map that has a Query, Mutation or Subscription),
 * and the `@Query()`/`@Mutation()`/`@ResolveField()` methods of NestJS `@Resolver()` classes.
 */
export function graphqlResolvers(s: FileStructure): Set<number> {
  const out = new Set<number>();
  const text = s.text;
  // A resolver map's root type is a key (`Query: {`, `'Mutation': {`); `useQuery(` or `QueryBuilder` is not.
  if (['Query', 'Mutation', 'Subscription'].some((w) => text.includes(w)) && ROOT_KEY.test(text)) {
    for (const info of s.functions) {
      const n = s.nodes[info.index];
      if (n.type === 'method_definition' || n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function') {
        if (inResolverMap(n.node)) out.add(info.index);
      }
    }
  }
  if (!text.includes('@Resolver')) return out;
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
