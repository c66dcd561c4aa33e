import type { FileStructure } from '../fileStructure';
import type { RouteCollector } from './routeCollector';

/**
 * MCP servers over HTTP (see apiEndpoints.ts): one route takes every tool call, and every tool of the service runs
 * behind it.
 */

/** The paths FastMCP serves each HTTP transport at unless given `path=`. */
const MCP_TRANSPORT_PATHS: Record<string, string> = { http: '/mcp', 'streamable-http': '/mcp', sse: '/sse' };

/**
 * `mcp.run(transport="http")` (FastMCP 2; also `streamable-http`, and `sse`, whose messages are posted elsewhere but
 * whose stream is the route): one POST route, under `path=` when given, that runs the server's tools. Tools registered
 * by call, `mcp.tool("add_to_cart")(tools.add_to_cart)`, are named on the route for the join to find.
 */
export function fastMcpEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('FastMCP')) return;
  const registered = [...s.text.matchAll(/\.tool\s*\([^()]*\)\s*\(\s*([A-Za-z_][\w.]*)\s*\)/g)].map((m) => m[1].split('.'));
  for (const [i, call] of s.calls) {
    if (call.chain[call.chain.length - 1] !== 'run' || call.chain.length < 2) continue;
    const args = s.argumentsText(call);
    const transport = /\btransport\s*=\s*['"]([\w-]+)['"]/.exec(args)?.[1];
    const path = transport ? (/\bpath\s*=\s*['"](\/[^'"]*)['"]/.exec(args)?.[1] ?? MCP_TRANSPORT_PATHS[transport]) : undefined;
    if (path === undefined) continue;
    c.add({ method: transport === 'sse' ? 'GET' : 'POST', path, framework: 'fastmcp', declaration: s.rangeOf(i), at: i, mountable: false, runs: 'mcp', alsoChains: registered.length ? registered : undefined });
  }
}

/** FastMCP tools, resources and prompts declared with its decorators: `@mcp.tool`, `@mcp.tool()`, `@server.resource("x://{id}")`. */
export function fastMcpTools(s: FileStructure): number[] {
  if (!s.mentions('FastMCP') && !s.mentions('fastmcp') && !s.mentions('mcp.server')) return [];
  const out: number[] = [];
  for (const info of s.functions) {
    const n = s.nodes[info.index];
    const decorated = n.type === 'function_definition' ? n.node.parent : null;
    if (decorated?.type !== 'decorated_definition') continue;
    if (decorated.namedChildren.some((d) => d?.type === 'decorator' && /^@\s*[A-Za-z_][\w.]*\.(?:tool|resource|prompt)\b/.test(d.text))) out.push(info.index);
  }
  return out;
}

/** The official TypeScript SDK's HTTP transports, and what a route handler calls to hand them the request. */
const MCP_SDK_TRANSPORT = /\b(?:StreamableHTTPServerTransport|SSEServerTransport)\b/;
const MCP_SDK_HANDLES = /\.(?:handleRequest|handlePostMessage)\s*\(/;
/** The SDK's registrations, whose last argument is the callback (`server.tool("add", schema, async ({ a }) => …)`). */
const MCP_SDK_REGISTRATIONS = new Set(['tool', 'registerTool', 'resource', 'registerResource', 'prompt', 'registerPrompt']);

/**
 * The official TypeScript SDK over HTTP: the app's own route whose handler gives the request to the transport
 * (`app.post('/mcp', async (req, res) => { … await transport.handleRequest(req, res, req.body) })`) runs the tools.
 */
export function mcpSdkEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('@modelcontextprotocol/sdk') || !MCP_SDK_TRANSPORT.test(s.text)) return;
  c.links.forEach((link, k) => {
    const handler = c.handlerOf.get(k);
    if (handler !== undefined && !link.runs && MCP_SDK_HANDLES.test(s.text.slice(s.nodes[handler].start, s.nodes[handler].end))) link.runs = 'mcp';
  });
}

/** The callbacks of `server.tool(…)`, `registerTool`, `resource`, `prompt`… in a file that uses the SDK. */
export function mcpSdkTools(s: FileStructure): number[] {
  if (!s.mentions('@modelcontextprotocol/sdk')) return [];
  const out: number[] = [];
  for (const [, call] of s.calls) {
    if (call.chain.length < 2 || !MCP_SDK_REGISTRATIONS.has(call.chain[call.chain.length - 1])) continue;
    const args = s.argumentsOf(call);
    const last = args[args.length - 1];
    const at = last && (last.type === 'arrow_function' || last.type === 'function_expression' || last.type === 'function') ? s.indexOfNode(last) : undefined;
    if (at !== undefined) out.push(at);
  }
  return out;
}
