import type { ServedApi } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import { graphqlEndpoints, graphqlResolvers, markGraphqlServers } from './graphqlEndpoints';
import { gradioEndpoints, gradioHandlers } from './gradioEndpoints';
import { fastMcpEndpoints, fastMcpTools, mcpSdkEndpoints, mcpSdkTools } from './mcpEndpoints';
import type { RouteCollector } from './routeCollector';
import { orpcEndpoints, orpcProcedures } from './orpcEndpoints';
import { trpcEndpoints, trpcProcedures } from './trpcEndpoints';

/**
 * APIs answered on one HTTP route whatever the operation: a GraphQL server takes every query and mutation on
 * `POST /graphql`, an MCP server every tool call on `POST /mcp`, a Gradio app every event of its page on
 * `POST /gradio_api/queue/join`, tRPC every query on `GET /api/trpc/[trpc]` and every mutation on its POST, oRPC every procedure on the
 * route that hands the request to its handler (`/api/[[...rest]]`). That route is what their metrics report, and every resolver, tool or event handler
 * of the service runs behind it. The endpoint is a route here, marked with the API it `runs`, and the workspace join
 * starts it at each function of the service that API serves (FunctionFact.servedBy), wherever it is written (Wiki.js
 * loads its resolver files by folder, no import names them). Each API's servers and functions: graphqlEndpoints.ts,
 * mcpEndpoints.ts, gradioEndpoints.ts, trpcEndpoints.ts, orpcEndpoints.ts.
 */

/** The GraphQL, MCP and Gradio endpoints a file registers, after the language's own route finder. */
export function findApiEndpoints(c: RouteCollector): void {
  const family = c.s.spec.family;
  graphqlEndpoints(c);
  if (family === 'js') {
    mcpSdkEndpoints(c);
    trpcEndpoints(c);
    orpcEndpoints(c);
  }
  else if (family === 'python') {
    fastMcpEndpoints(c);
    gradioEndpoints(c);
  }
  markGraphqlServers(c);
}

/** The functions of the file that an API endpoint runs, by scan index: GraphQL resolvers, MCP tools, Gradio handlers. */
export function servedFunctions(s: FileStructure, file: string): Map<number, ServedApi> {
  const out = new Map<number, ServedApi>();
  for (const i of graphqlResolvers(s, file)) out.set(i, 'graphql');
  if (s.spec.family === 'js') {
    for (const i of mcpSdkTools(s)) out.set(i, 'mcp');
    for (const [i, api] of trpcProcedures(s)) out.set(i, api);
    for (const [i, api] of orpcProcedures(s)) out.set(i, api);
  }
  if (s.spec.family === 'python') {
    for (const i of fastMcpTools(s)) out.set(i, 'mcp');
    for (const i of gradioHandlers(s)) out.set(i, 'gradio');
  }
  return out;
}
