import { seconds } from '../recipes/capacitySettings';
import { formatBytes, formatCores, parseCpu, parseMemory } from '../recipes/quantities';
import type { ChangeKind, ChangeTarget, RecipeDialect } from './changeTypes';
import type { LiteralType } from './patchTypes';

const MiB = 2 ** 20;

/** A new value as typed, checked: the literal to write and its meaning, or what is wrong with it in one sentence. */
export type Checked = { ok: true; literal: string; value?: number } | { ok: false; message: string };

/** Values of the other fields of the same environment, for the checks that span two fields. */
export interface Siblings {
  minReplicas?: number;
  maxReplicas?: number;
  cpuRequest?: number;
  cpuLimit?: number;
  memoryRequest?: number;
  memoryLimit?: number;
}

/**
 * Parses what was typed in the recipe's own units and checks it: a Kubernetes quantity (`750m`, `1Gi`), a Compose size
 * (`0.75`, `768M`), Terraform CPU units and MiB, fly.toml cpus and MB; min ≤ max, limit ≥ request; a replica count is
 * a whole number. Messages say what is expected, with an example in the recipe's units.
 */
export function checkValue(target: ChangeTarget, typed: string, siblings: Siblings = {}): Checked {
  const raw = typed.trim();
  if (raw === '') return { ok: false, message: target.kind === 'env' ? 'Type the value (it may not be empty; unset variables are a free-text request).' : `Type the new ${target.label.toLowerCase()}.` };
  if (/[\r\n\t\u0000-\u001f]/.test(raw)) return { ok: false, message: 'The value must be on one line, without control characters.' };
  const checked = parse(target, raw);
  if (!checked.ok) return checked;
  if (target.current && unquote(target.current.raw) === checked.literal) return { ok: false, message: `${checked.literal} is already the ${target.label.toLowerCase()}.` };
  return crossCheck(target.kind, checked, siblings, target.dialect);
}

/** Parses a recipe literal (as found in the file) into the target's unit: used for current values too. */
export function parseLiteral(kind: ChangeKind, dialect: RecipeDialect, literal: string, settingUnit?: 'count' | 'seconds', settingName?: string): number | undefined {
  const s = unquote(literal);
  switch (kind) {
    case 'replicas':
    case 'minReplicas':
    case 'maxReplicas':
    case 'targetCpuUtilization':
      return /^\d+$/.test(s) ? Number(s) : undefined;
    case 'cpuRequest':
    case 'cpuLimit':
      if (dialect === 'terraform') return /^\d+$/.test(s) ? Number(s) / 1024 : undefined;
      if (dialect === 'fly') return /^\d+$/.test(s) ? Number(s) : undefined;
      if (dialect === 'compose') return /^\d*\.?\d+$/.test(s) ? Number(s) : undefined;
      return parseCpu(s);
    case 'memoryRequest':
    case 'memoryLimit':
      if (dialect === 'terraform') return /^\d+$/.test(s) ? Number(s) * MiB : undefined;
      if (dialect === 'fly') {
        const m = /^(\d+(?:\.\d+)?)\s*(mb|gb)?$/i.exec(s);
        return m ? Number(m[1]) * (m[2]?.toLowerCase() === 'gb' ? 1024 : 1) * MiB : undefined;
      }
      return parseMemory(s, dialect === 'compose' ? 'compose' : 'kubernetes');
    case 'setting':
      if (settingUnit === 'seconds') return seconds(s, /_?(MS|MILLIS|MILLISECONDS)$/i.test(settingName ?? '') ? 'ms' : 's');
      return /^\d+$/.test(s) ? Number(s) : undefined;
    default:
      return undefined;
  }
}

/** How a value reads for people: `500m (0.5 cores)`, `512Mi (512 MiB)`, `512 (0.5 vCPU)`. */
export function describeValue(target: Pick<ChangeTarget, 'kind' | 'unit' | 'dialect'>, literal: string, value: number | undefined): string {
  const s = unquote(literal);
  if (value === undefined) return s;
  if (target.unit === 'cores') {
    return `${s} (${value === 1 ? '1 core' : `${+value.toFixed(3)} cores`})`;
  }
  if (target.unit === 'bytes') return `${s} (${formatBytes(value)})`;
  if (target.unit === 'percent') return `${s}%`;
  if (target.unit === 'seconds') return /^\d+(\.\d+)?$/.test(s) && value !== Number(s) ? `${s} (${value} s)` : s;
  return s;
}

export function literalType(target: ChangeTarget): LiteralType {
  switch (target.kind) {
    case 'replicas':
    case 'minReplicas':
    case 'maxReplicas':
    case 'targetCpuUtilization':
      return 'number';
    case 'env':
      return 'string';
    case 'setting':
      // Settings read from env values are strings there (a Kubernetes env value must be one); fly and HCL keep theirs.
      return target.setting && /^[A-Z_][A-Z0-9_]*$/.test(target.setting.name) ? 'string' : target.dialect === 'terraform' ? 'quantity' : 'number';
    case 'cpuRequest':
    case 'cpuLimit':
    case 'memoryRequest':
    case 'memoryLimit':
      // `500m`, `"1"`, `512`: a number or a string, whichever the recipe had; quotes are kept as written.
      return 'quantity';
    default:
      return 'string';
  }
}

/** What to type, for the input box's placeholder: in the recipe's own units. */
export function inputHint(target: ChangeTarget): string {
  const d = target.dialect;
  switch (target.unit) {
    case 'count':
      return 'a whole number, e.g. 6';
    case 'percent':
      return 'a percentage of the CPU request, e.g. 70';
    case 'cores':
      return d === 'terraform' ? 'CPU units (1024 = 1 vCPU), e.g. 1024' : d === 'compose' ? 'cores as a decimal, e.g. 0.75' : d === 'fly' ? 'a whole number of CPUs, e.g. 2' : 'a Kubernetes quantity, e.g. 750m or 1.5';
    case 'bytes':
      return d === 'terraform' ? 'MiB, e.g. 2048' : d === 'compose' ? 'a size, e.g. 768M or 1G' : d === 'fly' ? 'MB, e.g. 1024 or "2gb"' : 'a Kubernetes quantity, e.g. 768Mi or 1Gi';
    case 'seconds':
      return /_?(MS|MILLIS)/i.test(target.setting?.name ?? '') ? 'milliseconds, e.g. 5000' : 'seconds (or 30s, 2m), e.g. 30';
    default:
      return 'the value';
  }
}

function parse(target: ChangeTarget, raw: string): Checked {
  const s = unquote(raw);
  if (target.kind === 'env' || target.kind === 'freeText') return { ok: true, literal: s };
  const settingUnit = target.unit === 'seconds' ? 'seconds' : 'count';
  const value = parseLiteral(target.kind, target.dialect, s, settingUnit, target.setting?.name);
  if (value === undefined || !Number.isFinite(value)) return { ok: false, message: `"${s}" is not ${inputHint(target)}.` };
  switch (target.kind) {
    case 'replicas':
      return value <= 10_000 ? { ok: true, literal: s, value } : { ok: false, message: `${s} replicas is more than Ops Lens will request (at most 10000).` };
    case 'minReplicas':
    case 'maxReplicas':
      return value >= 1 && value <= 10_000 ? { ok: true, literal: s, value } : { ok: false, message: `An autoscaler's ${target.kind === 'minReplicas' ? 'minimum' : 'maximum'} must be between 1 and 10000.` };
    case 'targetCpuUtilization':
      return value >= 1 && value <= 1000 ? { ok: true, literal: s, value } : { ok: false, message: 'The CPU target is a percentage of the request between 1 and 1000 (usually 50–80).' };
    case 'cpuRequest':
    case 'cpuLimit':
    case 'memoryRequest':
    case 'memoryLimit':
      return value > 0 ? { ok: true, literal: s, value } : { ok: false, message: `${target.label} must be more than zero.` };
    case 'setting':
      return value > 0 ? { ok: true, literal: s, value } : { ok: false, message: `${target.label} must be more than zero.` };
    default:
      return { ok: true, literal: s, value };
  }
}

function crossCheck(kind: ChangeKind, checked: Checked & { ok: true }, sib: Siblings, dialect: RecipeDialect): Checked {
  const v = checked.value;
  if (v === undefined) return checked;
  const cores = (n: number) => (dialect === 'terraform' ? `${n * 1024} CPU units` : formatCores(n));
  if (kind === 'minReplicas' && sib.maxReplicas !== undefined && v > sib.maxReplicas) return { ok: false, message: `The minimum (${v}) cannot be above the maximum (${sib.maxReplicas}): raise the maximum first.` };
  if (kind === 'maxReplicas' && sib.minReplicas !== undefined && v < sib.minReplicas) return { ok: false, message: `The maximum (${v}) cannot be below the minimum (${sib.minReplicas}).` };
  if (kind === 'cpuLimit' && sib.cpuRequest !== undefined && v < sib.cpuRequest) return { ok: false, message: `The CPU limit (${cores(v)}) cannot be below the request (${cores(sib.cpuRequest)}).` };
  if (kind === 'cpuRequest' && sib.cpuLimit !== undefined && v > sib.cpuLimit && dialect !== 'terraform') return { ok: false, message: `The CPU request (${cores(v)}) cannot be above the limit (${cores(sib.cpuLimit)}): raise the limit first.` };
  if (kind === 'memoryLimit' && sib.memoryRequest !== undefined && v < sib.memoryRequest) return { ok: false, message: `The memory limit (${formatBytes(v)}) cannot be below the request (${formatBytes(sib.memoryRequest)}).` };
  if (kind === 'memoryRequest' && sib.memoryLimit !== undefined && v > sib.memoryLimit && dialect !== 'terraform') return { ok: false, message: `The memory request (${formatBytes(v)}) cannot be above the limit (${formatBytes(sib.memoryLimit)}): raise the limit first.` };
  return checked;
}

export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}
