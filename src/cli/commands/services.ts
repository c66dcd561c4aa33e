import { CodeIndex } from '../../core/analysis/codeIndex';
import { analyzeCode, filesOfServices } from '../../core/analysis/workspaceAnalysis';
import { Grammars } from '../../core/code/treeSitter';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { serviceForFile, type Service } from '../../core/model/environment';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { formatBytes, formatCores } from '../../core/recipes/quantities';
import { oneOf, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { wasmDir } from '../wasmDir';
import { existingDir } from './dir';

/** `ops-lens services`: the environment model, as the contract in product.md shapes it. */
export async function services(args: ParsedArgs, io: CliIo): Promise<number> {
  const dir = await existingDir(args.positional[0] ?? '.', io.cwd);
  const format = oneOf(args.flags, 'format', ['text', 'json'] as const, 'text');
  const fs = new NodeFileSystem(dir);
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  const analyses = await analyzeCode(new CodeIndex(new Grammars(wasmDir())), fs, filesOfServices(model, files));
  const shaped = model.services.map((s) => ({
    name: s.name,
    codeRoots: s.codeRoots.map((l) => l.root),
    recipes: s.recipes.map((r) => ({ file: r.location.file, line: r.location.range.start.line + 1, kind: r.kind })),
    capacity: capacityJson(s),
    link: s.codeRoots[0] ? { reason: s.codeRoots[0].reason, confidence: s.codeRoots[0].confidence } : null,
    routes: analyses
      .filter((a) => serviceForFile(model, a.file) === s)
      .flatMap((a) => a.routes.map((r) => ({ method: r.method, path: r.path, file: r.file, line: r.declaration.start.line + 1 }))),
  }));
  if (format === 'json') {
    io.out(JSON.stringify({ services: shaped, problems: model.problems.map((p) => ({ file: p.location.file, line: p.location.range.start.line + 1, message: p.message })) }, null, 2) + '\n');
    return 0;
  }
  for (const p of model.problems) io.out(`${p.location.file}:${p.location.range.start.line + 1}: recipe: ${p.message}\n`);
  for (const s of shaped) {
    io.out(`${s.name}${s.codeRoots.length ? `  → ${s.codeRoots.join(', ')}` : '  (no code linked)'}\n`);
    if (s.link) io.out(`  linked: ${s.link.reason} [${s.link.confidence}]\n`);
    const cap = Object.entries(s.capacity).map(([k, v]) => `${k} ${v}`).join(', ');
    if (cap) io.out(`  capacity: ${cap}\n`);
    for (const r of s.routes) io.out(`  ${r.method} ${r.path}  ${r.file}:${r.line}\n`);
  }
  return 0;
}

function capacityJson(s: Service): Record<string, number | string> {
  const c = s.capacity;
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
