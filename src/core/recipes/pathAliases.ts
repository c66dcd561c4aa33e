import { posix } from 'node:path';
import type { PathAlias } from '../model/environment';

/**
 * TypeScript's `paths` from the tsconfig.json / jsconfig.json files near the code (up to three folders deep), so
 * `import { routesV1 } from '@config/app.routes'` resolves to `src/configs/app.routes.ts`. A file that cannot be read
 * or parsed only leaves those imports unresolved, as before.
 */
export function readPathAliases(texts: ReadonlyMap<string, string>): PathAlias[] {
  const out: PathAlias[] = [];
  // In path order, whatever order the files were read in: the first alias that fits an import is the one taken.
  for (const config of [...texts.keys()].sort()) {
    const text = texts.get(config)!;
    if (!isTsConfig(config) || !text.includes('"paths"')) continue;
    try {
      const options = parseJsonc(text)?.compilerOptions;
      const paths = options?.paths;
      if (!paths || typeof paths !== 'object') continue;
      const dir = config.includes('/') ? config.slice(0, config.lastIndexOf('/')) : '';
      const base = posix.normalize(posix.join(dir || '.', typeof options.baseUrl === 'string' ? options.baseUrl : '.'));
      for (const [pattern, targets] of Object.entries(paths as Record<string, unknown>)) {
        if (!Array.isArray(targets)) continue;
        const wildcard = pattern.endsWith('*');
        const strip = (t: string) => (wildcard ? t.replace(/\*$/, '') : t);
        out.push({
          dir,
          prefix: wildcard ? pattern.slice(0, -1) : pattern,
          targets: targets.filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(base, strip(t))).replace(/^\.\//, '')),
          wildcard,
        });
      }
    } catch {
      // Not a recipe: a tsconfig.json that cannot be read only leaves its aliased imports unresolved, as before.
    }
  }
  return out;
}

/**
 * The packages of a monorepo, imported by their names (`@documenso/lib/server-only/field/get-fields`,
 * `@formbricks/database`): each package.json's `name` stands for its folder, a subpath for the file under it (or under
 * its `src/`), the name alone for its `main` file or its index. After the tsconfig aliases, which win where both fit.
 * Also SvelteKit's `$lib`, the `src/lib` of a project that depends on it.
 */
export function workspacePackageAliases(texts: ReadonlyMap<string, string>): PathAlias[] {
  const out: PathAlias[] = [];
  for (const file of [...texts.keys()].sort()) {
    if (!/(^|\/)package\.json$/.test(file) || file.includes('node_modules/')) continue;
    let pkg: { name?: unknown; main?: unknown; module?: unknown; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    try {
      pkg = JSON.parse(texts.get(file)!);
    } catch {
      continue; // not ours to report: the recipes' problems are
    }
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    // SvelteKit's own alias: `$lib/api` is the project's `src/lib/api`.
    if (pkg.dependencies?.['@sveltejs/kit'] !== undefined || pkg.devDependencies?.['@sveltejs/kit'] !== undefined) {
      const lib = dir ? `${dir}/src/lib` : 'src/lib';
      out.push({ dir, prefix: '$lib/', targets: [`${lib}/`], wildcard: true }, { dir, prefix: '$lib', targets: [`${lib}/index`], wildcard: false });
    }
    // A package of the monorepo, imported by its name (the root package is the workspace itself, imported by none).
    if (!dir || typeof pkg.name !== 'string' || !pkg.name) continue;
    const entry = [pkg.main, pkg.module].find((m): m is string => typeof m === 'string' && /\.[cm]?[jt]sx?$/.test(m));
    out.push({ dir: '', prefix: `${pkg.name}/`, targets: [`${dir}/`, `${dir}/src/`], wildcard: true });
    out.push({ dir: '', prefix: pkg.name, targets: [...(entry ? [posix.normalize(posix.join(dir, entry))] : []), `${dir}/index`, `${dir}/src/index`], wildcard: false });
  }
  return out;
}

/** JSON with the comments and trailing commas tsconfig.json allows. */
function parseJsonc(text: string): { compilerOptions?: { paths?: unknown; baseUrl?: unknown } } | undefined {
  const stripped = text.replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : '')).replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(stripped) as { compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
}

/** The files readPathAliases reads: tsconfig.json and jsconfig.json near the top of the workspace. */
export function isTsConfig(file: string): boolean {
  return /(^|\/)[tj]sconfig\.json$/.test(file) && file.split('/').length <= 4 && !file.includes('node_modules/');
}
