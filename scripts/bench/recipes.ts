// Recipe discovery and parsing on a generated monorepo of 10,000 files and 500 recipes, against the bare time to
// read and YAML-parse the same 500 files (given their paths: no walk), measured in the same run, alternating.
//   node --import tsx scripts/bench/recipes.ts      (or as part of `npm run bench`)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { NodeFileSystem } from '../../src/core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../src/core/recipes/recipeFile';
import { median } from './stats';

export interface BenchRow {
  name: string;
  value: string;
  detail: string;
}

const SERVICES = 100;
const FILES = 10_000;
const RUNS = 9;

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  labels:
    app.kubernetes.io/name: svc-${i}
spec:
  replicas: ${1 + (i % 5)}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: svc-${i}
    spec:
      containers:
        - name: svc-${i}
          image: registry.example.com/shop/svc-${i}:1.${i}
          envFrom:
            - configMapRef:
                name: svc-${i}-config
          env:
            - name: DB_POOL_MAX
              value: "${10 + i}"
            - name: REQUEST_TIMEOUT_MS
              value: "2500"
          resources:
            requests:
              cpu: ${100 + i}m
              memory: ${128 + i}Mi
            limits:
              cpu: "1"
              memory: 1Gi
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            timeoutSeconds: 2
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: svc-${i}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: svc-${i}
  minReplicas: 2
  maxReplicas: ${6 + i}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector:
    app.kubernetes.io/name: svc-${i}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: svc-${i}-config
data:
  LOG_LEVEL: info
  WORKERS: "4"
`;
}

/** Writes the monorepo; returns its folder and the recipe paths (the baseline's input). */
export function generateMonorepo(): { dir: string; recipes: string[]; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-bench-recipes-'));
  const recipes: string[] = [];
  let files = 0;
  const write = (path: string, text: string, recipe = false) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
    if (recipe) recipes.push(path);
  };
  write('.gitignore', 'node_modules/\ndist/\n');
  for (let i = 0; i < SERVICES; i++) {
    const d = `deploy/svc-${i}`;
    write(`${d}/base/deployment.yaml`, deployment(i), true);
    write(`${d}/base/kustomization.yaml`, 'resources:\n  - deployment.yaml\n', true);
    write(`${d}/overlays/prod/kustomization.yaml`, `resources:\n  - ../../base\nreplicas:\n  - name: svc-${i}\n    count: ${4 + (i % 3)}\nimages:\n  - name: registry.example.com/shop/svc-${i}\n    newTag: "2.0"\npatches:\n  - target: { kind: HorizontalPodAutoscaler, name: svc-${i} }\n    patch: |-\n      apiVersion: autoscaling/v2\n      kind: HorizontalPodAutoscaler\n      metadata:\n        name: svc-${i}\n      spec:\n        maxReplicas: ${20 + i}\n`, true);
    write(`${d}/overlays/staging/kustomization.yaml`, `resources:\n  - ../../base\nnamePrefix: staging-\nreplicas:\n  - name: svc-${i}\n    count: 1\n`, true);
    write(`charts/svc-${i}/values.yaml`, `replicaCount: 2\nimage:\n  repository: registry.example.com/shop/svc-${i}\nautoscaling:\n  enabled: true\n  minReplicas: 2\n  maxReplicas: ${10 + i}\n  targetCPUUtilizationPercentage: 75\nresources:\n  requests:\n    cpu: 250m\n    memory: 256Mi\n`, true);
    write(`services/svc-${i}/Dockerfile`, 'FROM node:20\nCOPY . .\n');
    write(`services/svc-${i}/package.json`, `{ "name": "svc-${i}" }\n`);
  }
  // Code, docs and data fill the rest: what a walk must pass over.
  for (let n = 0; files < FILES; n++) {
    const svc = n % SERVICES;
    const kind = n % 10;
    const path = kind === 9 ? `docs/svc-${svc}/page-${n}.md` : kind === 8 ? `services/svc-${svc}/test/t${n}.test.ts` : `services/svc-${svc}/src/m${n}.ts`;
    write(path, `export const v${n} = ${n};\n// ${'x'.repeat(n % 400)}\n`);
  }
  return { dir, recipes, files };
}

export async function bench(): Promise<BenchRow[]> {
  const { dir, recipes, files } = generateMonorepo();
  try {
    const bare = async () => {
      for (const f of recipes) parseAllDocuments(await readFile(join(dir, f), 'utf8'));
    };
    let services = 0;
    const cold = async () => {
      const fs = new NodeFileSystem(dir);
      const model = await buildEnvironmentModel(fs, await fs.listFiles(), { cache: new RecipeCache() });
      services = model.services.length;
    };
    const warmCache = new RecipeCache();
    const warmFs = new NodeFileSystem(dir);
    const warm = async () => {
      await buildEnvironmentModel(warmFs, await warmFs.listFiles(), { cache: warmCache });
    };
    // Warm the OS file cache and the JIT on both paths before measuring.
    await bare();
    await cold();
    await warm();
    const time = async (fn: () => Promise<void>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    const bareMs: number[] = [];
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareMs.push(await time(bare));
      coldMs.push(await time(cold));
      warmMs.push(await time(warm));
    }
    const ratio = median(coldMs) / median(bareMs);
    return [
      {
        name: 'recipes: discover + parse + model vs read+YAML-parse',
        value: `${ratio.toFixed(2)}×`,
        detail: `${median(coldMs).toFixed(0)} ms vs ${median(bareMs).toFixed(0)} ms (median of ${RUNS}; ${files} files walked, ${recipes.length} recipes, ${services} services; goal < 1.5×)`,
      },
      {
        name: 'recipes: rebuild with nothing changed (cache)',
        value: `${(median(warmMs) / median(bareMs)).toFixed(2)}×`,
        detail: `${median(warmMs).toFixed(0)} ms: the walk and reads, no parse (what a save in the editor costs)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  bench().then((rows) => {
    for (const r of rows) console.log(`${r.name}  ${r.value}  ${r.detail}`);
  });
}
