import { posix } from 'node:path';
import type { Service } from '../model/environment';
import { languageOfFile } from '../code/treeSitter';

const within = (path: string, root: string) => root === '.' || path === root || path.startsWith(`${root}/`);

/**
 * The library modules of a multi-module build that several services are built with: the Maven `<module>`s and
 * Gradle `include`s that no service runs as its own code (macrozheng/mall's `mall-mbg` mappers and `mall-common`,
 * used by `mall-admin` and `mall-portal`). Their code is analysed for the join, so a mapper call per item in a
 * service is a query in a loop; a hazard of their own is reported only where a route of a service reaches it.
 * Only when a module of the same build is a service's code: otherwise nothing says the modules run in production.
 */
export function sharedModules(texts: ReadonlyMap<string, string>, files: readonly string[], services: readonly Service[]): string[] {
  const linked = services.flatMap((s) => s.codeRoots.map((l) => l.root));
  const out = new Set<string>();
  for (const [build, text] of texts) {
    if (!isModuleBuild(build)) continue;
    const dir = posix.dirname(build);
    const modules = build.endsWith('pom.xml')
      ? [...text.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => m[1])
      : [...text.matchAll(/\binclude\s*\(?([^\n)]*)/g)].flatMap((m) => [...m[1].matchAll(/['"]:?([\w.:/-]+)['"]/g)].map((x) => x[1].replace(/:/g, '/')));
    const folders = modules.map((m) => posix.normalize(dir === '.' ? m : `${dir}/${m}`)).filter((m) => !m.startsWith('..'));
    // A build whose modules include a service's code: the others are its libraries.
    if (!folders.some((m) => linked.some((root) => within(root, m) || within(m, root)))) continue;
    for (const m of folders) {
      if (linked.some((root) => within(m, root) || within(root, m))) continue;
      if (files.some((f) => within(f, m) && languageOfFile(f) !== undefined)) out.add(m);
    }
  }
  return [...out].sort();
}

/** The build files sharedModules reads: Maven's pom.xml and Gradle's settings, near the top of the workspace. */
export function isModuleBuild(file: string): boolean {
  return /(^|\/)(pom\.xml|settings\.gradle(\.kts)?)$/.test(file) && file.split('/').length <= 3;
}
