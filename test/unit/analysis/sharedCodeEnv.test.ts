import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * Two images built from the workspace root that each copy `packages/` whole (openpanel's api and worker): a package
 * only the worker uses reads SMTP_HOST, which only the worker's recipe sets. The file is linked to both services and
 * belongs to one of them by a tie; the variable is set by a service that ships it, so it is no env-not-in-recipe.
 */
describe('a variable read by code several services ship, set by one of them', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('shared-env');
  const write = (file: string, text: string) => ws.write(`openpanel/${file}`, text);
  const dockerfile = (app: string) =>
    ['FROM node:20-slim', 'WORKDIR /app', 'COPY package.json ./', `COPY apps/${app} ./apps/${app}`, 'COPY packages ./packages', `RUN pnpm --filter @op/${app} build`, `CMD ["node", "apps/${app}/dist/index.js"]`, ''].join('\n');
  before(() => {
    ws.create();
    write('package.json', '{"name":"openpanel","private":true}\n');
    write(
      'self-hosting/docker-compose.yml',
      ['services:', '  op-api:', '    image: acme/openpanel-api:2', '    environment:', '      DATABASE_URL: postgres://db/op', '  op-worker:', '    image: acme/openpanel-worker:2', '    environment:', '      DATABASE_URL: postgres://db/op', '      SMTP_HOST: smtp.example.com', ''].join('\n'),
    );
    for (const app of ['api', 'worker']) {
      write(`apps/${app}/Dockerfile`, dockerfile(app));
      write(`apps/${app}/package.json`, `{"name":"@op/${app}"}\n`);
    }
    write('apps/api/src/index.ts', "import express from 'express';\nconst app = express();\napp.get('/ping', (req, res) => res.json({}));\napp.listen(3000);\n");
    write('apps/worker/src/index.ts', "import { send } from '@op/email/src/send';\nsetInterval(() => send(), 60_000);\n");
    write('packages/email/package.json', '{"name":"@op/email"}\n');
    write('packages/email/src/send.ts', "export const host = process.env.SMTP_HOST!;\nexport const region = process.env.MAIL_REGION!;\nexport function send() { return host; }\n");
  });
  after(() => ws.remove());

  it('is not reported; one no service sets still is', async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(join(ws.dir, 'openpanel')), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(result.model.services.find((s) => s.name === 'op-api')?.codeRoots.map((l) => l.root), ['apps/api', 'packages']);
    assert.deepEqual(
      result.warnings.filter((w) => w.code === 'env-not-in-recipe').map((w) => [w.file, w.range.start.line]),
      [['packages/email/src/send.ts', 1]],
    );
  });
});
