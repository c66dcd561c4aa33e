import { isMap, isScalar, isSeq } from 'yaml';
import { posix } from 'node:path';
import { parseCpu, parseMemory } from './quantities';
import { asNumber, asString, type YamlSource } from './yamlSource';
import type { Located } from '../model/location';
import type { ComposeServiceRecipe, RecipeSet } from './recipeTypes';

const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

export function isComposeFile(file: string): boolean {
  return COMPOSE_FILE.test(file);
}

export function readCompose(src: YamlSource, into: RecipeSet): void {
  const dir = posix.dirname(src.file);
  for (const doc of src.documents) {
    for (const [name, svc] of src.entries(doc, ['services'])) {
      if (!isMap(svc)) continue;
      const keyLocation = src.locate(svc) ?? src.at(0);
      const recipe: ComposeServiceRecipe = {
        format: 'compose',
        name,
        location: keyLocation,
        image: asString(src.scalar(svc, ['image'])),
        replicas: asNumber(src.scalar(svc, ['deploy', 'replicas'])),
        cpuLimit: cpu(src.scalar(svc, ['deploy', 'resources', 'limits', 'cpus'])),
        memoryLimit: memory(src.scalar(svc, ['deploy', 'resources', 'limits', 'memory'])),
        cpuRequest: cpu(src.scalar(svc, ['deploy', 'resources', 'reservations', 'cpus'])),
        memoryRequest: memory(src.scalar(svc, ['deploy', 'resources', 'reservations', 'memory'])),
        env: readEnvironment(src, svc),
      };
      // `build: ./dir` or `build: { context: ./dir }`; relative to the Compose file's folder.
      const build = asString(src.scalar(svc, ['build'])) ?? asString(src.scalar(svc, ['build', 'context']));
      if (build) {
        recipe.buildContext = { value: normalise(posix.join(dir, build.value)), location: build.location };
      }
      into.compose.push(recipe);
    }
  }
}

function readEnvironment(src: YamlSource, svc: import('yaml').Node): ComposeServiceRecipe['env'] {
  const env: ComposeServiceRecipe['env'] = {};
  const node = src.node(svc, ['environment']);
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item)) continue;
      const [key, ...rest] = String(item.value).split('=');
      const location = src.locate(item);
      if (key && location) env[key] = { value: rest.length ? rest.join('=') : undefined, location };
    }
  } else if (isMap(node)) {
    for (const [key, value] of src.entries(svc, ['environment'])) {
      const location = src.locate(value);
      if (location) env[key] = { value: isScalar(value) && value.value !== null ? String(value.value) : undefined, location };
    }
  }
  return env;
}

function cpu(v: Located<unknown> | undefined): Located<number> | undefined {
  const n = v ? parseCpu(v.value) : undefined;
  return v && n !== undefined ? { value: n, location: v.location } : undefined;
}

function memory(v: Located<unknown> | undefined): Located<number> | undefined {
  const n = v ? parseMemory(v.value, 'compose') : undefined;
  return v && n !== undefined ? { value: n, location: v.location } : undefined;
}

function normalise(p: string): string {
  const n = posix.normalize(p).replace(/\/$/, '');
  return n === '' ? '.' : n;
}
