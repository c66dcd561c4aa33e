import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Counter-examples a review of stop 67 found to the draw-until-free flag loops (plunk) and to raced fetches (RF-*).
describe('code analysis: flag loops given a key and raced fetches (review of stop 67 counter-examples)', function () {
  this.timeout(20_000);

  it('RF-1: a flag loop whose call only starts like a lookup (`findAndClaimNext`) or whose flag alone is named for availability (`jobsAvailable`) is a call per turn; a call named for the key\'s lookup (plunk\'s `secretIsAvailable`, `findFirst`, `codeExists`) is not', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "sync", "dependencies": { "express": "^4.18.0", "@prisma/client": "^5.0.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        "import { randomUUID } from 'crypto';",
        "import { PrismaClient } from '@prisma/client';",
        '',
        'const prisma = new PrismaClient();',
        'const app = express();',
        '',
        'async function claimNextJob(leaseId: string): Promise<boolean> {',
        '  const res = await fetch(`https://queue.example.com/jobs/claim?lease=${leaseId}`, { signal: AbortSignal.timeout(5000) });',
        '  const body = await res.json();',
        '  await prisma.job.create({ data: { payload: body.job, leaseId } });',
        '  return body.more;',
        '}',
        'async function findAndClaimNext(leaseId: string): Promise<boolean> {',
        '  const res = await fetch(`https://queue.example.com/jobs/next?lease=${leaseId}`, { signal: AbortSignal.timeout(5000) });',
        '  return (await res.json()).more;',
        '}',
        '',
        "app.post('/drain', async (_req, res) => {",
        '  let jobsAvailable = true;',
        '  while (jobsAvailable) {',
        '    const leaseId = randomUUID();',
        '    jobsAvailable = await claimNextJob(leaseId);', // 23
        '  }',
        '  res.json({ ok: true });',
        '});',
        '',
        "app.post('/drain2', async (_req, res) => {",
        '  let pending = true;',
        '  while (pending) {',
        '    const leaseId = randomUUID();',
        '    pending = await findAndClaimNext(leaseId);', // 32
        '  }',
        '  res.json({ ok: true });',
        '});',
        '',
        'async function secretIsAvailable(secret: string) { return !(await prisma.project.findUnique({ where: { secret } })); }',
        'async function codeExists(code: string) { return (await prisma.project.count({ where: { code } })) > 0; }',
        "app.post('/projects', async (_req, res) => {",
        "  let secretKey = '';",
        '  let secretOk = false;',
        '  while (!secretOk) {',
        '    secretKey = randomUUID();',
        '    secretOk = await secretIsAvailable(secretKey);',
        '  }',
        "  let slug = '';",
        '  let again = true;',
        '  while (again) {',
        '    slug = randomUUID().slice(0, 8);',
        '    again = (await prisma.project.findFirst({ where: { slug } })) !== null;',
        '  }',
        "  let code = '';",
        '  let clash = true;',
        '  while (clash) {',
        '    code = randomUUID();',
        '    clash = await codeExists(code);',
        '  }',
        '  res.json(await prisma.project.create({ data: { secret: secretKey, slug, code } }));',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => /^(?:query|call)-in-loop/.test(r)), [
      'call-in-loop server.ts:23:27 claimNextJob → fetch [while sequential] → POST /drain',
      'call-in-loop server.ts:32:21 findAndClaimNext → fetch [while sequential] → POST /drain2',
    ]);
  });

  it('RF-4: a fetch kept in a name outside a loop and raced against a timer inside it (`while (!(answer = await Promise.race([exportPromise, sleep(1000)])))`) still has no timeout; one declared in the loop it is raced in, or raced outside any loop, is bounded', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "spin", "dependencies": { "express": "^4.18.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        '',
        'const app = express();',
        'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
        '',
        "app.get('/export', async (_req, res) => {",
        '  // Keeps the connection alive while the upstream works: a dot each second, until the export answers (no timeout at all).',
        "  const exportPromise = fetch('https://exports.example.com/run');", // 8
        '  let answer;',
        '  while (!(answer = await Promise.race([exportPromise, sleep(1000)]))) {',
        "    res.write('.');",
        '  }',
        '  res.end(await (answer as Response).text());',
        '});',
        '',
        "app.get('/pings', async (req, res) => {",
        '  const out = [];',
        '  for (const host of req.body.hosts) {',
        '    const pingPromise = fetch(`https://${host}/ping`);', // 19
        '    out.push(await Promise.race([pingPromise, sleep(500)]));',
        '  }',
        "  const statusPromise = fetch('https://status.example.com/now');", // 22
        '  for (let i = 0; i < 1; i++) {',
        '    const waitPromise = fetch(`https://status.example.com/wait/${i}`);', // 24
        '    do {',
        "      res.write('.');",
        '    } while (!(await Promise.race([waitPromise, sleep(1000)])));',
        '  }',
        '  res.json({ out, status: await Promise.race([statusPromise, sleep(800)]) });',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout server.ts:24:25 fetch → GET /pings',
      'missing-timeout server.ts:8:25 fetch → GET /export',
    ]);
  });

  it('RF-2: a local fetch the global is given to as a call\'s argument (`withTimeout(opts.fetch ?? globalThis.fetch, 5000)`) or named in its type only (`opts.fetch as typeof globalThis.fetch`) is not the global; one cast or parenthesised around a fallback to it still is', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "spin", "dependencies": { "express": "^4.18.0" } }'),
      'http.ts': lines(
        'export function withTimeout(f: typeof globalThis.fetch, ms: number): typeof globalThis.fetch {',
        '  return (input: any, init: any = {}) => f(input, { ...init, signal: AbortSignal.timeout(ms) });',
        '}',
      ),
      'server.ts': lines(
        "import express from 'express';",
        "import { withTimeout } from './http';",
        '',
        'const app = express();',
        '',
        'export async function loadReport(id: string, opts: { fetch?: typeof globalThis.fetch } = {}) {',
        '  // A fetch wrapped so that every call aborts after 5 s.',
        '  const fetch = withTimeout(opts.fetch ?? globalThis.fetch, 5000);',
        '  const res = await fetch(`https://reports.example.com/r/${id}`);', // 9
        '  return res.json();',
        '}',
        '',
        'export async function loadUser(id: string, opts: { fetch?: unknown } = {}) {',
        "  // The caller's fetch, typed as the global one.",
        '  const fetch = opts.fetch as typeof globalThis.fetch;',
        '  const res = await fetch(`https://users.example.com/u/${id}`);', // 16
        '  return res.json();',
        '}',
        '',
        'export async function loadTeam(id: string, opts: { fetch?: typeof globalThis.fetch } = {}) {',
        '  const fetch = (opts.fetch ?? globalThis.fetch) as typeof globalThis.fetch;',
        '  const res = await fetch(`https://teams.example.com/t/${id}`);', // 22
        '  return res.json();',
        '}',
        '',
        'export async function loadOrg(id: string, opts: { fetch?: typeof globalThis.fetch } = {}) {',
        '  const fetch = opts.fetch! || (globalThis.fetch satisfies typeof globalThis.fetch)!;',
        '  const res = await fetch(`https://orgs.example.com/o/${id}`);', // 28
        '  return res.json();',
        '}',
        '',
        "app.get('/report/:id', async (req, res) => {",
        '  res.json(await loadReport(req.params.id));',
        '});',
        '',
        "app.get('/user/:id', async (req, res) => {",
        '  res.json(await loadUser(req.params.id, { fetch: (u: any) => globalThis.fetch(u, { signal: AbortSignal.timeout(3000) }) }));',
        '});',
        '',
        "app.get('/team/:id', async (req, res) => {",
        '  res.json(await loadTeam(req.params.id));',
        '});',
        '',
        "app.get('/org/:id', async (req, res) => {",
        '  res.json(await loadOrg(req.params.id));',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout server.ts:22:21 fetch → GET /team/:id',
      'missing-timeout server.ts:28:21 fetch → GET /org/:id',
    ]);
  });

  it('RF-6: the same name raced in two branches (`if (…) { const healthPromise = fetch(…); await Promise.race([healthPromise, timeoutPromise(2000)]) } else { same }`) is bounded in each; one awaited again in its own block after the race, or a var used again in another, still is not', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "spin", "dependencies": { "express": "^4.18.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        '',
        'const app = express();',
        '',
        'function timeoutPromise(ms: number) {',
        "  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));",
        '}',
        '',
        "app.get('/health', async (req, res) => {",
        '  if (req.query.deep) {',
        "    const healthPromise = fetch('https://db-proxy.example.com/health');", // 11
        '    const r = await Promise.race([healthPromise, timeoutPromise(2000)]);',
        '    res.json({ deep: (r as Response).ok });',
        '  } else {',
        "    const healthPromise = fetch('https://api.example.com/health');", // 15
        '    const r = await Promise.race([healthPromise, timeoutPromise(500)]);',
        '    res.json({ ok: (r as Response).ok });',
        '  }',
        '});',
        '',
        "app.get('/report', async (req, res) => {",
        '  if (req.query.fast) {',
        "    const reportPromise = fetch('https://reports.example.com/fast');", // 23
        '    await Promise.race([reportPromise, timeoutPromise(200)]);',
        '  } else {',
        "    const reportPromise = fetch('https://reports.example.com/full');", // 26
        '    await Promise.race([reportPromise, timeoutPromise(200)]).catch(() => res.write("slow..."));',
        '    res.end(await (await reportPromise).text());',
        '  }',
        '  if (req.query.old) {',
        "    var oldPromise = fetch('https://reports.example.com/old');", // 31
        '    await Promise.race([oldPromise, timeoutPromise(200)]);',
        '  }',
        '  res.end(String(await oldPromise));',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout server.ts:26:27 fetch → GET /report',
      'missing-timeout server.ts:31:22 fetch → GET /report',
    ]);
  });
});
