import { parseDocument } from 'yaml';
import { HTTP_CONVENTIONS, type HttpConvention } from './httpConventions';
import { OPS_LENS_YAML } from '../config/opsLensConfig';

/**
 * The `signals:` section of `.ops-lens.yaml`, for metrics no built-in convention knows:
 *
 *   signals:
 *     serviceLabel: service_name        # where the built-in conventions find the service (default: job)
 *     conventions:
 *       - id: payments-http
 *         histogram: payments_latency_seconds   # or `count: payments_requests_total` without buckets
 *         route: endpoint
 *         method: verb                  # default: method
 *         status: code                  # default: status
 *         serverErrors: "5.."           # default
 *         serviceLabel: app             # default: job
 *         unit: milliseconds            # default: seconds
 *
 * Custom conventions are tried before the built-in ones.
 */
export interface SignalsConfig {
  conventions: HttpConvention[];
  /** Each problem names the key it is about; the rest of the file still applies. */
  problems: string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function parseSignalsConfig(text: string): SignalsConfig {
  const problems: string[] = [];
  const doc = parseDocument(text);
  if (doc.errors.length) return { conventions: [...HTTP_CONVENTIONS], problems: [`${OPS_LENS_YAML}: ${doc.errors[0].message.split('\n')[0]}`] };
  let root: Record<string, unknown> | null;
  try {
    root = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
  } catch (e) {
    return { conventions: [...HTTP_CONVENTIONS], problems: [`${OPS_LENS_YAML}: ${(e as Error).message}`] };
  }
  const signals = root && typeof root === 'object' ? root.signals : undefined;
  if (signals === undefined || signals === null) return { conventions: [...HTTP_CONVENTIONS], problems };
  if (typeof signals !== 'object' || Array.isArray(signals)) {
    return { conventions: [...HTTP_CONVENTIONS], problems: [`${OPS_LENS_YAML}: signals should be a map`] };
  }
  const s = signals as Record<string, unknown>;
  let serviceLabel = 'job';
  if (s.serviceLabel !== undefined) {
    if (typeof s.serviceLabel === 'string' && LABEL.test(s.serviceLabel)) serviceLabel = s.serviceLabel;
    else problems.push(`${OPS_LENS_YAML}: signals.serviceLabel should be a label name, got ${JSON.stringify(s.serviceLabel)}`);
  }
  const custom: HttpConvention[] = [];
  const list = s.conventions ?? [];
  if (!Array.isArray(list)) problems.push(`${OPS_LENS_YAML}: signals.conventions should be a list`);
  else list.forEach((item, i) => {
    const c = customConvention(item, `signals.conventions[${i}]`, serviceLabel, problems);
    // Ids tag query results, so they must be unique.
    if (c && [...custom, ...HTTP_CONVENTIONS].some((o) => o.id === c.id)) c.id = `${c.id}-${i + 1}`;
    if (c) custom.push(c);
  });
  return { conventions: [...custom, ...HTTP_CONVENTIONS.map((c) => ({ ...c, serviceLabel }))], problems };
}

function customConvention(item: unknown, where: string, serviceLabel: string, problems: string[]): HttpConvention | undefined {
  const bad = (what: string) => {
    problems.push(`${OPS_LENS_YAML}: ${where} ${what}; this convention is ignored`);
    return undefined;
  };
  if (!item || typeof item !== 'object' || Array.isArray(item)) return bad('should be a map');
  const o = item as Record<string, unknown>;
  const str = (k: string, fallback?: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim() : fallback);
  const histogram = str('histogram')?.replace(/_(bucket|count|sum)$/, '');
  const count = str('count');
  if (!histogram && !count) return bad('needs histogram: (a latency histogram) or count: (a request counter)');
  for (const m of [histogram, count]) if (m && !NAME.test(m)) return bad(`names an invalid metric "${m}"`);
  const route = str('route');
  if (!route) return bad('needs route: (the label holding the route template)');
  const labels = { route, method: str('method', 'method')!, status: str('status', 'status')!, serviceLabel: str('serviceLabel', serviceLabel)! };
  for (const [k, v] of Object.entries(labels)) if (!LABEL.test(v)) return bad(`has an invalid label name ${k}: "${v}"`);
  const unit = str('unit', 'seconds');
  if (unit !== 'seconds' && unit !== 'milliseconds') return bad(`unit should be seconds or milliseconds, got "${unit}"`);
  const id = str('id');
  return {
    // The id becomes a label value through label_replace, where `$` would be expanded.
    id: id && /^[\w.-]+$/.test(id) ? id : `custom-${histogram ?? count}`,
    countMetric: count ?? `${histogram}_count`,
    bucketMetric: histogram ? `${histogram}_bucket` : undefined,
    sumMetric: histogram ? `${histogram}_sum` : undefined,
    routeLabel: labels.route,
    methodLabel: labels.method,
    statusLabel: labels.status,
    serverErrors: str('serverErrors', '5..')!,
    serviceLabel: labels.serviceLabel,
    unitsPerSecond: unit === 'milliseconds' ? 1000 : 1,
  };
}

/** Reads `.ops-lens.yaml` through any reader; a missing file means the built-in conventions. */
export async function loadSignalsConfig(readText: (file: string) => Promise<string>): Promise<SignalsConfig> {
  let text: string;
  try {
    text = await readText(OPS_LENS_YAML);
  } catch {
    return { conventions: [...HTTP_CONVENTIONS], problems: [] };
  }
  return parseSignalsConfig(text);
}
