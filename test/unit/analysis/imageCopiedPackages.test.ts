import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * The shape of openpanel: Compose runs images named for the workspace and a part of it, linked to apps/api and
 * apps/worker, whose Dockerfiles are built from the repository root and copy in the shared packages they use. Those
 * packages are part of each image: their hazards that no route reaches are still reported, and one that only the
 * api's routes reach is the api's, not the worker's that ships the same package.
 */
describe('shared packages a Dockerfile built from the workspace root copies in', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('copied-packages');
  // The workspace folder is named openpanel, as the images are.
  const write = (file: string, text: string) => ws.write(`openpanel/${file}`, text);
  const dockerfile = (app: string, packages: string[]) =>
    [
      'FROM node:20 AS build',
      'WORKDIR /app',
      'COPY package.json pnpm-lock.yaml ./',
      `COPY apps/${app}/package.json ./apps/${app}/`,
      'RUN pnpm install',
      `COPY apps/${app} ./apps/${app}`,
      'COPY packages ./packages',
      'RUN pnpm build',
      'FROM node:20 AS runner',
      'WORKDIR /app',
      'COPY --from=build /app/package.json ./',
      `COPY --from=build /app/apps/${app} ./apps/${app}`,
      ...packages.map((p) => `COPY --from=build /app/packages/${p} ./packages/${p}`),
      `CMD ["node", "apps/${app}/dist/index.js"]`,
      '',
    ].join('\n');

  before(() => {
    ws.create();
    write('package.json', '{"name":"openpanel","private":true}\n');
    write('pnpm-lock.yaml', '\n');
    write('self-hosting/docker-compose.yml', ['services:', '  op-api:', '    image: acme/openpanel-api:2', '  op-worker:', '    image: acme/openpanel-worker:2', ''].join('\n'));
    write('apps/api/Dockerfile', dockerfile('api', ['auth', 'db', 'integrations']));
    write('apps/api/package.json', '{"name":"@op/api"}\n');
    write(
      'apps/api/src/index.ts',
      [
        "import express from 'express';",
        "import { notifySlack } from '@op/integrations/src/slack';",
        'const app = express();',
        "app.post('/webhook/slack', async (req, res) => {",
        '  await notifySlack(req.body.text);',
        '  res.sendStatus(204);',
        '});',
        'app.listen(3000);',
        '',
      ].join('\n'),
    );
    write('apps/worker/Dockerfile', dockerfile('worker', ['db', 'integrations']));
    write('apps/worker/package.json', '{"name":"@op/worker"}\n');
    write('apps/worker/src/index.ts', "import { flush } from '@op/db/src/buffer';\nsetInterval(() => flush([]), 1000);\n");
    write('packages/db/package.json', '{"name":"@op/db"}\n');
    write(
      'packages/db/src/buffer.ts',
      [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export async function flush(ids: string[]) {',
        '  for (const id of ids) {',
        "    await pool.query('DELETE FROM events WHERE id = $1', [id]);",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    write('packages/auth/package.json', '{"name":"@op/auth"}\n');
    write('packages/auth/src/index.ts', 'export const hash = (s: string) => s;\n');
    write('packages/integrations/package.json', '{"name":"@op/integrations"}\n');
    write('packages/integrations/src/slack.ts', ["export async function notifySlack(text: string) {", "  await fetch('https://hooks.slack.com/x', { method: 'POST', body: text });", '}', ''].join('\n'));
    // A package neither image takes: not part of either service.
    write('packages/sdk/package.json', '{"name":"@op/sdk"}\n');
    write('packages/sdk/src/index.ts', ["export async function track(events: string[]) {", '  for (const e of events) {', "    await fetch('https://api.example.com/track', { method: 'POST', body: e });", '  }', '}', ''].join('\n'));
  });
  after(() => ws.remove());

  it('links each service to its folder and the packages its image takes, and reports their hazards', async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(join(ws.dir, 'openpanel')), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const roots = (name: string) => result.model.services.find((s) => s.name === name)?.codeRoots.map((l) => l.root);
    // Not `packages` whole, which the build stage copies: the packages the runner stage takes one by one.
    assert.deepEqual(roots('op-api'), ['apps/api', 'packages/auth', 'packages/db', 'packages/integrations']);
    assert.deepEqual(roots('op-worker'), ['apps/worker', 'packages/db', 'packages/integrations']);
    assert.match(result.model.services.find((s) => s.name === 'op-api')!.codeRoots[1].reason, /built by apps\/api\/Dockerfile from the workspace root, which copies in the code of packages\/auth/);
    const found = result.warnings.map((w) => [w.code, w.file, w.range.start.line, w.route, w.service]);
    assert.deepEqual(found, [
      // No route reaches it: once, on the service whose image takes the fewest folders besides (no caller says
      // which runs it).
      ['query-in-loop', 'packages/db/src/buffer.ts', 4, null, 'op-worker'],
      // The api's route reaches the Slack call: the api's, though the worker's image takes the package too.
      ['missing-timeout', 'packages/integrations/src/slack.ts', 1, 'POST /webhook/slack', 'op-api'],
    ]);
  });
});
