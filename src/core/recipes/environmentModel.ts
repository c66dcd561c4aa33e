import { posix } from 'node:path';
import type { FileSystem } from '../host/fileSystem';
import type { Logger } from '../host/logger';
import type { CodeLink, EnvironmentModel, RecipeProblem, Service } from '../model/environment';
import type { SourceLocation } from '../model/location';
import { readCompose } from './compose';
import { looksLikeKubernetes, recipeFormatOf } from './discovery';
import { readKubernetes } from './kubernetes';
import { emptyRecipeSet, type RecipeSet, type WorkloadRecipe } from './recipeTypes';
import { YamlSource } from './yamlSource';

/** Reads every recipe in the file list and joins them into services linked to their code. */
export async function buildEnvironmentModel(fs: FileSystem, files: string[], log?: Logger): Promise<EnvironmentModel> {
  const all = new Set(files);
  const recipes = emptyRecipeSet();
  const problems: RecipeProblem[] = [];
  for (const file of files) {
    const format = recipeFormatOf(file, all);
    if (!format) continue;
    let text: string;
    try {
      text = await fs.readText(file);
    } catch (e) {
      log?.warn(`cannot read ${file}: ${(e as Error).message}`);
      continue;
    }
    if (format === 'kubernetes' && !looksLikeKubernetes(text)) continue;
    const src = new YamlSource(file, text);
    if (format === 'compose') readCompose(src, recipes);
    else readKubernetes(src, recipes);
    problems.push(...src.problems);
  }
  return { services: joinServices(recipes, files), problems };
}

export function joinServices(recipes: RecipeSet, files: string[]): Service[] {
  const services = new Map<string, Service>();
  const byWorkload = new Map<string, Service>();
  const key = (name: string, namespace?: string) => `${namespace ?? ''}/${name}`;

  for (const w of recipes.workloads) {
    const name = w.appLabel ?? w.name;
    const service = getOrCreate(services, name, w.namespace);
    service.workload = w.name;
    service.recipes.push({ kind: `kubernetes/${w.kind}`, name: w.name, location: w.location });
    applyWorkload(service, w);
    byWorkload.set(key(w.name, w.namespace), service);
  }
  for (const hpa of recipes.autoscalers) {
    if (hpa.targetKind && !['Deployment', 'StatefulSet'].includes(hpa.targetKind)) continue;
    const service = hpa.targetName
      ? (byWorkload.get(key(hpa.targetName, hpa.namespace)) ?? byWorkload.get(key(hpa.targetName)))
      : undefined;
    if (!service) continue;
    service.recipes.push({ kind: 'kubernetes/HorizontalPodAutoscaler', name: hpa.name, location: hpa.location });
    service.capacity.autoscaling = {
      name: hpa.name,
      location: hpa.location,
      minReplicas: hpa.minReplicas,
      maxReplicas: hpa.maxReplicas,
      targetCpuUtilization: hpa.targetCpuUtilization,
    };
  }
  for (const svc of recipes.services) {
    const target = [...services.values()].find(
      (s) => (svc.selector['app.kubernetes.io/name'] ?? svc.selector['app']) === s.name,
    );
    target?.recipes.push({ kind: 'kubernetes/Service', name: svc.name, location: svc.location });
  }
  for (const c of recipes.compose) {
    const service = services.get(c.name) ?? getOrCreate(services, c.name, undefined);
    service.recipes.push({ kind: 'compose/service', name: c.name, location: c.location });
    const cap = service.capacity;
    // Kubernetes is production; Compose only fills what production recipes leave unsaid.
    cap.replicas ??= c.replicas;
    cap.cpuRequest ??= c.cpuRequest;
    cap.cpuLimit ??= c.cpuLimit;
    cap.memoryRequest ??= c.memoryRequest;
    cap.memoryLimit ??= c.memoryLimit;
    for (const [k, v] of Object.entries(c.env)) service.env[k] ??= v;
    if (c.buildContext) {
      addLink(service, {
        root: c.buildContext.value,
        reason: `Compose service "${c.name}" builds from ${c.buildContext.value} (build.context in ${where(c.buildContext.location)})`,
        confidence: 'high',
        evidence: c.buildContext.location,
      });
    }
  }
  for (const service of services.values()) {
    if (service.codeRoots.length === 0) linkByName(service, files);
  }
  return [...services.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function getOrCreate(services: Map<string, Service>, name: string, namespace: string | undefined): Service {
  let s = services.get(name);
  if (!s) {
    s = { name, namespace, recipes: [], capacity: {}, codeRoots: [], env: {} };
    services.set(name, s);
  }
  s.namespace ??= namespace;
  return s;
}

function applyWorkload(service: Service, w: WorkloadRecipe): void {
  // The main container: the one named like the workload, else the first (sidecars come later by convention).
  const main = w.containers.find((c) => c.name === w.name || c.name === service.name) ?? w.containers[0];
  const cap = service.capacity;
  cap.replicas = w.replicas ?? cap.replicas;
  if (main) {
    cap.cpuRequest = main.cpuRequest ?? cap.cpuRequest;
    cap.cpuLimit = main.cpuLimit ?? cap.cpuLimit;
    cap.memoryRequest = main.memoryRequest ?? cap.memoryRequest;
    cap.memoryLimit = main.memoryLimit ?? cap.memoryLimit;
    Object.assign(service.env, main.env);
  }
}

function addLink(service: Service, link: CodeLink): void {
  if (!service.codeRoots.some((l) => l.root === link.root)) service.codeRoots.push(link);
}

/** Weakest link: a source folder named after the service that holds a Dockerfile or a package manifest. */
function linkByName(service: Service, files: string[]): void {
  const markers = /(^|\/)(Dockerfile|package\.json|pyproject\.toml|requirements\.txt|go\.mod|pom\.xml|build\.gradle)$/;
  const candidates = new Set<string>();
  for (const f of files) {
    if (!markers.test(f)) continue;
    const dir = posix.dirname(f);
    if (posix.basename(dir) === service.name) candidates.add(dir);
  }
  if (candidates.size === 1) {
    const [root] = candidates;
    addLink(service, { root, reason: `folder ${root} is named after the service and holds a build file`, confidence: 'low' });
  }
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.range.start.line + 1}`;
}
