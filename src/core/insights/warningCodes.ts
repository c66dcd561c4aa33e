import type { WarningCode } from './warning';

/** One line per code, and where its documentation page lives in the repository. */
export const WARNING_CODES: Record<WarningCode, { title: string; summary: string }> = {
  'query-in-loop': { title: 'Database query inside a loop', summary: 'A query that runs once per item multiplies database load by the size of the collection.' },
  'call-in-loop': { title: 'Remote call inside a loop', summary: 'An HTTP or RPC call per item multiplies load on the service called and the request latency.' },
  'unbounded-query': { title: 'Query without a limit', summary: 'A query or ORM list call without LIMIT or pagination grows with the data.' },
  'blocking-call': { title: 'Blocking call on a request path', summary: 'A synchronous file, process or sleep call blocks the event loop or worker serving requests.' },
  'retry-without-backoff': { title: 'Retry without backoff', summary: 'Retrying immediately turns a slow dependency into a retry storm.' },
  'missing-timeout': { title: 'Outbound call without a timeout', summary: 'A call with no timeout holds a worker or connection as long as the other side hangs.' },
  'env-not-in-recipe': { title: 'Environment variable no recipe provides', summary: 'The code reads a variable that no deployment recipe of its service sets.' },
  'capacity-pressure': { title: 'Capacity under pressure', summary: 'Production shows the service at its autoscaling or resource limits.' },
};

export const DOCS_BASE_URL = 'https://github.com/ops-lens/ops-lens/blob/main/docs/warnings';

export function docsUrl(code: WarningCode): string {
  return `${DOCS_BASE_URL}/${code}.md`;
}
