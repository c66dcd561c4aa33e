import type { Warning } from '../insights/warning';
import type { ChangeKind } from './changeTypes';

/**
 * What a warning's quick fix pre-fills: its service, the reason in the warning's own words, and for capacity pressure
 * the field that relieves it (the autoscaler's maximum when it is pinned, else the CPU request). The user still picks
 * the environment, sees the evidence and types the value.
 */
export function requestFromWarning(w: Warning): { service: string; reason: string; change?: ChangeKind } | undefined {
  if (!w.service) return undefined;
  const first = w.message.split(/(?<=\.)\s/)[0].trim();
  const reason = `${w.code}${w.route ? ` on ${w.route}` : ''}: ${first}`;
  let change: ChangeKind | undefined;
  if (w.code === 'capacity-pressure') change = w.evidence.autoscaler && w.evidence.autoscaler.headroom <= 0 ? 'maxReplicas' : w.evidence.cpu ? 'cpuRequest' : undefined;
  return { service: w.service, reason, ...(change ? { change } : {}) };
}
