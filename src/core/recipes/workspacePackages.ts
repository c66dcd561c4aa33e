import { posix } from 'node:path';

/**
 * JavaScript monorepos (npm, pnpm and Yarn workspaces, Turborepo): an image built from the repository root often
 * builds one app of it, named in its Dockerfile (documenso's `turbo prune --scope=@documenso/remix --docker`). That
 * service's code is the app's package and the workspace packages it depends on, not every app of the repository
 * (documenso's docs site and its separately deployed `openpage-api` are not in that image).
 */
export interface WorkspacePackage {
  /** Its folder, relative to the workspace root. */
  dir: string;
  name: string;
  /** The names it depends on (any kind of dependency): those that are workspace packages are its code too. */
  deps: string[];
}

const NAME = String.raw`["']?([^\s"']+)`;
/** A package's name or folder (`@scope/name`, `web`, `./apps/web`); not a glob (`./packages/*`). */
const PACKAGE = /^(?:\.{1,2}\/)?@?[\w.-]+(?:\/[\w.-]+)*$/;
/** The commands that build (or cut out) one package of a workspace, and where they name it. */
const BUILDS_ONE = [
  new RegExp(String.raw`\bturbo\s+prune\s+(?:[^\n]*?--scope[= ]\s*)?${NAME}`),
  new RegExp(String.raw`\bturbo\s+(?:run\s+)?[\w:-]+\s+[^\n]*?--filter[= ]\s*${NAME}`),
  new RegExp(String.raw`\bpnpm\s+(?:[^\n]*?\s)?(?:--filter|-F)[= ]\s*${NAME}`),
  new RegExp(String.raw`\byarn\s+workspace\s+${NAME}`),
  new RegExp(String.raw`\bnpm\s+(?:[^\n]*?\s)?(?:-w|--workspace)[= ]\s*${NAME}`),
];

/** A Dockerfile that may build one package of a workspace: the package.json files are read only then. */
export function mayBuildWorkspacePackage(dockerfile: string): boolean {
  return /\b(?:turbo|pnpm|yarn\s+workspace|npm\s[^\n]*(?:-w|--workspace)\b)/.test(dockerfile) && builtWorkspacePackage(dockerfile) !== undefined;
}

/** The package (by name, or by folder when written as a path) and the command that names it. */
export function builtWorkspacePackage(dockerfile: string): { name: string; command: string } | undefined {
  for (const re of BUILDS_ONE) {
    const m = re.exec(dockerfile);
    // `--filter=web...` (with its dependencies) and `--filter=./apps/web` name the package too; a glob names none.
    const name = m?.[1].replace(/\.{3}$/, '');
    if (m && name && PACKAGE.test(name)) return { name, command: m[0].trim() };
  }
  return undefined;
}

/** A package.json as a workspace package, when it has a name. */
export function workspacePackage(file: string, text: string): WorkspacePackage | undefined {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (typeof json.name !== 'string') return undefined;
    const deps = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) =>
      json[k] && typeof json[k] === 'object' ? Object.keys(json[k] as object) : [],
    );
    return { dir: posix.dirname(file), name: json.name, deps };
  } catch {
    return undefined;
  }
}

/**
 * The folders of the package the build names and of the workspace packages it depends on, directly or through
 * another: undefined when the workspace has no such package (a name of another repository's).
 */
export function packageClosure(packages: readonly WorkspacePackage[], named: string): string[] | undefined {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const start = named.startsWith('.') || (named.includes('/') && !named.startsWith('@')) ? packages.find((p) => p.dir === posix.normalize(named).replace(/\/$/, '')) : byName.get(named);
  if (!start) return undefined;
  const seen = new Set<WorkspacePackage>([start]);
  const queue = [start];
  while (queue.length) {
    for (const dep of queue.shift()!.deps) {
      const p = byName.get(dep);
      if (p && !seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  // The workspace root's own package.json is no package of the app (it names the workspaces).
  return [...seen].map((p) => p.dir).filter((dir) => dir !== '.');
}

/**
 * The workspace packages the services' own packages depend on, directly or through another, that no service's code
 * holds (novu's `libs/application-generic`, `libs/dal`, which its api and worker import by name: `@novu/dal`): analysed
 * with the services as shared code, so that calls into them are followed and what they do is said where a route
 * reaches it. `texts`: package.json files by path; `roots`: the services' code folders.
 */
export function workspaceDependencies(texts: ReadonlyMap<string, string>, roots: readonly string[]): string[] {
  const packages: WorkspacePackage[] = [];
  for (const [f, text] of texts) {
    if (posix.basename(f) !== 'package.json' || f.includes('node_modules/')) continue;
    const p = workspacePackage(f, text);
    if (p) packages.push(p);
  }
  if (packages.length < 2) return [];
  const within = (dir: string, root: string) => root === '.' || dir === root || dir.startsWith(`${root}/`);
  const out = new Set<string>();
  for (const p of packages) {
    if (p.dir === '.' || !roots.some((r) => within(p.dir, r))) continue;
    for (const dir of packageClosure(packages, p.name) ?? []) if (!roots.some((r) => within(dir, r))) out.add(dir);
  }
  return [...out].sort();
}
