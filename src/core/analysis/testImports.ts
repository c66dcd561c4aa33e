import { familyOf, isExampleCode, isTestFile } from '../code/analyzeFile';
import type { FileAnalysis } from '../code/codeModel';
import { normalise } from '../code/workspaceLinks';
import type { PathAlias } from '../model/environment';

/**
 * Tests and example code report nothing (no hazards, no routes), so a full pass does not parse them: in real
 * repositories they are 27–35% of what a pass would read. Except those the service's own code imports (saleor's
 * `random_data.py` adds checkout lines with `from ...checkout.tests.utils import add_variant_to_checkout`): a call
 * into one of them is still followed. These are the files, of `candidates` (tests and examples), that an import of
 * `analyses` may name, found by path as the workspace join resolves modules (a little more widely: a file read for
 * nothing only costs its parse).
 */
export function testFilesImported(analyses: readonly FileAnalysis[], candidates: readonly string[], aliases: readonly PathAlias[] = []): string[] {
  const wanted = new Set<string>();
  // Go: a package is found by its folder's last name, as the join's goImportDir finds it (whatever module path or
  // `replace` leads there).
  const goPackages = new Set<string>();
  const goDirs = new Set<string>();
  const byModule = new Map<string, readonly PathAlias[]>();
  const aliasesOf = (module: string) => {
    let found = byModule.get(module);
    if (!found) byModule.set(module, (found = aliases.filter((a) => (a.wildcard ? module.startsWith(a.prefix) : module === a.prefix))));
    return found;
  };
  for (const a of analyses) {
    const dir = dirOf(a.file);
    const family = familyOf(a.language);
    if (family === 'go') goDirs.add(dir);
    for (const imp of a.links?.imports ?? []) {
      // Only imports that name a test or an example: the others are among the files already analysed.
      const named = family === 'js' && aliases.length ? aliasesOf(imp.module) : [];
      for (const path of modulePaths(family, dir, imp.module, imp.imported, named)) if (namesTests(path)) wanted.add(path);
      if (family === 'go') {
        const segments = imp.module.split('/');
        goPackages.add(segments[segments.length - 1]);
        // A module's major version (`example.com/x/v2`) is not its package's folder.
        if (/^v\d+$/.test(segments[segments.length - 1]) && segments.length > 1) goPackages.add(segments[segments.length - 2]);
      }
    }
  }
  return candidates.filter(
    (file) =>
      stemsOf(file).some((stem) => suffixes(stem).some((s) => wanted.has(s))) ||
      (file.endsWith('.go') && !file.endsWith('_test.go') && goPackages.has(dirOf(file).split('/').pop()!)) ||
      // Go's test data beside the code (`camera_fixtures.go`) is of the same package: its functions are called
      // without an import.
      (/(^|\/|_)fixtures?\.go$/.test(file) && goDirs.has(dirOf(file))),
  );
}

/** A module path a test or an example would have (`checkout/tests/utils`, `test/helpers`, `internal/testutil`). */
function namesTests(path: string): boolean {
  return ['.py', '.ts', '.java', '/x.ts'].some((end) => isTestFile(path + end)) || isExampleCode(`${path}/x`);
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
}

/** What a file may be imported as: its path without extension, its folder (an index, `__init__`, a Go package). */
function stemsOf(file: string): string[] {
  return [file.replace(/\.[^./]+$/, ''), dirOf(file)].filter((s) => s);
}

/** `a/b/c`, `b/c`, `c`: an import that is not relative names a file by the end of its path. */
function suffixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(i).join('/'));
}

/**
 * The paths an import's module may be, relative to the workspace where it is relative, else as written. `aliases`: those
 * whose prefix names the module (a workspace has hundreds of packages by name, and thousands of imports of a few).
 */
function modulePaths(family: ReturnType<typeof familyOf>, dir: string, module: string, imported: string, aliases: readonly PathAlias[]): string[] {
  switch (family) {
    case 'js': {
      const path = module.replace(/\.[cm]?[jt]sx?$/, '');
      if (path.startsWith('.')) return [normalise(`${dir}/${path}`)];
      const out = [normalise(path.replace(/^[@~#]\//, '').replace(/^#(?=\w)/, ''))];
      // tsconfig `paths` and the workspace's packages by name, as the join resolves them (resolveModuleUncached).
      for (const alias of aliases) {
        if (!(alias.dir === '' || dir === alias.dir || dir.startsWith(`${alias.dir}/`))) continue;
        if (alias.wildcard ? !module.startsWith(alias.prefix) : module !== alias.prefix) continue;
        for (const target of alias.targets) out.push(normalise((alias.wildcard ? target + module.slice(alias.prefix.length) : target).replace(/\.[cm]?[jt]sx?$/, '')));
      }
      return out;
    }
    case 'python': {
      const dots = /^\.*/.exec(module)![0].length;
      const rest = module.slice(dots).replace(/\./g, '/');
      let base = dir;
      for (let k = 1; k < dots; k++) base = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
      const path = dots > 0 ? normalise(rest ? `${base}/${rest}` : base) : rest;
      // `from . import views`, `from app.tests import utils`: the name imported may be a module of that package.
      return imported && imported !== '*' ? [path, normalise(`${path}/${imported}`)] : [path];
    }
    case 'go':
      // A package: its folder, named by the end of its import path.
      return [module.split('/').slice(-2).join('/'), module.split('/').pop()!];
    case 'java':
      return [module.replace(/\./g, '/')];
  }
}
