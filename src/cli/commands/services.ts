import { analyzeCode, filesOfServices } from '../../core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { servicesForFile, type Capacity, type CapacitySetting } from '../../core/model/environment';
import type { SourceLocation } from '../../core/model/location';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { formatBytes, formatCores } from '../../core/recipes/quantities';
import { oneOf, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { cliCodeIndex, reportIndex } from '../codeIndex';
import { existingDir } from './dir';

/**
 * `ops-lens services`: the environment model, as the contract in product.md shapes it, plus (extra keys) each
 * service's environments with their capacity and recipe lines, its settings, and why it has no code link.
 * Recipe problems go to stderr, one line each, and into `problems` in JSON.
 */
export async function services(args: ParsedArgs, io: CliIo): Promise<number> {
  const dir = await existingDir(args.positional[0] ?? '.', io.cwd);
  const format = oneOf(args.flags, 'format', ['text', 'json'] as const, 'text');
  const fs = new NodeFileSystem(dir);
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  const index = cliCodeIndex(io, dir);
  const analyses = await analyzeCode(index, fs, filesOfServices(model, files), undefined, model);
  for (const p of model.problems) {
    io.err(`${p.location.file}:${p.location.range.start.line + 1}:${p.location.range.start.character + 1}: ${p.severity ?? 'error'}: ${p.message}\n`);
  }
  const shaped = model.services.map((s) => ({
    name: s.name,
    codeRoots: s.codeRoots.map((l) => l.root),
    recipes: s.recipes.map((r) => ({ file: r.location.file, line: r.location.range.start.line + 1, kind: r.kind })),
    capacity: capacityJson(s.capacity),
    link: s.codeRoots[0] ? { reason: s.codeRoots[0].reason, confidence: s.codeRoots[0].confidence } : null,
    routes: analyses
      .filter((a) => servicesForFile(model, a.file, { registersRoutes: a.routes.length > 0 }).includes(s))
      .flatMap((a) => a.routes.map((r) => ({ method: r.method, path: r.path, file: r.file, line: r.declaration.start.line + 1 }))),
    // Extra keys (the contract's come first and stay as they are).
    links: s.codeRoots.map((l) => ({ root: l.root, reason: l.reason, confidence: l.confidence, ...(l.evidence ? at(l.evidence) : {}) })),
    unlinkedReason: s.unlinkedReason ?? null,
    settings: settingsJson(s.capacity.settings),
    environments: (s.environments ?? []).map((e) => ({
      name: e.name,
      source: e.source,
      definedIn: e.definedIn,
      capacity: capacityJson(e.capacity),
      at: capacityLines(e.capacity),
      settings: settingsJson(e.capacity.settings),
    })),
  }));
  if (format === 'json') {
    const problems = model.problems.map((p) => ({ file: p.location.file, line: p.location.range.start.line + 1, severity: p.severity ?? 'error', message: p.message }));
    io.out(JSON.stringify({ services: shaped, problems }, null, 2) + '\n');
    await reportIndex(index, io);
    return 0;
  }
  for (const s of shaped) {
    io.out(`${s.name}${s.codeRoots.length ? `  → ${s.codeRoots.join(', ')}` : '  (no code linked)'}\n`);
    if (s.link) io.out(`  linked: ${s.link.reason} [${s.link.confidence}]\n`);
    else if (s.unlinkedReason) io.out(`  not linked: ${s.unlinkedReason}\n`);
    for (const e of s.environments) {
      const cap = Object.entries(e.capacity).map(([k, v]) => `${k} ${v}`).join(', ');
      io.out(`  ${e.name} (${e.source}, ${e.definedIn})${cap ? `: ${cap}` : ''}\n`);
    }
    if (s.settings.length) io.out(`  settings: ${s.settings.map((x) => `${x.name}=${x.value}`).join(', ')}\n`);
    for (const r of s.routes) io.out(`  ${r.method} ${r.path}  ${r.file}:${r.line}\n`);
  }
  await reportIndex(index, io);
  return 0;
}

function capacityJson(c: Capacity): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  if (c.replicas) out.replicas = c.replicas.value;
  if (c.autoscaling?.minReplicas) out.minReplicas = c.autoscaling.minReplicas.value;
  if (c.autoscaling?.maxReplicas) out.maxReplicas = c.autoscaling.maxReplicas.value;
  if (c.autoscaling?.targetCpuUtilization) out.targetCpuUtilization = c.autoscaling.targetCpuUtilization.value;
  if (c.cpuRequest) out.cpuRequest = formatCores(c.cpuRequest.value);
  if (c.cpuLimit) out.cpuLimit = formatCores(c.cpuLimit.value);
  if (c.memoryRequest) out.memoryRequest = formatBytes(c.memoryRequest.value);
  if (c.memoryLimit) out.memoryLimit = formatBytes(c.memoryLimit.value);
  return out;
}

/** `file:line` of each capacity value, so a reader can go to the recipe line that sets it. */
function capacityLines(c: Capacity): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, loc: SourceLocation | undefined) => {
    if (loc) out[k] = `${loc.file}:${loc.range.start.line + 1}`;
  };
  put('replicas', c.replicas?.location);
  put('minReplicas', c.autoscaling?.minReplicas?.location);
  put('maxReplicas', c.autoscaling?.maxReplicas?.location);
  put('targetCpuUtilization', c.autoscaling?.targetCpuUtilization?.location);
  put('cpuRequest', c.cpuRequest?.location);
  put('cpuLimit', c.cpuLimit?.location);
  put('memoryRequest', c.memoryRequest?.location);
  put('memoryLimit', c.memoryLimit?.location);
  return out;
}

function settingsJson(settings: CapacitySetting[] | undefined) {
  return (settings ?? []).map((s) => ({ kind: s.kind, name: s.name, value: s.value, ...at(s.location) }));
}

function at(loc: SourceLocation): { file: string; line: number } {
  return { file: loc.file, line: loc.range.start.line + 1 };
}

