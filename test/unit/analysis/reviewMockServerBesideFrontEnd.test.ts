import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * Review counter-example to mall4cloud's server beside static front-ends: a front-end's dev mock API (`mock/server.js`
 * with `express()`, beside `web/Dockerfile`, `FROM nginx`, `COPY ./dist`) is no server of the project, so it makes no
 * service; one outside such folders still does.
 */
describe('a mock or dev server beside a static front-end', function () {
  this.timeout(30_000);
  const web = {
    'web/Dockerfile': 'FROM nginx:1.25\nCOPY ./dist /usr/share/nginx/html\n',
    'web/package.json': '{"name":"web","scripts":{"build":"vite build"},"dependencies":{"vue":"^3"}}\n',
    'web/src/main.js': 'import { createApp } from "vue"; createApp({}).mount("#app");\n',
  };
  const mock = [
    '// local mock API for front-end development',
    "const express = require('express');",
    'const app = express();',
    "app.get('/api/users', (req, res) => res.json([{ id: 1 }]));",
    'app.listen(3001);',
  ].join('\n');
  const analyse = writtenWorkspaces('mock-server-front-end', {
    mock: { ...web, 'mock/server.js': mock },
    mocks: { ...web, 'mocks/server.js': mock },
    jest: { ...web, 'src/__mocks__/api.js': mock },
    devServer: { ...web, 'dev-server/index.js': mock },
    server: { ...web, 'api/server.js': mock },
  });
  const services = (r: Awaited<ReturnType<typeof analyse>>) => r.model.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`)]);

  it('mock/, mocks/, __mocks__/, dev-server/: the front-end only', async () => {
    for (const name of ['mock', 'mocks', 'jest', 'devServer']) assert.deepEqual(services(await analyse(name)), [['web', ['web medium']]], name);
  });

  it('a server elsewhere (api/server.js) is still the workspace folder, with low confidence', async () => {
    assert.deepEqual(services(await analyse('server')), [
      ['server', ['. low']],
      ['web', ['web medium']],
    ]);
  });
});
