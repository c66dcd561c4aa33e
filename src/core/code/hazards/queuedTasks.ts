import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from './callCatalogue';
import { SPRING_ASYNC } from './backgroundTasks';

/**
 * Huey's tasks (`@huey.task()`, `@db_task()`, djhuey's `@task()`, a project's own wrapper named so, as linkding's
 * `task()` returning `huey.task(…)(inner)`): calling one puts it on the queue and returns at once; its body runs later,
 * in a worker, once per task. So a loop calling it does not run its queries per iteration, and a route calling it
 * does not wait for them. (Celery's, dramatiq's and RQ's run in place when called: only `.delay()` or `.send()` queue
 * them, and those calls are not followed into the body anyway.)
 */
const HUEY_TASK = /^@\s*(?:\w+\.)?(?:task|db_task|periodic_task|db_periodic_task)\s*\(/;

/** A file that uses Huey, or Spring's `@Async`, at all: most do not, and are not looked at further. */
export function mayQueueTasks(text: string, family: LanguageFamily): boolean {
  if (family === 'java') return text.includes('@Async');
  return text.includes('huey') && /^\s*(?:from\s+huey\b|import\s+huey\b)/m.test(text);
}

export function isQueuedTask(fn: Node, family: LanguageFamily): boolean {
  // Spring's `@Async` method: called, it hands itself to the task executor and returns (a future, or nothing).
  if (family === 'java') return fn.type === 'method_declaration' && SPRING_ASYNC.test(fn.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '');
  if (family !== 'python') return false;
  const decorated = fn.parent;
  if (decorated?.type !== 'decorated_definition') return false;
  return decorated.namedChildren.some((d) => d?.type === 'decorator' && HUEY_TASK.test(d.text));
}
