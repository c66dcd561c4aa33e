import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * usertour's MCP server: `for (const tool of this.tools) { server.registerTool(tool.name, {…}, async (args) => { … await
 * this.auth.authorize(…) … }) }`. The loop only registers the callbacks; each runs later, once per call of its tool,
 * not once per item of the loop. A callback a loop hands to a method that runs it per item (`forEach`, `map`) or
 * at once (a project's `withTx`) still queries per turn.
 */
describe('A callback registered in a loop', () => {
  it('is no query-in-loop (registerTool, registerHandler); one run per item or at once still is', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "@prisma/client": "5.17.0", "@modelcontextprotocol/sdk": "1.17.0" } }'),
      'app.ts': lines(
        "import express from 'express';",
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'const app = express();',
        'async function withTx<T>(fn: () => Promise<T>): Promise<T> { return fn(); }',
        "app.post('/mcp', async (req, res) => {",
        "  const server = new McpServer({ name: 'demo', version: '1.0.0' });",
        '  for (const tool of req.body.tools) {',
        '    server.registerTool(tool.name, { description: tool.name }, async () => {',
        '      const member = await prisma.membership.findFirst({ where: { userId: tool.user } });',
        "      return { content: [{ type: 'text', text: JSON.stringify(member) }] };",
        '    });',
        '    bus.registerHandler(tool.name, async () => prisma.membership.count({ where: { tool: tool.name } }));',
        '  }',
        '  res.json({ ok: true });',
        '});',
        "app.post('/sync', async (req, res) => {",
        '  for (const item of req.body.items) {',
        '    await withTx(async () => prisma.item.update({ where: { id: item.id }, data: item }));', // 20
        '  }',
        '  req.body.items.forEach((item: { id: string }) => prisma.item.delete({ where: { id: item.id } }));', // 22
        '  res.json({ ok: true });',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), [
      'query-in-loop app.ts:20:30 prisma.item.update [for…of sequential] → POST /sync',
      'query-in-loop app.ts:22:52 prisma.item.delete [.forEach() sequential] → POST /sync',
    ]);
  });
});
