import type { VectorSample } from './prometheusClient';

/**
 * Several PromQL expressions in ONE request: each expression after the first gets a distinguishing label
 * (`label_replace(expr, tag, "name", "", "")` sets a label on every sample) and the results are `or`-ed.
 * The first expression stays untagged, so it reads as plain PromQL in the log and keeps its own shape.
 * This is what keeps a refresh's request count constant: more parts add text to a query, not requests.
 */
export function taggedUnion(tag: string, parts: { name: string; expr: string }[]): string {
  return parts
    .map((p, i) => (i === 0 ? p.expr : `label_replace(${p.expr}, "${tag}", "${p.name}", "", "")`))
    .join(' or ');
}

/** Splits the answer of a `taggedUnion` back into its parts (untagged samples belong to the first part). */
export function splitUnion(tag: string, parts: { name: string }[], samples: VectorSample[]): Map<string, VectorSample[]> {
  const out = new Map<string, VectorSample[]>(parts.map((p) => [p.name, []]));
  for (const s of samples) {
    const name = s.metric[tag] ?? parts[0]?.name;
    if (name !== undefined) out.get(name)?.push(s);
  }
  return out;
}

/** A label value inside double quotes. */
export function quote(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** RE2 alternation matching exactly these strings: `^(a|b\.c)$` as Prometheus anchors it. */
export function alternation(values: Iterable<string>): string {
  return [...new Set(values)].sort().map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** Matchers joined for a selector, empty ones dropped: `{a="x", b=~"y"}` or `` when there are none. */
export function selector(...matchers: (string | undefined)[]): string {
  const m = matchers.filter((x): x is string => !!x);
  return m.length ? `{${m.join(', ')}}` : '';
}

/** PromQL durations such as `5m`, `1h`, `1h30m`, `7d`. */
export function isDuration(v: string): boolean {
  return /^(\d+(ms|s|m|h|d|w|y))+$/.test(v);
}
