import type { Service } from '../model/environment';
import type { SourceLocation } from '../model/location';
import { formatCores } from '../recipes/quantities';
import type { ServiceSignals, SignalSet } from '../signals/signalSet';
import type { SeverityRules } from './severityRules';
import type { Evidence, Warning } from './warning';

/**
 * `capacity-pressure` on recipe lines, only where production shows pressure (an autoscaler pinned at its
 * maximum, CPU at or above its request): never for a field that is merely missing.
 */
export function capacityWarnings(service: Service, signals: ServiceSignals | undefined, set: SignalSet | undefined, rules: SeverityRules): Warning[] {
  if (!signals) return [];
  const out: Warning[] = [];
  const base = (): Evidence => ({
    severityReason: '',
    source: set ? (set.source.kind === 'prometheus' ? set.source.url : `snapshot ${set.source.file}`) : undefined,
    evaluatedAt: set?.evaluatedAt,
    window: set?.window,
  });
  const hpa = service.capacity.autoscaling;
  const a = signals.autoscaler;
  const cpuRatio = signals.cpu?.ratio;
  const cpuText = cpuRatio !== undefined ? ` CPU at ${Math.round(cpuRatio * 100)}% of request.` : '';

  if (a && hpa && a.headroom <= 0) {
    const at: SourceLocation = hpa.maxReplicas?.location ?? hpa.location;
    const evidence = { ...base(), autoscaler: { name: a.name, current: a.currentReplicas, max: a.maxReplicas, headroom: a.headroom } };
    const cpuHot = cpuRatio !== undefined && cpuRatio >= rules.cpuPressureRatio;
    evidence.severityReason = cpuHot
      ? `error: the autoscaler cannot add replicas and CPU is at ${Math.round(cpuRatio! * 100)}% of request`
      : 'warning: the autoscaler cannot add replicas';
    if (signals.cpu) evidence.cpu = { used: signals.cpu.usedCores, request: signals.cpu.requestCores, ratio: cpuRatio };
    out.push({
      code: 'capacity-pressure',
      severity: cpuHot ? 'error' : 'warning',
      file: at.file,
      range: at.range,
      service: service.name,
      route: null,
      message:
        `Autoscaler ${a.name} is pinned at its maximum: ${a.currentReplicas.value}/${a.maxReplicas.value} replicas in production.${cpuText} ` +
        `More load cannot be absorbed by scaling out. Severity ${evidence.severityReason}.`,
      evidence,
      related: [],
      fingerprint: `capacity-pressure:${service.name}:autoscaler`,
    });
  }
  const cpuRequest = service.capacity.cpuRequest;
  if (cpuRequest && signals.cpu && cpuRatio !== undefined && cpuRatio >= rules.cpuPressureRatio) {
    const evidence = { ...base(), cpu: { used: signals.cpu.usedCores, request: signals.cpu.requestCores, ratio: cpuRatio } };
    evidence.severityReason = `warning: CPU used is ${Math.round(cpuRatio * 100)}% of the request (threshold ${Math.round(rules.cpuPressureRatio * 100)}%)`;
    out.push({
      code: 'capacity-pressure',
      severity: 'warning',
      file: cpuRequest.location.file,
      range: cpuRequest.location.range,
      service: service.name,
      route: null,
      message:
        `${service.name} uses ${formatCores(signals.cpu.usedCores.value)} CPU against ${signals.cpu.requestCores ? formatCores(signals.cpu.requestCores.value) : '?'} requested ` +
        `(${Math.round(cpuRatio * 100)}%) in production: pods are scheduled for less than they use. Severity ${evidence.severityReason}.`,
      evidence,
      related: [],
      fingerprint: `capacity-pressure:${service.name}:cpu-request`,
    });
  }
  return out;
}
