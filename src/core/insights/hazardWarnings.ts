import type { Hazard, RouteKey } from '../code/codeModel';
import { routeLabel } from '../code/codeModel';
import type { Service } from '../model/environment';
import { formatBytes, formatCores } from '../recipes/quantities';
import { sameRoute } from '../signals/routeTemplates';
import type { RouteSignals, ServiceSignals, SignalSet } from '../signals/signalSet';
import { decideSeverity, formatRate, type SeverityRules } from './severityRules';
import type { Evidence, RelatedLocation, Warning } from './warning';

/** Joins one hazard with its service's capacity and the production signals of the routes that reach it. */
export function warningForHazard(
  hazard: Hazard,
  service: Service | undefined,
  serviceSignals: ServiceSignals | undefined,
  signals: SignalSet | undefined,
  rules: SeverityRules,
  sameLoop: readonly Hazard[] = [],
): Warning {
  const hottest = hottestRoute(hazard.routes, serviceSignals);
  const route = hottest?.key ?? hazard.routes[0];
  const rps = hottest?.signals.requestRate.value;
  const autoscaler = serviceSignals?.autoscaler;
  const task = route ? undefined : hazard.tasks?.[0];
  const { severity, reason } = decideSeverity({ rps, autoscalerHeadroom: autoscaler?.headroom, onRoute: !!route, task }, rules);

  const evidence: Evidence = { severityReason: reason };
  if (task) evidence.tasks = hazard.tasks;
  if (signals) {
    evidence.source = signals.source.kind === 'prometheus' ? signals.source.url : `snapshot ${signals.source.file}`;
    evidence.evaluatedAt = signals.evaluatedAt;
    evidence.window = signals.window;
  }
  if (hottest) {
    evidence.requestRate = hottest.signals.requestRate;
    evidence.p95Seconds = hottest.signals.p95Seconds;
    evidence.errorRatio = hottest.signals.errorRatio;
  }
  if (autoscaler) {
    evidence.autoscaler = {
      name: autoscaler.name,
      current: autoscaler.currentReplicas,
      max: autoscaler.maxReplicas,
      headroom: autoscaler.headroom,
    };
  }
  const cpu = serviceSignals?.cpu;
  if (cpu) evidence.cpu = { used: cpu.usedCores, request: cpu.requestCores, ratio: cpu.ratio };
  if (hazard.loop) evidence.loop = { kind: hazard.loop.kind, mode: hazard.loop.mode };
  if (sameLoop.length) evidence.sameLoop = sameLoop.map((h) => ({ line: h.range.start.line + 1, callee: h.callee }));

  const parts: string[] = [hazard.explanation];
  if (sameLoop.length) parts.push(sameLoopSentence(hazard, sameLoop));
  let estimate: string | undefined;
  if (rps !== undefined && route) {
    parts.unshift(`${routeLabel(route)} serves ${formatRate(rps)} req/s${hottest?.signals.p95Seconds ? ` (p95 ${ms(hottest.signals.p95Seconds.value)})` : ''}.`);
    // Only a query or call per item multiplies the route's rate by the items (a blocking call or an unbounded query
    // runs once per request).
    if (hazard.code === 'query-in-loop' || hazard.code === 'call-in-loop') {
      estimate = `≈ ${formatRate(rps)} req/s × N items → ${formatRate(rps)}·N ${hazard.code === 'query-in-loop' ? 'queries' : 'calls'}/s`;
      parts.push(`${estimate}.`);
    }
  } else if (route) {
    parts.unshift(`On ${routeLabel(route)}.`);
  } else if (task) {
    const more = hazard.tasks!.length - 1;
    parts.unshift(`In ${task}${more ? `, and ${more} more background task${more > 1 ? 's' : ''}` : ''}.`);
  }
  // A helper reached from several handlers: the warning names one route, the others are said here.
  const others = hazard.routes.filter((r) => r !== route);
  if (route && others.length) {
    evidence.otherRoutes = others.map(routeLabel);
    const listed = others.slice(0, 3).map(routeLabel).join(', ');
    parts.splice(1, 0, `Also reached from ${listed}${others.length > 3 ? ` and ${others.length - 3} more` : ''}.`);
  }
  if (autoscaler) {
    parts.push(
      `Autoscaler ${autoscaler.name} at ${autoscaler.currentReplicas.value}/${autoscaler.maxReplicas.value} replicas` +
        (autoscaler.headroom <= 0 ? ' (no headroom).' : ` (headroom ${autoscaler.headroom}).`),
    );
  }
  if (cpu?.ratio !== undefined) parts.push(`CPU at ${Math.round(cpu.ratio * 100)}% of request.`);
  // Every warning says why it has its severity.
  parts.push(`Severity ${reason}.`);

  return {
    code: hazard.code,
    severity,
    file: hazard.file,
    range: hazard.range,
    service: service?.name,
    route: route ? routeLabel(route) : null,
    message: parts.join(' '),
    estimate,
    evidence,
    related: [...sameLoop.map((h) => ({ location: { file: h.file, range: h.range }, message: `${h.callee}, in the same loop` })), ...relatedLocations(service)],
    fingerprint: hazardFingerprint(hazard.code, hazard.file, route ? routeLabel(route) : null, hazard.callee),
  };
}

/** What a snooze matches of a hazard's warning: no line, so that it survives edits that move the code. */
export function hazardFingerprint(code: string, file: string, route: string | null, callee: string): string {
  return `${code}:${file}:${route ?? ''}:${callee}`;
}

/** The other queries or calls of the loop, which the warning stands for: "The same loop also makes 2 more queries: …". */
function sameLoopSentence(hazard: Hazard, sameLoop: readonly Hazard[]): string {
  const n = sameLoop.length;
  const what = hazard.code === 'query-in-loop' ? (n > 1 ? 'queries' : 'query') : n > 1 ? 'calls' : 'call';
  const listed = sameLoop.slice(0, 3).map((h) => `${h.callee} (line ${h.range.start.line + 1})`);
  const more = n > 3 ? `, and ${n - 3} more` : '';
  return `The same loop also makes ${n} more ${what}: ${listed.join(', ')}${more}.`;
}

/** The recipe lines a warning depends on: the autoscaler's limit, and the CPU request it is measured against. */
function relatedLocations(service: Service | undefined): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const cap = service?.capacity;
  const hpa = cap?.autoscaling;
  if (hpa?.maxReplicas) {
    out.push({
      location: hpa.maxReplicas.location,
      message: `Autoscaler ${hpa.name}: maxReplicas ${hpa.maxReplicas.value}${hpa.minReplicas ? ` (min ${hpa.minReplicas.value})` : ''}`,
    });
  } else if (cap?.replicas) {
    out.push({ location: cap.replicas.location, message: `${service!.name}: replicas ${cap.replicas.value}` });
  }
  if (cap?.cpuRequest) {
    out.push({ location: cap.cpuRequest.location, message: `${service!.name}: CPU request ${formatCores(cap.cpuRequest.value)} per pod` });
  }
  if (cap?.memoryLimit) {
    out.push({ location: cap.memoryLimit.location, message: `${service!.name}: memory limit ${formatBytes(cap.memoryLimit.value)} per pod` });
  }
  return out;
}

function hottestRoute(routes: RouteKey[], signals: ServiceSignals | undefined): { key: RouteKey; signals: RouteSignals } | undefined {
  let best: { key: RouteKey; signals: RouteSignals } | undefined;
  for (const key of routes) {
    const s = findRouteSignals(signals, key);
    if (s && (!best || s.requestRate.value > best.signals.requestRate.value)) best = { key, signals: s };
  }
  return best;
}

/**
 * The signals of a route: the same method, or either side any method (a route the code does not limit; a metric
 * with no method label, as go-zero's before 1.5, counts the path's requests whatever their method).
 */
export function findRouteSignals(signals: ServiceSignals | undefined, key: RouteKey): RouteSignals | undefined {
  return signals?.routes.find((r) => (r.method === key.method || key.method === 'ANY' || r.method === 'ANY') && sameRoute(r.route, key.path));
}

function ms(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}
