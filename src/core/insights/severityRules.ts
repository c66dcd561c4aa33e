import type { Severity } from './warning';
import { STARTUP_HOOK } from '../code/hazards/backgroundTasks';
import { CACHED_RESULT } from '../code/hazards/memoized';

/** The thresholds that decide severity; documented in docs/warnings and configurable (`opsLens.severity.*`). */
export interface SeverityRules {
  /** Below this many requests per second a route is cold: its hazards stay `info`. */
  coldRouteRps: number;
  /** CPU used / requested at or above this ratio is pressure (`capacity-pressure`). */
  cpuPressureRatio: number;
}

export const DEFAULT_SEVERITY_RULES: SeverityRules = { coldRouteRps: 1, cpuPressureRatio: 0.9 };

export interface SeverityInput {
  rps?: number;
  autoscalerHeadroom?: number;
  /** False when no route reaches the code: then no route's numbers can say whether it is hot. */
  onRoute?: boolean;
  /** Off a route: a background task that runs it (`send_digest (Celery task)`), said in the reason. */
  task?: string;
}

/**
 * Quiet and right beats loud:
 * - no production data: `info` at most, since nothing shows the code is on a busy path;
 * - a cold route: `info`;
 * - a hot route: `warning`;
 * - a hot route on a service whose autoscaler has no headroom left: `error`.
 */
export function decideSeverity(input: SeverityInput, rules: Pick<SeverityRules, 'coldRouteRps'>): { severity: Severity; reason: string } {
  if (input.onRoute === false) {
    if (input.task?.includes(`(${STARTUP_HOOK}`)) return { severity: 'info', reason: `info: no route reaches this code; it runs once as the process starts (${input.task}), not for each request` };
    if (input.task?.includes(`(${CACHED_RESULT}`)) return { severity: 'info', reason: `info: its result is cached, so it runs when the cache misses, not on each request, and no route's numbers say how often` };
    if (input.task) return { severity: 'info', reason: `info: no route reaches this code; it runs in the background (${input.task}), where no request waits on it and no route's numbers say how often it runs` };
    return { severity: 'info', reason: 'info: no route was found to reach this code, so no production data says whether it is hot' };
  }
  if (input.rps === undefined) {
    return { severity: 'info', reason: 'info: no production data for this route, so it is not known to be hot' };
  }
  if (input.rps < rules.coldRouteRps) {
    return {
      severity: 'info',
      reason: `info: the route is cold (${formatRate(input.rps)} req/s, below the ${rules.coldRouteRps} req/s threshold)`,
    };
  }
  if (input.autoscalerHeadroom !== undefined && input.autoscalerHeadroom <= 0) {
    return {
      severity: 'error',
      reason: `error: a hot route (${formatRate(input.rps)} req/s) on a service whose autoscaler is already at its maximum`,
    };
  }
  return { severity: 'warning', reason: `warning: a hot route (${formatRate(input.rps)} req/s)` };
}

export function formatRate(rps: number): string {
  if (rps >= 100) return Math.round(rps).toLocaleString('en-US');
  if (rps >= 1) return rps.toFixed(1).replace(/\.0$/, '');
  return rps.toPrecision(2);
}
