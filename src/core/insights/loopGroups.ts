import type { Hazard } from '../code/codeModel';

/** A hazard, and the others of its code in the same loop, said in its one warning. */
export interface LoopGroup {
  hazard: Hazard;
  sameLoop: Hazard[];
}

/**
 * One warning per loop, not per query: a loop whose body makes 30 queries (a stats view's per-user loop) had given
 * 30 warnings that all say the same thing. Queries and calls of one loop become one group each, headed by the first
 * one in the file; its routes and tasks are those of all of them. Other hazards are groups of one.
 */
export function groupByLoop(hazards: readonly Hazard[]): LoopGroup[] {
  const out: LoopGroup[] = [];
  const byLoop = new Map<string, LoopGroup>();
  const sorted = [...hazards].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const hazard of sorted) {
    const loop = hazard.loop;
    if (!loop || (hazard.code !== 'query-in-loop' && hazard.code !== 'call-in-loop')) {
      out.push({ hazard, sameLoop: [] });
      continue;
    }
    const key = `${hazard.file}|${hazard.code}|${loop.mode}|${rangeKey(loop.range)}`;
    const group = byLoop.get(key);
    if (!group) {
      const head = { hazard, sameLoop: [] };
      byLoop.set(key, head);
      out.push(head);
      continue;
    }
    group.sameLoop.push(hazard);
    group.hazard = { ...group.hazard, routes: union(group.hazard.routes, hazard.routes, (r) => `${r.method} ${r.path}`) };
    if (hazard.tasks) group.hazard.tasks = union(group.hazard.tasks ?? [], hazard.tasks, (t) => t);
  }
  return out;
}

function rangeKey(r: Hazard['range']): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
}

