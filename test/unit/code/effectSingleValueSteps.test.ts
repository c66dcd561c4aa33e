import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * openstatus' external status cron: `fetcher.fetchIncidents(entry).pipe(Effect.flatMap((incidents) => Effect.tryPromise(
 * () => upsert(…))))`. Effect's `flatMap` and `map` (and fp-ts's on a TaskEither or an Option) sequence one
 * computation: the callback runs once, not once per item. Their `forEach`, an `Array` module's `map`, and an array's
 * own `flatMap` still loop.
 */
describe("Effect and fp-ts: map and flatMap of a single value's module", () => {
  it('are no loop; Effect.forEach, effect’s Array.map and an array’s flatMap are', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "effect": "3.10.0", "fp-ts": "2.16.0", "pg": "8.13.0" } }'),
      'app.ts': lines(
        "import express from 'express';",
        "import { Effect, pipe, Array as Arr } from 'effect';",
        "import * as TE from 'fp-ts/TaskEither';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'const app = express();',
        "const loadUser = (id: string) => Effect.tryPromise(() => pool.query('SELECT * FROM users WHERE id = $1', [id]));",
        "app.get('/users/:id', async (req, res) => {",
        '  const program = loadUser(req.params.id).pipe(',
        "    Effect.flatMap((result) => Effect.tryPromise(() => pool.query('SELECT * FROM teams WHERE id = $1', [result.rows[0].team_id]))),",
        '  );',
        "  const named = pipe(program, Effect.map((teams) => pool.query('SELECT * FROM orgs WHERE id = $1', [teams.rows[0].org_id])));",
        "  const task = pipe(TE.of(req.params.id), TE.map((id) => pool.query('SELECT * FROM users WHERE id = $1', [id])));",
        '  res.json([await Effect.runPromise(named), await task()]);',
        '});',
        "app.post('/users', async (req, res) => {",
        "  const all = Effect.forEach(req.body.ids, (id: string) => Effect.tryPromise(() => pool.query('SELECT * FROM users WHERE id = $1', [id])));", // 17
        "  const each = Arr.map(req.body.ids, (id: string) => pool.query('SELECT * FROM users WHERE id = $1', [id]));", // 18
        "  const flat = req.body.ids.flatMap((id: string) => [pool.query('SELECT * FROM users WHERE id = $1', [id])]);", // 19
        '  res.json([await Effect.runPromise(all), each, flat]);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop app.ts:17:84 pool.query [.forEach() sequential] → POST /users',
        'query-in-loop app.ts:18:54 pool.query [.map() sequential] → POST /users',
        'query-in-loop app.ts:19:54 pool.query [.flatMap() sequential] → POST /users',
      ],
    );
  });
});
