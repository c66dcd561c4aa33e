import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** JavaScript run once by a deploy step or an operator's command, not by requests. */
describe('JavaScript one-off scripts', () => {
  it("NodeBB's upgrades, kept per version under src/upgrades/, are quiet; the same loop in the service, or in a feature folder named upgrades, is not", async () => {
    const loop = lines(
      "const db = require('../../database');",
      'module.exports = {',
      '  method: async function () {',
      '    for (const uid of await uids()) {',
      "      await db.query('UPDATE users SET x = 1 WHERE uid = $1', [uid]);",
      '    }',
      '  },',
      '};',
    );
    const f = await joined({
      'src/upgrades/1.7.3/key_value_schema_change.js': loop,
      'src/upgrades/v4.0.0-beta/rename.js': loop,
      'src/upgrades/plans.js': loop,
      'src/user/reset.js': loop,
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/upgrades/plans.js:5:13 db.query [for…of sequential] → -',
      'query-in-loop src/user/reset.js:5:13 db.query [for…of sequential] → -',
    ]);
  });

  it("a Node program run from the command line (a shebang) is quiet; one that starts a server, and a module without one, are not", async () => {
    const body = [
      "import { readdir } from 'node:fs/promises';",
      'async function main() {',
      "  for (const file of await readdir('dump')) {",
      "    await fetch('https://example.com/insert', { method: 'POST', body: file });",
      '  }',
      '}',
      'main();',
    ];
    const f = await joined({
      'self-hosting/import-to-cloud.mjs': lines('#!/usr/bin/env node', ...body),
      'tools-ts/sync.ts': lines('#!/usr/bin/env -S npx tsx', ...body),
      'src/server.js': lines('#!/usr/bin/env node', "const http = require('node:http');", ...body, 'http.createServer(() => {}).listen(3000);'),
      'src/importer.js': lines(...body),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('call-in-loop')),
      ['call-in-loop src/importer.js:4:11 fetch [for…of sequential] → -', 'call-in-loop src/server.js:6:11 fetch [for…of sequential] → -'],
    );
  });
});
