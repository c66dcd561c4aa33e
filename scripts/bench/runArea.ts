// Runs one area's benchmark in a process of its own and writes its rows as JSON to the file named second:
//   node dist/bench/runArea.js <area> <out.json>        (built by `node esbuild.config.mjs`; from source, with
//   node --import tsx scripts/bench/runArea.ts …, tsx's wrappers slow the code timed by a few per cent)
// scripts/bench.ts starts one such process per area, so no area's heap or warmed-up code weighs on another's timings.
import { writeFileSync } from 'node:fs';
import { bench as editLatency } from './editLatency';
import { bench as signalsRefresh } from './signals';
import { bench as releasesTimeline } from './releases';
import { bench as codeAnalysis } from './code';
import { bench as recipeDiscovery } from './recipes';
import { bench as changeRequests } from './changes';

export interface Row {
  name: string;
  value: string;
  detail: string;
}

/** Each area's benchmark lives in scripts/bench/<area>.ts and exports bench(): one import and one entry each. */
export const AREAS: Record<string, () => Promise<Row[]>> = {
  'edit latency': editLatency,
  'signals refresh': signalsRefresh,
  'releases timeline': releasesTimeline,
  'code analysis': codeAnalysis,
  'recipe discovery': recipeDiscovery,
  'change requests': changeRequests,
};

async function main(): Promise<void> {
  const [area, out] = process.argv.slice(2);
  const run = AREAS[area];
  if (!run || !out) throw new Error(`usage: runArea.ts <${Object.keys(AREAS).join(' | ')}> <out.json>`);
  writeFileSync(out, JSON.stringify(await run()));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`bench area failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
