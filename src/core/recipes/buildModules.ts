import { posix } from 'node:path';
import type { CodeLink, Service } from '../model/environment';
import { languageOfFile } from '../code/treeSitter';

const within = (path: string, root: string) => root === '.' || path === root || path.startsWith(`${root}/`);

/** What a multi-module build says about the modules services are built with. */
export interface ModuleCode {
  /** Library modules several services (or none that says so) are built with: analysed for the join only. */
  shared: string[];
  /**
   * Per shared module that services' builds depend on, those services: the routes its code registers are each one's
   * (apollo's `apollo-common` ApolloInfoController, served by its admin service, config service and portal alike).
   */
  sharedBy: Map<string, Service[]>;
  /** Modules exactly one service's build depends on, directly or through other modules: that service's code. */
  builtInto: Map<Service, CodeLink[]>;
}

/**
 * The library modules of a multi-module build that services are built with: the Maven `<module>`s and Gradle
 * `include`s that no service runs as its own code (macrozheng/mall's `mall-mbg` mappers and `mall-common`, used by
 * `mall-admin` and `mall-portal`). Their code is analysed for the join, so a mapper call per item in a service is a
 * query in a loop; a hazard of their own is reported only where a route of a service reaches it. A route the module
 * registers itself is served by each service whose build depends on it, directly or through other modules (apollo's
 * `apollo-common` holds `@RestController ApolloInfoController`, `apollo-audit/apollo-audit-impl` ApolloAuditController;
 * the admin service, config service and portal each put them on their class path and list `/apollo/net` among their
 * routes). The dependency is what is read, not whether the application's component scan reaches the controller's
 * package: apollo's applications scan `ApolloCommonConfig`'s package by name, and a library's controller on a Spring
 * Boot service's class path is there to be served. A module no service's build names (mall's `mall-demo`) serves none.
 * Only when a module of the same build is a service's code: otherwise nothing says the modules run in production.
 *
 * A module that only one service's build depends on (its pom.xml `<dependency>`, its Gradle `project(':x')`, or
 * through modules that one does) runs in that service and nowhere else: it is that service's code, routes and all
 * (ruoyi-vue-pro's `yudao-server` is a `main` and a Dockerfile; every controller is in the `yudao-module-*` jars it
 * depends on, and Spring finds them on its class path).
 */
export function moduleCode(texts: ReadonlyMap<string, string>, files: readonly string[], services: readonly Service[]): ModuleCode {
  const linked = services.flatMap((s) => s.codeRoots.map((l) => l.root));
  const modules = new Set<string>();
  for (const [build, raw] of texts) {
    if (!isModuleBuild(build)) continue;
    const dir = posix.dirname(build);
    const text = withoutComments(build, raw);
    const names = build.endsWith('pom.xml')
      ? [...text.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => m[1])
      : [...text.matchAll(/\binclude\s*\(?([^\n)]*)/g)].flatMap((m) => [...m[1].matchAll(/['"]:?([\w.:/-]+)['"]/g)].map((x) => x[1].replace(/:/g, '/')));
    // A module that is a pom of modules itself stands for those (apollo's `apollo-audit`, whose `apollo-audit-impl`
    // holds ApolloAuditController and which the services depend on through `apollo-audit-spring-boot-starter`).
    const aggregated = (m: string, depth: number): string[] => {
      const pom = build.endsWith('pom.xml') && depth < 2 ? texts.get(`${m}/pom.xml`) : undefined;
      const inner = pom === undefined ? [] : [...withoutComments('pom.xml', pom).matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((x) => posix.normalize(`${m}/${x[1]}`));
      return inner.length ? inner.flatMap((x) => aggregated(x, depth + 1)) : [m];
    };
    const folders = names
      .map((m) => posix.normalize(dir === '.' ? m : `${dir}/${m}`))
      .filter((m) => !m.startsWith('..'))
      .flatMap((m) => aggregated(m, 0));
    // A build whose modules include a service's code: the others are its libraries.
    if (!folders.some((m) => linked.some((root) => within(root, m) || within(m, root)))) continue;
    for (const m of folders) {
      if (linked.some((root) => within(m, root) || within(root, m))) continue;
      if (files.some((f) => within(f, m) && languageOfFile(f) !== undefined)) modules.add(m);
    }
  }
  const users = moduleUsers(texts, [...modules], services);
  const builtInto = new Map<Service, CodeLink[]>();
  const shared: string[] = [];
  const sharedBy = new Map<string, Service[]>();
  for (const m of [...modules].sort()) {
    const by = users.get(m);
    if (by?.size !== 1) {
      shared.push(m);
      if (by?.size) sharedBy.set(m, [...by.keys()]);
      continue;
    }
    const [[service, build]] = [...by];
    const links = builtInto.get(service) ?? [];
    links.push({
      root: m,
      reason: `${build} builds ${service.name} with the module ${m}, and no other service is built with it: its code runs there`,
      confidence: 'medium',
      evidence: { file: build, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    });
    builtInto.set(service, links);
  }
  return { shared, sharedBy, builtInto };
}

/**
 * Per module, the services whose build depends on it, each with the build file that says so first. A service's build
 * is the pom.xml or build.gradle(.kts) at one of its code roots; dependencies of modules count too.
 */
function moduleUsers(texts: ReadonlyMap<string, string>, modules: readonly string[], services: readonly Service[]): Map<string, Map<Service, string>> {
  // Maven depends on artifacts, Gradle on project paths: both resolved to module folders here.
  const byArtifact = new Map<string, string>();
  const buildOf = (dir: string): string | undefined =>
    [`${dir}/pom.xml`, `${dir}/build.gradle`, `${dir}/build.gradle.kts`].map((f) => f.replace(/^\.\//, '')).find((f) => texts.has(f));
  for (const m of modules) {
    const pom = texts.get(`${m}/pom.xml`);
    const artifact = pom === undefined ? undefined : ownArtifact(withoutComments('pom.xml', pom));
    if (artifact) byArtifact.set(artifact, m);
  }
  const dependsOn = (build: string): string[] => {
    const text = withoutComments(build, texts.get(build) ?? '');
    if (build.endsWith('pom.xml')) return dependencyArtifacts(text).flatMap((a) => byArtifact.get(a) ?? []);
    return [...text.matchAll(/\bproject\s*\(\s*(?:path\s*:\s*)?['"]:?([\w.:/-]+)['"]/g)].map((x) => x[1].replace(/:/g, '/')).filter((p) => modules.includes(p));
  };
  const out = new Map<string, Map<Service, string>>();
  for (const service of services) {
    for (const link of service.codeRoots) {
      const build = buildOf(link.root);
      if (!build) continue;
      const seen = new Set<string>();
      const todo = dependsOn(build);
      while (todo.length) {
        const m = todo.pop()!;
        if (seen.has(m)) continue;
        seen.add(m);
        let users = out.get(m);
        if (!users) out.set(m, (users = new Map()));
        if (!users.has(service)) users.set(service, build);
        const own = buildOf(m);
        if (own) todo.push(...dependsOn(own));
      }
    }
  }
  return out;
}

/** A commented-out `<module>` or dependency (ruoyi-vue-pro switches modules off that way) is not part of the build. */
function withoutComments(build: string, text: string): string {
  return build.endsWith('.xml') ? text.replace(/<!--[\s\S]*?-->/g, '') : text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/**
 * The jar names a pom.xml builds (`<artifactId>`, and `<finalName>` when its build names one): what a Dockerfile that
 * copies `ruoyi-modules-system.jar` takes from RuoYi-Cloud's `ruoyi-modules/ruoyi-system`.
 */
export function builtJarNames(pom: string): string[] {
  const text = withoutComments('pom.xml', pom);
  const artifact = ownArtifact(text);
  const finalName = /<build>[\s\S]*?<finalName>\s*([^<\s]+)\s*<\/finalName>/.exec(text)?.[1]?.replace('${project.artifactId}', artifact ?? '');
  return [...new Set([finalName, artifact].filter((n): n is string => !!n && !n.includes('$')))];
}

/** The project's own artifactId: not its parent's, nor one of a dependency or plugin. */
function ownArtifact(pom: string): string | undefined {
  const top = pom.replace(/<(parent|dependencies|dependencyManagement|build|profiles|reporting)>[\s\S]*?<\/\1>/g, '');
  return /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(top)?.[1];
}

/** The artifacts a pom depends on (not those it only manages versions of, excludes, or builds with). */
function dependencyArtifacts(pom: string): string[] {
  const body = pom.replace(/<(dependencyManagement|exclusions|build|reporting)>[\s\S]*?<\/\1>/g, '');
  return [...body.matchAll(/<dependency>[\s\S]*?<artifactId>\s*([^<\s]+)\s*<\/artifactId>[\s\S]*?<\/dependency>/g)].map((m) => m[1]);
}

/**
 * The build files moduleCode reads: Maven's pom.xml and Gradle's settings near the top of the workspace, and the
 * Gradle build scripts of the modules and services there (which name the modules they depend on). Four folders down:
 * JeecgBoot's service is `jeecg-boot/jeecg-module-system/jeecg-system-start`, its controllers in the module beside it.
 */
export function isModuleBuild(file: string): boolean {
  return /(^|\/)(pom\.xml|settings\.gradle(\.kts)?)$/.test(file) && file.split('/').length <= BUILD_DEPTH;
}

export function isProjectBuild(file: string): boolean {
  return isModuleBuild(file) || (/(^|\/)build\.gradle(\.kts)?$/.test(file) && file.split('/').length <= BUILD_DEPTH);
}

/** Path segments a build file read for modules may have (a folder four down, and the file). */
const BUILD_DEPTH = 5;
