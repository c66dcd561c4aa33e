import { parse as parseToml } from 'smol-toml';
import { posix } from 'node:path';
import type { CapacitySetting, RecipeProblem } from '../model/environment';
import type { Located, SourceLocation } from '../model/location';
import { normalise } from './compose';
import type { PlainServiceRecipe, RecipeSet } from './recipeTypes';
import { TomlLocator } from './tomlLocator';

const MiB = 2 ** 20;
/** Fly machine presets: shared or performance CPUs and their default memory. */
const VM_SIZES: Record<string, { cpus: number; memoryMb: number }> = {
  'shared-cpu-1x': { cpus: 1, memoryMb: 256 },
  'shared-cpu-2x': { cpus: 2, memoryMb: 512 },
  'shared-cpu-4x': { cpus: 4, memoryMb: 1024 },
  'shared-cpu-8x': { cpus: 8, memoryMb: 2048 },
  'performance-1x': { cpus: 1, memoryMb: 2048 },
  'performance-2x': { cpus: 2, memoryMb: 4096 },
  'performance-4x': { cpus: 4, memoryMb: 8192 },
  'performance-8x': { cpus: 8, memoryMb: 16384 },
  'performance-16x': { cpus: 16, memoryMb: 32768 },
};

export function isFlyToml(file: string): boolean {
  return /(^|\/)fly(\.[\w-]+)?\.toml$/.test(file);
}

type Table = Record<string, unknown>;

/** fly.toml: the app, its machines (min running, VM size), concurrency limits and env; the folder is its code. */
export function readFly(file: string, text: string, into: RecipeSet): RecipeProblem[] {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    const line = Math.max(0, (err.line ?? 1) - 1);
    return [{ location: { file, range: { start: { line, character: Math.max(0, (err.column ?? 1) - 1) }, end: { line, character: Math.max(0, (err.column ?? 1) - 1) } } }, message: `Invalid TOML: ${err.message.split('\n')[0]}` }];
  }
  const at = new TomlLocator(file, text);
  const dir = posix.dirname(file);
  const app = typeof doc.app === 'string' ? doc.app : posix.basename(dir === '.' ? 'app' : dir);
  const top: SourceLocation = at.locate('', 'app') ?? { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const num = (table: string, key: string, value: unknown): Located<number> | undefined => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
    const location = at.locate(table, key);
    return n !== undefined && Number.isFinite(n) && location ? { value: n, location } : undefined;
  };
  const recipe: PlainServiceRecipe = {
    format: 'fly',
    kind: 'fly/app',
    name: app,
    environment: /fly\.([\w-]+)\.toml$/.exec(file)?.[1] ?? 'fly',
    location: top,
    settings: [],
    env: {},
    codeRoot: { root: dir === '' ? '.' : dir, reason: `fly.toml in ${dir === '.' ? 'the root folder' : dir} deploys that folder`, evidence: top, byItsDockerfile: true },
  };
  const build = table(doc.build);
  if (typeof build.dockerfile === 'string') {
    const df = normalise(posix.join(dir, build.dockerfile));
    const location = at.locate('build', 'dockerfile');
    if (!df.startsWith('..') && location) {
      const root = posix.dirname(df);
      recipe.codeRoot = { root: root === '' ? '.' : root, reason: `fly.toml builds ${df} ([build] dockerfile)`, evidence: location };
    }
  }
  if (typeof build.image === 'string') recipe.image = { value: build.image, location: at.locate('build', 'image') ?? top };

  // [http_service] (one service) or [[services]] (several ports): the first one carries the app's limits.
  const http = table(doc.http_service);
  const services = Array.isArray(doc.services) ? (doc.services as Table[]) : [];
  const svcTable = Object.keys(http).length ? 'http_service' : services.length ? 'services' : '';
  const svc = Object.keys(http).length ? http : (services[0] ?? {});
  recipe.minReplicas = num(svcTable, 'min_machines_running', svc.min_machines_running);
  if (recipe.minReplicas) recipe.autoscalingName = app;
  const concurrency = table(svc.concurrency);
  for (const key of ['soft_limit', 'hard_limit'] as const) {
    const v = num(`${svcTable}.concurrency`, key, concurrency[key]);
    if (v) recipe.settings.push({ kind: 'concurrency', name: `${key} (${String(concurrency.type ?? 'connections')})`, value: v.value, location: v.location } as CapacitySetting);
  }
  // [[vm]] (or the older [vm]): size preset, then explicit cpus / memory override it.
  const vm = Array.isArray(doc.vm) ? table((doc.vm as unknown[])[0]) : table(doc.vm);
  const preset = typeof vm.size === 'string' ? VM_SIZES[vm.size] : undefined;
  const sizeAt = at.locate('vm', 'size');
  if (preset && sizeAt) {
    recipe.cpuLimit = { value: preset.cpus, location: sizeAt };
    recipe.memoryLimit = { value: preset.memoryMb * MiB, location: sizeAt };
  }
  const cpus = num('vm', 'cpus', vm.cpus);
  if (cpus) recipe.cpuLimit = cpus;
  const memory = vm.memory ?? vm.memory_mb;
  const memAt = at.locate('vm', vm.memory !== undefined ? 'memory' : 'memory_mb');
  const memMb = typeof memory === 'number' ? memory : typeof memory === 'string' ? flyMemoryMb(memory) : undefined;
  if (memMb !== undefined && memAt) recipe.memoryLimit = { value: memMb * MiB, location: memAt };

  for (const [k, v] of Object.entries(table(doc.env))) {
    const location = at.locate('env', k);
    if (location && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) recipe.env[k] = { value: String(v), location };
  }
  into.plain.push(recipe);
  return [];
}

function table(v: unknown): Table {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : {};
}

/** `512`, `"512mb"`, `"1gb"`: megabytes. */
function flyMemoryMb(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(mb|gb)?$/i.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2]?.toLowerCase() === 'gb' ? 1024 : 1);
}
