import type { SourceLocation, Range } from '../model/location';

export type Severity = 'error' | 'warning' | 'info';

/** Stable codes (product contract); more may be added, none renamed. */
export type WarningCode =
  | 'query-in-loop'
  | 'call-in-loop'
  | 'unbounded-query'
  | 'blocking-call'
  | 'retry-without-backoff'
  | 'missing-timeout'
  | 'env-not-in-recipe'
  | 'capacity-pressure';

export interface EvidenceNumber {
  value: number;
  query: string;
}

/** The numbers behind a warning, with their queries, window and instant, so anyone can check them. */
export interface Evidence {
  source?: string;
  evaluatedAt?: number;
  window?: string;
  requestRate?: EvidenceNumber;
  p95Seconds?: EvidenceNumber;
  errorRatio?: EvidenceNumber;
  autoscaler?: { name: string; current: EvidenceNumber; max: EvidenceNumber; headroom: number };
  cpu?: { used: EvidenceNumber; request?: EvidenceNumber; ratio?: number };
  loop?: { kind: string; mode: string };
  /** The other queries or calls of the same loop (1-based lines), which this one warning stands for. */
  sameLoop?: { line: number; callee: string }[];
  /** Every other route that reaches the code (`METHOD /path`), beside the warning's own `route`. */
  otherRoutes?: string[];
  /** No route reaches the code: the background tasks that do (`send_digest (Celery task)`). */
  tasks?: string[];
  /** Why the severity is what it is, in one sentence. */
  severityReason: string;
}

export interface RelatedLocation {
  location: SourceLocation;
  message: string;
}

export interface Warning {
  code: WarningCode;
  severity: Severity;
  file: string;
  range: Range;
  service?: string;
  /** `METHOD /path`, or null when the code is on no known route. */
  route: string | null;
  message: string;
  /** The extra load, in words and numbers, when production data allows an estimate. */
  estimate?: string;
  evidence: Evidence;
  related: RelatedLocation[];
  /**
   * Identifies the same finding across edits and line moves (code, file, route, call), for snoozes and SARIF.
   */
  fingerprint: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

/** Most severe first; among equals the hotter route first, then by place. */
export function compareWarnings(a: Warning, b: Warning): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (b.evidence.requestRate?.value ?? -1) - (a.evidence.requestRate?.value ?? -1) ||
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character
  );
}
