import type { CapacitySetting } from '../model/environment';
import type { SourceLocation } from '../model/location';

/** What a developer can ask to change; `freeText` is a request in words when no value can be patched safely. */
export type ChangeKind =
  | 'replicas'
  | 'minReplicas'
  | 'maxReplicas'
  | 'targetCpuUtilization'
  | 'cpuRequest'
  | 'cpuLimit'
  | 'memoryRequest'
  | 'memoryLimit'
  | 'env'
  | 'setting'
  | 'freeText';

/** How a recipe writes a value: decides how input is parsed and checked (`500m` vs `0.5` vs `512` CPU units). */
export type RecipeDialect = 'kubernetes' | 'compose' | 'terraform' | 'fly' | 'yaml';

/** The unit a value is compared in once parsed: cores, bytes, seconds, a count, a percentage or plain text. */
export type ValueUnit = 'count' | 'percent' | 'cores' | 'bytes' | 'seconds' | 'text';

/** The value as it stands: the exact recipe text and what it means. */
export interface CurrentValue {
  /** The literal as written in the recipe, quotes included (`"1"`, `500m`, `var.api_cpu`). */
  raw: string;
  /** Parsed into the target's unit (cores, bytes, …), when it is a number. */
  value?: number;
  /** For people: `500m (0.5 cores)`. */
  display: string;
  location: SourceLocation;
}

/** One thing that can be changed for a service in one environment, with where it is set today. */
export interface ChangeTarget {
  kind: ChangeKind;
  /** For people: `Autoscaling max`, `CPU request`, `env PG_POOL_MAX`. */
  label: string;
  unit: ValueUnit;
  dialect: RecipeDialect;
  /** Absent when the value is set nowhere (an environment variable to add). */
  current?: CurrentValue;
  /** The variable's name, for `env`. */
  envName?: string;
  /** The pool size, timeout or worker count, for `setting`. */
  setting?: CapacitySetting;
  /** Where a new environment variable goes, when `current` is absent: a located sibling or the workload. */
  anchor?: SourceLocation;
  /** Said beside the value when the layer that sets it is shared with other environments (a kustomize base). */
  sharedNote?: string;
}

export type SubmitMode = 'inPlace' | 'branch' | 'issue' | 'pullRequest';

export const SUBMIT_MODES: readonly SubmitMode[] = ['inPlace', 'branch', 'issue', 'pullRequest'];

/** One production number behind a request, with the query anyone can run to check it. */
export interface EvidenceItem {
  summary: string;
  query?: string;
  window?: string;
}

export interface Evidence {
  items: EvidenceItem[];
  /** `prometheus https://…` or `snapshot file.json`. */
  source?: string;
  /** RFC 3339. */
  evaluatedAt?: string;
}

/** A complete request, as the quick pick (or a test, or a quick fix) fills it in. */
export interface ChangeRequest {
  service: string;
  environment: string;
  target: ChangeTarget;
  /** The new literal (as it will be written), or the request in words for `freeText`. */
  to: string;
  reason: string;
  evidence: Evidence;
  /** The release this change should ride with (`2026.05`, `v1.43.0`), when the user named one. */
  release?: string;
}

export type ChangeStatus = 'proposed' | 'submitted' | 'accepted' | 'applied' | 'rejected' | 'withdrawn';

export const CHANGE_STATUSES: readonly ChangeStatus[] = ['proposed', 'submitted', 'accepted', 'applied', 'rejected', 'withdrawn'];

/** A change record: `.ops-lens/changes/<id>.md`, YAML front matter then a Markdown body (docs/change-records.md). */
export interface ChangeRecord {
  id: string;
  title: string;
  service: string;
  environment: string;
  change: ChangeKind;
  /** Absent for a free-text request that names no recipe. */
  recipe?: { file: string; line: number; path?: string };
  from?: string;
  to: string;
  reason: string;
  evidence: Evidence;
  status: ChangeStatus;
  submittedAs?: SubmitMode;
  release?: string;
  branch?: string;
  link?: string;
  requestedBy?: string;
  createdAt: string;
  /** Markdown after the front matter: the summary and the diff. */
  body: string;
}

/** A refusal that protects data: said to the user as is, with what to do instead. */
export class ChangeRefusal extends Error {
  constructor(
    readonly code:
      | 'changed-since-preview'
      | 'not-patchable'
      | 'shared-value'
      | 'detached-head'
      | 'unborn-branch'
      | 'not-a-repository'
      | 'untrusted-workspace'
      | 'branch-exists'
      | 'missing-token'
      | 'missing-remote'
      | 'invalid-value'
      | 'github',
    message: string,
    /** A free-text request is offered instead when the value cannot be patched safely. */
    readonly offerFreeText = false,
  ) {
    super(message);
    this.name = 'ChangeRefusal';
  }
}
