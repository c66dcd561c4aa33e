import type { Range } from '../model/location';
import type { LanguageId } from './treeSitter';

export type HazardCode =
  | 'query-in-loop'
  | 'call-in-loop'
  | 'unbounded-query'
  | 'blocking-call'
  | 'retry-without-backoff'
  | 'missing-timeout'
  | 'env-not-in-recipe';

export interface RouteKey {
  /** Upper-case HTTP method, or `ANY` when the framework does not restrict it. */
  method: string;
  /** The route template exactly as the framework reports it to metrics (`/orders/:id`, `/products/{product_id}`). */
  path: string;
}

export interface RouteHandler extends RouteKey {
  framework: string;
  file: string;
  /** The registration (`app.get('/orders', …)` or the decorator): where the CodeLens goes. */
  declaration: Range;
  /** The handler function's whole body: hazards inside it are on this route's request path. */
  handler: Range;
}

export type LoopMode = 'sequential' | 'parallel';

export interface Hazard {
  code: HazardCode;
  file: string;
  range: Range;
  /** The call as written, shortened (`db.query`), for messages. */
  callee: string;
  /** One sentence saying what was found, without production numbers (those come from insights). */
  explanation: string;
  loop?: { kind: string; mode: LoopMode; range: Range };
  /** Routes whose request path reaches this hazard. */
  routes: RouteKey[];
}

export interface FileAnalysis {
  file: string;
  language: LanguageId;
  routes: RouteHandler[];
  hazards: Hazard[];
}

export function routeLabel(r: RouteKey): string {
  return `${r.method} ${r.path}`;
}
