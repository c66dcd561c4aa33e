/**
 * Temporal activities (@temporalio/worker): a worker runs each function of the object it is given as `activities`
 * (`Worker.create({ activities, … })`, or options built first, dittofeed's `const opts: WorkerOptions = { …,
 * activities, … }` then `Worker.create(opts)`, with `import * as activities from "backend-lib/src/temporal/activities"`,
 * a barrel of `export * from "../broadcasts/activities"`…). What an activity reaches runs there, not for a request:
 * the join (WorkspaceLinker.temporalActivities) says so, as it does of Celery tasks, and the worker's service runs it.
 */

/** The kind a hazard's task is said to be. */
export const TEMPORAL_ACTIVITY = 'Temporal activity';

/**
 * The names a module that makes a Temporal worker gives as its activities: a namespace or object named (`activities`,
 * `activities: acts`), or the functions of an object written in place (`activities: { a, b: c }`). A factory's result
 * (`activities: createActivities(deps)`) is not followed. Only a module that imports @temporalio/worker and calls
 * `Worker.create(`.
 */
export function temporalActivitiesOf(text: string): string[] | undefined {
  if (!text.includes('@temporalio/worker') || !/\bWorker\.create\s*\(/.test(text)) return undefined;
  const out = new Set<string>();
  for (const m of text.matchAll(/[{,]\s*activities\s*(?=[,}])/g)) if (m) out.add('activities');
  for (const m of text.matchAll(/\bactivities\s*:\s*([\w$]+)\s*(?=[,}])/g)) out.add(m[1]);
  for (const m of text.matchAll(/\bactivities\s*:\s*\{([^{}]*)\}/g)) {
    for (const item of m[1].split(',')) {
      const name = /^\s*(?:[\w$]+\s*:\s*)?([\w$]+)\s*$/.exec(item)?.[1];
      if (name) out.add(name);
    }
  }
  return out.size ? [...out] : undefined;
}
