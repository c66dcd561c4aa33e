import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A helper that takes an interface and calls its method (overseerr's `sendTestNotification(agent: NotificationAgent,
 * user)`), called by each route with the one class that route makes: the route runs that class's method only.
 */
describe('TypeScript: a call on an interface-typed parameter lands on the class the caller passes', function () {
  this.timeout(20_000);

  const AGENTS = ['Discord', 'Slack', 'Telegram', 'Pushover'];

  /** An interface, and one class per agent implementing it, each posting to its own host (one missing-timeout each). */
  const agentFiles = (): Record<string, string> =>
    Object.fromEntries([
      ['src/agents/agent.ts', lines('export interface NotificationAgent {', '  send(message: string): Promise<boolean>;', '}')],
      ...AGENTS.map((name) => [
        `src/agents/${name.toLowerCase()}.ts`,
        lines(
          "import axios from 'axios';",
          "import type { NotificationAgent } from './agent';",
          `export default class ${name}Agent implements NotificationAgent {`,
          '  constructor(private readonly settings: unknown) {}',
          '  async send(message: string): Promise<boolean> {',
          `    await axios.post('https://${name.toLowerCase()}.example/hook', { message });`,
          '    return true;',
          '  }',
          '}',
        ),
      ]),
    ]);

  const imports = [
    "import { Router } from 'express';",
    "import type { NotificationAgent } from '../agents/agent';",
    ...AGENTS.map((name) => `import ${name}Agent from '../agents/${name.toLowerCase()}';`),
    '',
    'const routes = Router();',
    '',
    'const sendTest = async (agent: NotificationAgent, message: string) =>',
    '  await agent.send(message);',
    '',
  ];

  const timeouts = (f: Awaited<ReturnType<typeof joined>>) => hazardRows(f).filter((r) => r.startsWith('missing-timeout'));

  it('with more implementations than a call is resolved to (overseerr: ten agents), `new X(…)` passed or a local made so', async () => {
    const f = await joined({
      ...agentFiles(),
      'src/routes/notifications.ts': lines(
        ...imports,
        "routes.post('/discord/test', async (req, res) => {",
        '  const discordAgent = new DiscordAgent(req.body);',
        "  if (await sendTest(discordAgent, 'test')) return res.status(204).send();",
        '  return res.status(500).send();',
        '});',
        "routes.post('/slack/test', async (req, res) => {",
        "  await sendTest(new SlackAgent(req.body), 'test');",
        '  res.status(204).send();',
        '});',
        "routes.post('/telegram/test', async (req, res) => {",
        "  await sendTest(new TelegramAgent(req.body), 'test');",
        '  res.status(204).send();',
        '});',
        "routes.post('/pushover/test', async (req, res) => {",
        "  await sendTest(new PushoverAgent(req.body), 'test');",
        '  res.status(204).send();',
        '});',
        'export default routes;',
      ),
    });
    assert.deepEqual(timeouts(f), [
      'missing-timeout src/agents/discord.ts:6:11 axios.post → POST /discord/test',
      'missing-timeout src/agents/pushover.ts:6:11 axios.post → POST /pushover/test',
      'missing-timeout src/agents/slack.ts:6:11 axios.post → POST /slack/test',
      'missing-timeout src/agents/telegram.ts:6:11 axios.post → POST /telegram/test',
    ]);
  });

  it('with two implementations, a method of the class as the helper', async () => {
    const f = await joined({
      'src/agents.ts': lines(
        "import axios from 'axios';",
        'export interface Agent {',
        '  send(msg: string): Promise<boolean>;',
        '}',
        'export class SlackAgent implements Agent {',
        '  async send(msg: string): Promise<boolean> {',
        "    await axios.post('https://slack.example/hook', { msg });",
        '    return true;',
        '  }',
        '}',
        'export class PushAgent implements Agent {',
        '  async send(msg: string): Promise<boolean> {',
        "    await axios.post('https://push.example/hook', { msg });",
        '    return true;',
        '  }',
        '}',
      ),
      'src/server.ts': lines(
        "import express from 'express';",
        "import { Agent, SlackAgent, PushAgent } from './agents';",
        'class Notifier {',
        '  async test(agent: Agent) {',
        "    return agent.send('test');",
        '  }',
        '}',
        'const notifier = new Notifier();',
        'const app = express();',
        "app.post('/slack/test', async (req, res) => {",
        '  await notifier.test(new SlackAgent());',
        '  res.sendStatus(204);',
        '});',
        "app.post('/push/test', async (req, res) => {",
        '  await notifier.test(new PushAgent());',
        '  res.sendStatus(204);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(timeouts(f), [
      'missing-timeout src/agents.ts:13:11 axios.post → POST /push/test',
      'missing-timeout src/agents.ts:7:11 axios.post → POST /slack/test',
    ]);
  });

  it('still every implementation where the route passes a value it does not make, or the helper twice with two classes', async () => {
    const f = await joined({
      ...agentFiles(),
      'src/routes/notifications.ts': lines(
        ...imports,
        'function pick(kind: string): NotificationAgent {',
        "  return kind === 'slack' ? new SlackAgent({}) : new DiscordAgent({});",
        '}',
        // A value of no class the handler makes: any agent.
        "routes.post('/any/test', async (req, res) => {",
        "  await sendTest(pick(req.body.kind), 'test');",
        '  res.status(204).send();',
        '});',
        // Two calls of the helper, two classes: both, and no other.
        "routes.post('/pair/test', async (req, res) => {",
        "  await sendTest(new SlackAgent(req.body), 'a');",
        "  await sendTest(new TelegramAgent(req.body), 'b');",
        '  res.status(204).send();',
        '});',
        // A made class and a value of no known class on one route: any agent.
        "routes.post('/mixed/test', async (req, res) => {",
        "  await sendTest(new PushoverAgent(req.body), 'a');",
        "  await sendTest(req.app.locals.agent, 'b');",
        '  res.status(204).send();',
        '});',
        // A local given another class after it is made: which one the call gets is not said.
        "routes.post('/swapped/test', async (req, res) => {",
        '  let chosen = new DiscordAgent(req.body);',
        '  if (req.body.slack) chosen = new SlackAgent(req.body);',
        "  await sendTest(chosen, 'test');",
        '  res.status(204).send();',
        '});',
        'export default routes;',
      ),
    });
    assert.deepEqual(timeouts(f), [
      'missing-timeout src/agents/discord.ts:6:11 axios.post → POST /any/test, POST /mixed/test, POST /swapped/test',
      'missing-timeout src/agents/pushover.ts:6:11 axios.post → POST /any/test, POST /mixed/test, POST /swapped/test',
      'missing-timeout src/agents/slack.ts:6:11 axios.post → POST /any/test, POST /pair/test, POST /mixed/test, POST /swapped/test',
      'missing-timeout src/agents/telegram.ts:6:11 axios.post → POST /any/test, POST /pair/test, POST /mixed/test, POST /swapped/test',
    ]);
  });
});
