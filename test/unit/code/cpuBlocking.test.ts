import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('synchronous password hashing on a request path holds the event loop', () => {
  it("linkwarden's bcrypt.compareSync on sign-in and crypto.pbkdf2Sync are blocking calls; bcrypt.compare awaited is not", async () => {
    const f = await joined({
      'pages/api/v1/auth/verify.ts': lines(
        "import bcrypt from 'bcrypt';",
        "import crypto from 'crypto';",
        'export default async function verify(req, res) {',
        '  const user = await findUser(req.body.username);',
        '  const ok = bcrypt.compareSync(req.body.password, user.password);',
        "  const key = crypto.pbkdf2Sync(req.body.password, user.salt, 100000, 64, 'sha512');",
        '  const same = await bcrypt.compare(req.body.password, user.password);',
        '  res.json({ ok, same, key: key.length });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'blocking-call pages/api/v1/auth/verify.ts:5:14 bcrypt.compareSync → ANY /api/v1/auth/verify',
      'blocking-call pages/api/v1/auth/verify.ts:6:15 crypto.pbkdf2Sync → ANY /api/v1/auth/verify',
    ]);
  });
});

describe('blocking-call: one warning per call', () => {
  it("a synchronous read whose result is converted at once (growthbook's `readFileSync(f).toString()`) is one warning, at the read", async () => {
    const f = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import { readFileSync } from 'fs';",
        'const app = express();',
        "app.get('/openapi.yaml', (req, res) => {",
        "  res.send(readFileSync('spec.yaml').toString());", // 5
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), ['blocking-call src/app.ts:5:12 readFileSync → GET /openapi.yaml']);
  });
});

describe('blocking-call: once per process', () => {
  it("a synchronous read under a test of a module variable it fills (growthbook's `let build; … if (!build) { build = …readFileSync(…) }`) runs once, not per request", async () => {
    const f = await joined({
      'src/util/build.ts': lines(
        "import fs from 'fs';",
        'let build: { sha: string };',
        'export function getBuild() {',
        '  if (!build) {',
        "    build = { sha: fs.readFileSync('SHA').toString() };",
        '  }',
        '  return build;',
        '}',
        'export function readAgain() {',
        "  return fs.readFileSync('SHA').toString();", // 10: every call
        '}',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { getBuild, readAgain } from './util/build';",
        'const app = express();',
        "app.get('/build', (req, res) => res.json({ build: getBuild(), again: readAgain() }));",
      ),
    });
    assert.deepEqual(hazardRows(f), ['blocking-call src/util/build.ts:10:10 fs.readFileSync → GET /build']);
  });
});
