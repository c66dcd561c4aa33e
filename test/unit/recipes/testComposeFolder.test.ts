import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { isTestCompose } from '../../../src/core/recipes/compose';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs, service } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

/**
 * saltcorn's deploy/docker-compose-tests/pytest/docker-compose.yml builds the repository to run pytest against a
 * database: its `tests` service runs the test suite, not the server, whatever the file itself is called.
 */
describe('A Compose file kept in a folder named for tests', () => {
  const files = {
    'package.json': '{ "name": "app", "dependencies": { "express": "^4.19.0" } }',
    'app.js': "const app = require('express')();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    'Dockerfile.release': lines('FROM node:22', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'CMD ["node", "app.js"]'),
    'deploy/docker-compose-tests/pytest/Dockerfile.test': lines('FROM node:22', 'WORKDIR /app', 'COPY . .', 'CMD ["pytest"]'),
    'deploy/docker-compose-tests/pytest/docker-compose.yml': lines(
      'services:',
      '  db:',
      '    image: postgres:16',
      '  tests:',
      '    build:',
      '      context: ../../../',
      '      dockerfile: deploy/docker-compose-tests/pytest/Dockerfile.test',
      '    command: pytest',
    ),
  };

  it('is a Compose file for a test run: its services link no code', async () => {
    const m = await buildEnvironmentModel({ ...memoryFs(files), rootName: 'app' }, Object.keys(files).sort(), { cache: new RecipeCache() });
    const tests = service(m, 'tests');
    assert.deepEqual(tests.codeRoots, []);
    assert.equal(tests.unlinkedReason, 'defined only in deploy/docker-compose-tests/pytest/docker-compose.yml, a Compose file for a test run: the code it runs is not linked');
    assert.notEqual(serviceForFile(m, 'app.js')?.name, 'tests');
  });

  it('reads a word of a folder name, not letters inside one', () => {
    assert.deepEqual(
      [
        'deploy/docker-compose-tests/pytest/docker-compose.yml',
        'api_tests/docker-compose.yml',
        'tests-env/docker-compose.yml',
        // A single test's or a testing set-up's folder builds the service to try it (Prefect's, documenso's).
        'scripts/proxy-test/docker-compose.yml',
        'docker/testing/compose.yml',
        'latest/docker-compose.yml',
        'contests/docker-compose.yml',
        'deploy/docker-compose.yml',
      ].map(isTestCompose),
      [true, true, true, false, false, false, false, false],
    );
  });
});
