import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { posix } from 'node:path';
import { parseCpu, parseMemory } from './quantities';
import { asNumber, asString, type YamlSource } from './yamlSource';
import type { Located } from '../model/location';
import type { CodeMount, ComposeServiceRecipe, RecipeSet } from './recipeTypes';

/** `compose.yaml`, `docker-compose.yml`, `compose.prod.yaml`, `docker-compose-app.yml` (macrozheng/mall's). */
const COMPOSE_FILE = /(^|\/)(docker[-_])?compose([._-][\w.-]+)?\.ya?ml$/;

export function isComposeFile(file: string): boolean {
  return COMPOSE_FILE.test(file);
}

/**
 * A Compose file named for a test run (DefectDojo's `docker-compose.override.unit_tests.yml`, onyx's
 * `docker-compose.mcp-api-key-test.yml`), or kept in a folder named for a suite of tests (saltcorn's
 * `deploy/docker-compose-tests/pytest/docker-compose.yml`, whose `tests` service builds the repository to run pytest):
 * what it runs is a test suite, not the service.
 */
export function isTestCompose(file: string): boolean {
  return /(?:^|[-._])(?:tests?|testing|e2e)(?=[-._])/i.test(posix.basename(file)) || TEST_RUN_FOLDER.test(file);
}

/**
 * A folder named for a suite of tests by a word of its name: `docker-compose-tests/`, `api_tests/` (not `latest/`,
 * `contests/`). Not one for a single test or a testing set-up, Prefect's `scripts/proxy-test/` or documenso's
 * `docker/testing/`, whose Compose files build the service itself to try it.
 */
const TEST_RUN_FOLDER = /(?:^|\/)(?:[^/]*[-._])?tests(?:[-._][^/]*)?\//i;

/**
 * A Compose file named as a template in a source tree or a templates folder (a Go scaffolder's
 * internal/scaffold/templates/docker-compose.tmpl.yml; amplication's data-service-generator/src/server/docker-compose/
 * docker-compose.template.yml, which its code generator writes into the apps it makes; `compose.tmpl.yaml`): what
 * a program fills in and writes out, not how this repository's services run. Not one outside a source tree:
 * openpanel's self-hosting/docker-compose.template.yml is its deployment, which its setup script copies and fills.
 */
export function isComposeTemplate(file: string): boolean {
  return /(?:^|\/)(?:src|templates?)\//.test(file) && /(?:^|[-._])(?:template|tmpl|tpl)(?=[-._])/i.test(posix.basename(file));
}

export function readCompose(src: YamlSource, into: RecipeSet): void {
  const dir = posix.dirname(src.file);
  for (const doc of src.documents) {
    for (const { key: name, keyNode, value: svc } of src.pairs(doc, ['services'])) {
      if (!isMap(svc)) continue;
      // The service's recipe line is its key (`worker:`), as a person would point at it.
      const location = src.locate(keyNode) ?? src.locate(svc) ?? src.at(0);
      const recipe: ComposeServiceRecipe = {
        format: 'compose',
        name,
        location,
        image: asString(src.scalar(svc, ['image'])),
        // `deploy.replicas` (Compose spec) or the older `scale:`.
        replicas: asNumber(src.scalar(svc, ['deploy', 'replicas'])) ?? asNumber(src.scalar(svc, ['scale'])),
        // `deploy.resources` (Compose spec) or the version 2 keys `cpus`, `mem_limit`, `mem_reservation`.
        cpuLimit: cpu(src.scalar(svc, ['deploy', 'resources', 'limits', 'cpus']) ?? src.scalar(svc, ['cpus'])),
        memoryLimit: memory(src.scalar(svc, ['deploy', 'resources', 'limits', 'memory']) ?? src.scalar(svc, ['mem_limit'])),
        cpuRequest: cpu(src.scalar(svc, ['deploy', 'resources', 'reservations', 'cpus'])),
        memoryRequest: memory(src.scalar(svc, ['deploy', 'resources', 'reservations', 'memory']) ?? src.scalar(svc, ['mem_reservation'])),
        env: readEnvironment(src, svc),
        commandLine: commandLine(src, svc, 'command'),
        entrypoint: commandLine(src, svc, 'entrypoint'),
      };
      const optional = commentedEnvironment(src, svc);
      if (optional.length) recipe.optionalEnv = optional;
      const mounts = codeMounts(src, svc, dir);
      if (mounts.length) recipe.codeMounts = mounts;
      const mounted = mountedCode(src, svc, mounts);
      if (mounted) recipe.mountedCode = mounted;
      const envFiles = readEnvFiles(src, svc, dir);
      if (envFiles.length) recipe.envFiles = envFiles;
      // `build: ./dir` or `build: { context: ./dir, dockerfile: … }`; relative to the Compose file's folder.
      const context = asString(src.scalar(svc, ['build'])) ?? asString(src.scalar(svc, ['build', 'context']));
      const dockerfile = asString(src.scalar(svc, ['build', 'dockerfile']));
      if (context || dockerfile) {
        recipe.build = { composeDir: dir, context, dockerfile };
        resolveBuild(recipe, (s) => s);
      }
      const target = asString(src.scalar(svc, ['build', 'target']));
      if (target) recipe.buildTarget = target;
      // `build.args` (list or map, as `environment`): a Dockerfile that picks its app by one (typebot's `SCOPE`).
      const args = Object.entries(readEnvironment(src, svc, ['build', 'args'])).filter(([, v]) => v.value !== undefined);
      if (args.length) recipe.buildArgs = Object.fromEntries(args.map(([k, v]) => [k, v.value!]));
      into.compose.push(recipe);
    }
  }
}

/**
 * Turns the raw `build` strings into folders relative to the analysed root, once `${VAR}` references are
 * interpolated (`interpolate` returns undefined when a variable is unknown: then nothing is linked from it).
 */
export function resolveBuild(recipe: ComposeServiceRecipe, interpolate: (s: string) => string | undefined): void {
  const build = recipe.build;
  if (!build) return;
  recipe.buildContext = undefined;
  recipe.dockerfile = undefined;
  const contextRaw = build.context ? interpolate(build.context.value) : '.';
  if (contextRaw === undefined || contextRaw.includes('${') || /^[a-z][\w+.-]*:\/\//i.test(contextRaw) || contextRaw.startsWith('git@')) return;
  const context = normalise(posix.join(build.composeDir, contextRaw));
  if (context.startsWith('..')) return; // outside the analysed folder
  if (build.context) recipe.buildContext = { value: context, location: build.context.location };
  if (build.dockerfile) {
    const df = interpolate(build.dockerfile.value);
    if (df !== undefined && !df.includes('${')) {
      const file = normalise(posix.join(context, df));
      if (!file.startsWith('..')) recipe.dockerfile = { value: file, location: build.dockerfile.location };
    }
  }
}

/** Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`; `$$` is a literal `$`. */
export function interpolateCompose(text: string, vars: Record<string, string>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced, op, arg, bare) => {
    if (m === '$$') return '$';
    const name = braced ?? bare;
    const value = vars[name];
    const empty = value === undefined || (op?.startsWith(':') && value === '');
    if (op === ':-' || op === '-') return (op === ':-' ? empty : value === undefined) ? arg : value;
    if (op === ':+' || op === '+') return (op === ':+' ? !empty : value !== undefined) ? arg : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

function readEnvironment(src: YamlSource, svc: Node, path: string[] = ['environment']): ComposeServiceRecipe['env'] {
  const env: ComposeServiceRecipe['env'] = {};
  const node = src.node(svc, path);
  if (node && isSeq(node)) {
    for (const item of src.items(node, [])) {
      if (!isScalar(item)) continue;
      const [key, ...rest] = String(item.value).split('=');
      const location = src.locate(item);
      if (key && location) env[key] = { value: rest.length ? rest.join('=') : undefined, location };
    }
  } else if (node && isMap(node)) {
    for (const [key, value] of src.entries(node, [])) {
      const location = src.locate(value);
      if (location) env[key] = { value: isScalar(value) && value.value !== null ? String(value.value) : undefined, location };
    }
  }
  return env;
}

/**
 * The variables an `environment:` block lists commented out (`# CLOUDFLARE_BUCKET_URL: 'https://…'`, `# - SMTP_HOST=…`):
 * options its authors left for the operator to turn on (postiz's storage, OAuth and e-mail settings), not variables
 * they forgot. Comment lines are read from the block's first entry until a line that is not a comment ends it; the name
 * must stand where an entry would (at the entries' indentation or deeper), so a comment about the next key is not one.
 */
function commentedEnvironment(src: YamlSource, svc: Node): string[] {
  const node = src.node(svc, ['environment']);
  if (!node?.range || !(isMap(node) || isSeq(node)) || node.flow || !src.text.includes('#')) return [];
  const text = src.text;
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const indent = node.range[0] - lineStart;
  const out: string[] = [];
  for (let at = lineStart; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next < 0 ? text.length : next);
    at = next < 0 ? text.length : next + 1;
    const content = /^\s*(\S)/.exec(line);
    if (!content) continue;
    if (content[1] !== '#') {
      if (line.length - line.trimStart().length < indent) break;
      continue;
    }
    const entry = COMMENTED_ENTRY.exec(line);
    if (entry && entry[1].length >= indent) out.push(entry[2]);
  }
  return out;
}

/** A commented entry: `# NAME: value`, `# NAME=value`, `# - NAME=value`; group 1 is everything before the name. */
const COMMENTED_ENTRY = /^(\s*#+\s*(?:-\s+)?)([A-Z_][A-Z0-9_]*)\s*(?::(?:\s|$)|=)/;

/**
 * Folders of the host bind-mounted into the container (`volumes: ['./internal:/internal']`), relative to the analysed
 * root: short volume syntax, or the long one with `type: bind`. A named volume, a variable or a path outside the
 * folder says nothing.
 */
function codeMounts(src: YamlSource, svc: Node, dir: string): CodeMount[] {
  const out: CodeMount[] = [];
  for (const item of src.items(svc, ['volumes'])) {
    let host: string | undefined;
    let target: string | undefined;
    if (isScalar(item)) [host, target] = String(item.value).split(':');
    else if (isMap(item) && asString(src.scalar(item, ['type']))?.value === 'bind') {
      host = asString(src.scalar(item, ['source']))?.value;
      target = asString(src.scalar(item, ['target']))?.value;
    }
    if (!host || !target || !/^\.{1,2}(\/|$)/.test(host) || host.includes('$')) continue;
    const folder = normalise(posix.join(dir, host));
    if (folder.startsWith('..')) continue;
    out.push({ host: folder, container: target.replace(/\/+$/, '') || '/', location: src.locate(item) ?? src.at(0) });
  }
  return out;
}

/**
 * The host folder a working directory is in, through the bind mounts (`./internal:/internal` with working directory
 * `/internal/trainer` is `internal/trainer`): the code the container runs, whatever its image was built from.
 */
export function mountedFolder(mounts: readonly CodeMount[], workdir: string): { folder: string; mount: CodeMount } | undefined {
  const wd = workdir.replace(/\/+$/, '');
  // The deepest mount wins, as in the container (`.:/app` and `../lib:/app/server`: `/app/server` is `../lib`).
  for (const mount of [...mounts].sort((a, b) => b.container.length - a.container.length)) {
    if (wd !== mount.container && !wd.startsWith(mount.container === '/' ? '/' : `${mount.container}/`)) continue;
    return { folder: normalise(posix.join(mount.host, wd.slice(mount.container.length))), mount };
  }
  return undefined;
}

/**
 * A development setup that runs the code from the host (`volumes: ['./internal:/internal']`, `working_dir:
 * /internal/trainer`, often with a generic image or Dockerfile): the host folder the working directory is in.
 */
function mountedCode(src: YamlSource, svc: Node, mounts: readonly CodeMount[]): Located<string> | undefined {
  const workdir = asString(src.scalar(svc, ['working_dir']));
  if (!workdir || !workdir.value.startsWith('/')) return undefined;
  const found = mountedFolder(mounts, workdir.value);
  return found && { value: found.folder, location: workdir.location };
}

function readEnvFiles(src: YamlSource, svc: Node, dir: string): Located<string>[] {
  const node = src.node(svc, ['env_file']);
  const raw: Located<unknown>[] = [];
  if (node && isScalar(node)) raw.push(src.scalar(node, [])!);
  else for (const item of src.items(svc, ['env_file'])) raw.push(src.scalar(item, []) ?? src.scalar(item, ['path'])!);
  return raw
    .map((r) => asString(r))
    .filter((r): r is Located<string> => !!r && !r.value.includes('$'))
    .map((r) => ({ value: normalise(posix.join(dir, r.value)), location: r.location }));
}

function commandLine(src: YamlSource, svc: Node, key: 'command' | 'entrypoint'): Located<string> | undefined {
  const n = src.node(svc, [key]);
  const location = src.locate(n);
  if (!n || !location) return undefined;
  if (isScalar(n)) return { value: String(n.value), location };
  if (isSeq(n)) return { value: src.items(n, []).map((i) => (isScalar(i) ? String(i.value) : '')).join(' '), location };
  return undefined;
}

function cpu(v: Located<unknown> | undefined): Located<number> | undefined {
  const n = v ? parseCpu(v.value) : undefined;
  return v && n !== undefined ? { value: n, location: v.location } : undefined;
}

function memory(v: Located<unknown> | undefined): Located<number> | undefined {
  const n = v ? parseMemory(v.value, 'compose') : undefined;
  return v && n !== undefined ? { value: n, location: v.location } : undefined;
}

export function normalise(p: string): string {
  const n = posix.normalize(p).replace(/\/$/, '').replace(/^\.\//, '');
  return n === '' ? '.' : n;
}

