import assert from 'node:assert/strict';
import { warningsFor } from '../../../src/core/analysis/workspaceAnalysis';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { joined, lines } from './fixtureWorkspace';

const rows = (files: Map<string, FileAnalysis>) =>
  [...files.values()]
    .flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')} in ${h.taskRunners?.join(', ') ?? '?'}` : '-')}`))
    .sort();

/** A module of activities whose loop queries per item: a hazard no route reaches. */
const broadcasts = lines(
  "import { db } from '../db';",
  'export async function sendBroadcast(ids: string[]) {',
  '  for (const id of ids) {',
  "    await db.query('SELECT * FROM users WHERE id = $1', [id]);", // 4
  '  }',
  '}',
);
const library = {
  'packages/backend-lib/src/db.ts': lines("import { Pool } from 'pg';", 'export const db = new Pool();'),
  'packages/backend-lib/src/broadcasts/activities.ts': broadcasts,
  // dittofeed's backend-lib/src/temporal/activities.ts: a barrel of the activity modules.
  'packages/backend-lib/src/temporal/activities.ts': lines("export * from '../broadcasts/activities';"),
  // Named activities.ts too, but no worker is given it: not a task.
  'packages/backend-lib/src/journeys/activities.ts': lines(
    "import { db } from '../db';",
    'export async function runJourney(ids: string[]) {',
    '  for (const id of ids) {',
    "    await db.query('SELECT * FROM journeys WHERE id = $1', [id]);", // 4
    '  }',
    '}',
  ),
};

/** dittofeed's packages/worker/src/buildWorker.ts. */
describe('Temporal: the activities a worker is given are background tasks', () => {
  it('each exported function of a module named whole, through an `export *` barrel, in options built first', async () => {
    const files = await joined({
      ...library,
      'packages/worker/src/buildWorker.ts': lines(
        "import { Worker, WorkerOptions } from '@temporalio/worker';",
        "import * as activities from 'backend-lib/src/temporal/activities';",
        'export async function buildWorker() {',
        "  const opts: WorkerOptions = { taskQueue: 'default', activities, workflowsPath: 'x' };",
        '  return Worker.create(opts);',
        '}',
      ),
    });
    assert.deepEqual(rows(files), [
      'query-in-loop packages/backend-lib/src/broadcasts/activities.ts:4 → tasks: sendBroadcast (Temporal activity) in packages/worker/src/buildWorker.ts',
      'query-in-loop packages/backend-lib/src/journeys/activities.ts:4 → -',
    ]);
  });

  it('the functions of an object written in place, `Worker.create({ activities: { a, b } })`', async () => {
    const files = await joined({
      ...library,
      'packages/worker/src/main.ts': lines(
        "import { Worker } from '@temporalio/worker';",
        "import { sendBroadcast } from 'backend-lib/src/broadcasts/activities';",
        "Worker.create({ taskQueue: 'q', activities: { sendBroadcast } });",
      ),
    });
    assert.deepEqual(rows(files), [
      'query-in-loop packages/backend-lib/src/broadcasts/activities.ts:4 → tasks: sendBroadcast (Temporal activity) in packages/worker/src/main.ts',
      'query-in-loop packages/backend-lib/src/journeys/activities.ts:4 → -',
    ]);
  });

  it('none where the module makes no Temporal worker', async () => {
    const files = await joined({
      ...library,
      'packages/worker/src/main.ts': lines("import * as activities from 'backend-lib/src/temporal/activities';", 'export const opts = { activities };'),
    });
    assert.deepEqual(rows(files), ['query-in-loop packages/backend-lib/src/broadcasts/activities.ts:4 → -', 'query-in-loop packages/backend-lib/src/journeys/activities.ts:4 → -']);
  });

  it("warns in the worker's service of a library module's activity", async () => {
    const files = await joined({
      ...library,
      'packages/worker/src/main.ts': lines("import { Worker } from '@temporalio/worker';", "import * as activities from 'backend-lib/src/temporal/activities';", "Worker.create({ taskQueue: 'q', activities });"),
    });
    const worker = { name: 'worker', recipes: [], capacity: {}, codeRoots: [{ root: 'packages/worker', reason: 'test', confidence: 'high' as const }], env: {} };
    const model: EnvironmentModel = { services: [worker], problems: [], sharedCode: ['packages/backend-lib'] };
    const warnings = warningsFor(model, [...files.values()], undefined, DEFAULT_SEVERITY_RULES);
    assert.deepEqual(
      warnings.map((w) => `${w.service ?? '-'} ${w.file}:${w.range.start.line + 1} ${/Temporal activity/.test(w.message)}`),
      ['worker packages/backend-lib/src/broadcasts/activities.ts:4 true'],
    );
  });
});
