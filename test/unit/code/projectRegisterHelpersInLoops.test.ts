import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A callback a loop hands to a holder's method that registers it for later (usertour's `server.registerTool(name, {…},
 * async (args) => …)`, `bus.registerHandler`, `emitter.addListener`) runs on each call of what it registers. A project's
 * own function named `register…` that runs its callback at once (`await registerEmail(email, async (clean) => { await
 * prisma.user.create(…) })`) still queries once per item (review of stop 67, RC-8).
 */
describe('A callback a loop hands to a register… function of the project', () => {
  it('still queries per item when the function runs it at once; a holder\'s registerTool does not', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "reg", "dependencies": { "express": "^4.18.0", "@prisma/client": "^5.0.0", "@modelcontextprotocol/sdk": "1.17.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        "import { PrismaClient } from '@prisma/client';",
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
        '',
        'const prisma = new PrismaClient();',
        'const app = express();',
        '',
        '// Checks an e-mail and runs `then` with it at once, in the same request.',
        'async function registerEmail(email: string, then: (email: string) => Promise<void>) {',
        "  if (!email.includes('@')) throw new Error('bad email');",
        '  await then(email.toLowerCase());',
        '}',
        'const accounts = { registerUser: async (name: string, then: (name: string) => Promise<void>) => then(name) };',
        '',
        "app.post('/invite', async (req, res) => {",
        '  for (const email of req.body.emails as string[]) {',
        '    await registerEmail(email, async (clean) => {',
        '      await prisma.user.create({ data: { email: clean } });', // 18
        '    });',
        '    await accounts.registerUser(email, async (name) => {',
        '      await prisma.member.create({ data: { name } });', // 21
        '    });',
        '  }',
        "  const server = new McpServer({ name: 'demo', version: '1.0.0' });",
        '  for (const tool of req.body.tools) {',
        '    server.registerTool(tool.name, { description: tool.name }, async () => {',
        '      const member = await prisma.membership.findFirst({ where: { userId: tool.user } });',
        "      return { content: [{ type: 'text', text: JSON.stringify(member) }] };",
        '    });',
        '  }',
        '  res.json({ ok: true });',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), [
      'query-in-loop server.ts:18:13 prisma.user.create [for…of sequential] → POST /invite',
      'query-in-loop server.ts:21:13 prisma.member.create [for…of sequential] → POST /invite',
    ]);
  });
});
