import { posix } from 'node:path';
import type { Service } from '../model/environment';
import { languageOfFile, type LanguageId } from '../code/treeSitter';
import { BUILD_MARKERS, buildFolderAbove } from './codeLinks';
import { isDockerfile } from './discovery';
import { finalBaseImage, goBuildPaths } from './dockerStages';
import { imageShortName } from './kubernetesEnvironments';

/** Folders of tooling, tests, docs and examples: a Dockerfile there builds a dev or test image, not a service. */
const NOT_A_SERVICE = /(^|\/)(\.[^/]+|tests?|__tests__|e2e|testdata|fixtures?|docs?|examples?|samples?|scripts|tools|hack)(\/|$)/;

/**
 * Whether a folder is one of those. Source sets' package folders say nothing of the kind: spring-petclinic-rest's
 * code is all under `src/main/java/org/springframework/samples/petclinic/`.
 */
function notAService(dir: string): boolean {
  return NOT_A_SERVICE.test(dir.replace(/(^|\/)src\/(main|test)\/(java|kotlin|scala|groovy)\/.*$/, '$1src/$2'));
}

/** `android.Dockerfile`, `test.Dockerfile`: an image for one purpose beside the folder's own (a build of its app for a device, a test runner). */
const NAMED_FOR = /(^|\/)[^/]+\.[Dd]ockerfile$/;

const within = (path: string, root: string) => root === '.' || path === root || path.startsWith(`${root}/`);

/**
 * A folder kept for packaging, whose Dockerfile is built with the project above it as its context (taiga-back's
 * `docker/Dockerfile`: `COPY requirements.txt ./`, `COPY taiga taiga`, built as `docker build -f docker/Dockerfile .`;
 * golang-standards' `build/package/`): the code it builds is the nearest folder above with a build file.
 */
const PACKAGING_DIR = /(^|\/)(?:docker|dockerfiles?|containers?|build|build\/package|deploy(?:ments?)?|packaging|ci)$/;

/** The folder holds a build file of its own (a module of its own: then its Dockerfile builds it). */
function hasBuildFile(files: readonly string[], dir: string): boolean {
  return files.some((f) => posix.dirname(f) === dir && BUILD_MARKERS.test(f) && !isDockerfile(f));
}

/**
 * Services that a Dockerfile builds and no recipe here deploys: a repository with one app and its Dockerfile (its
 * manifests kept elsewhere, or a Compose file that only runs its database) would otherwise show no route and no
 * warning. Each folder holding a Dockerfile and code gets a service of its folder's name (the repository's, at its
 * root), unless recipe-linked code is inside it or around it: then the recipes say what runs there. Such a service
 * has no capacity and no environment, so nothing is said about either; its code is analysed like any other.
 */
export function builtNotDeployed(files: readonly string[], services: readonly Service[], rootName = 'app', dockerfileTexts?: ReadonlyMap<string, string>): Service[] {
  const linked = services.flatMap((s) => s.codeRoots.map((l) => l.root));
  const names = new Set(services.map((s) => s.name));
  const dockerfiles = new Map<string, string>();
  for (const f of files) {
    const dir = posix.dirname(f);
    if (isDockerfile(f) && !NAMED_FOR.test(f) && !dockerfiles.has(dir) && !notAService(dir)) dockerfiles.set(dir, f);
  }
  const out: Service[] = [];
  for (const [folder, dockerfile] of dockerfiles) {
    const above = PACKAGING_DIR.test(folder) && !hasBuildFile(files, folder) ? buildFolderAbove(files, folder) : undefined;
    const dir = above?.dir ?? folder;
    // (Code linked inside the folder from a tooling or test folder says nothing of what the folder runs: Prefect's
    // `scripts/proxy-test/docker-compose.yml` building its own `server.py` beside the root Dockerfile's server.)
    if (linked.some((root) => within(dir, root) || (within(root, dir) && !notAService(root)))) continue;
    if (!files.some((f) => within(f, dir) && languageOfFile(f) !== undefined)) continue;
    const name = dir === '.' ? rootName : posix.basename(dir);
    if (names.has(name)) continue;
    names.add(name);
    // Go: the packages it compiles, from the folder it is built in (goCommands.ts).
    const text = dockerfileTexts?.get(dockerfile);
    const goBuilt = text !== undefined ? goBuildPaths(text)?.map((p) => posix.join(dir, p)) : undefined;
    out.push({
      name,
      recipes: [],
      capacity: {},
      env: {},
      environments: [],
      codeRoots: [
        {
          root: dir,
          reason: `${dockerfile} builds ${above ? `${dir === '.' ? 'the workspace root' : dir} (a Dockerfile kept in packaging folder ${folder}: ${above.file} above it says where the code is)` : 'this folder'} and no recipe here deploys it: its code is analysed, with no capacity or environment (add its recipe, or link it in .ops-lens.yaml)`,
          confidence: 'medium',
          evidence: { file: dockerfile, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
          ...(goBuilt ? { goBuilds: goBuilt } : {}),
        },
      ],
    });
  }
  return out;
}

/**
 * The last resort: no recipe and no Dockerfile here says which code runs (a repository of one app whose images and
 * manifests are made elsewhere, golang-gin-realworld's shape; or one whose Compose file runs only its database and
 * an admin tool for local development, Sairyss/domain-driven-hexagon's). Its code still has hazards a developer
 * wants to see while typing, so the workspace folder is one service, with low confidence, no capacity and no
 * environment. Not when a recipe links any code: then the recipes say what runs.
 */
export function workspaceAsService(files: readonly string[], services: readonly Service[], rootName = 'app', reason?: string): Service | undefined {
  if (services.some((s) => s.codeRoots.length > 0)) return undefined;
  if (!files.some((f) => languageOfFile(f) !== undefined && !notAService(posix.dirname(f)))) return undefined;
  if (services.some((s) => s.name === rootName)) return undefined;
  const others = services.map((s) => s.name);
  const why =
    reason ??
    (others.length
      ? `the recipes here run only images that nothing in this folder builds (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})`
      : 'no recipe or Dockerfile here says which code runs');
  return {
    name: rootName,
    recipes: [],
    capacity: {},
    env: {},
    environments: [],
    codeRoots: [
      {
        root: '.',
        reason: `${why}: the whole folder is analysed as one service, with no capacity or environment (add its recipe, or link it in .ops-lens.yaml)`,
        confidence: 'low',
      },
    ],
  };
}

/** Images that serve files and run no code of the workspace: a static front-end's (`FROM nginx`, `COPY ./dist …`). */
const STATIC_SERVERS = /^(?:nginx|nginx-unprivileged|httpd|caddy|lighttpd)$/;

/** Whether a Dockerfile's image is a web server over files (its last stage from one of STATIC_SERVERS). */
export function servesStaticFiles(dockerfile: string): boolean {
  const image = finalBaseImage(dockerfile);
  return image !== undefined && STATIC_SERVERS.test(imageShortName(image).toLowerCase());
}

/**
 * A server's entry point, as its source says it (one file of it): Spring Boot's `@SpringBootApplication`, Quarkus,
 * Micronaut, a Go `ListenAndServe` or gin/echo/fiber app, FastAPI, Flask, Django's WSGI/ASGI application, a NestJS,
 * Express, Fastify, Koa or Hono app. (Linear patterns, read only in the case below.)
 */
const JS_SERVER_ENTRY = /\bNestFactory\.create\b|\bexpress\(\)|\bfastify\(|\bnew Koa\(|\bnew Hono\(/;
const SERVER_ENTRY: Record<LanguageId, RegExp> = {
  java: /@SpringBootApplication\b|\bSpringApplication\.run\(|@QuarkusMain\b|\bMicronaut\.run\(|\bJavalin\.create\(/,
  go: /\bListenAndServe(?:TLS)?\(|\bgin\.(?:Default|New)\(\)|\becho\.New\(\)|\bfiber\.New\(/,
  python: /\bFastAPI\(|\bFlask\(__name__|\bget_wsgi_application\(|\bget_asgi_application\(|\buvicorn\.run\(/,
  typescript: JS_SERVER_ENTRY,
  tsx: JS_SERVER_ENTRY,
  javascript: JS_SERVER_ENTRY,
};

/** At most this many files are read for a server's entry point (serverBesideStaticFrontEnds). */
const MAX_ENTRY_FILES_READ = 2000;

/**
 * Folders of a server run only while developing or testing (beside NOT_A_SERVICE's): a front-end's mock API
 * (`mock/server.js` with `express()`), Jest's `__mocks__`, a dev server.
 */
const DEV_SERVERS = /(^|\/)(?:mocks?|__mocks__|mock[-_]server|dev[-_]server)(\/|$)/i;

/** Files named like a server's entry point: `OrderApplication.java`, `main.go`, `app.py`, `server.ts`, `wsgi.py`. */
const ENTRY_NAME = /^(?:\w*Application\.java|(?:main|app|server|index|wsgi|asgi|manage)\.(?:go|py|ts|js|mjs|cjs))$/;

/**
 * The whole-folder fallback (workspaceAsService) when the only Dockerfiles here are static front-ends' (mall4cloud's
 * `front-end/mall4cloud-platform/Dockerfile`, `FROM nginx`, `COPY ./dist`) and no recipe links code: such an image
 * serves files, it says nothing of which code runs, so a server's code outside those folders (mall4cloud's twelve
 * Spring Boot applications) would otherwise be in no service, without a word. Only when that code has a server's entry
 * point (SERVER_ENTRY), so a workspace whose other code is a library or tooling is as before (nor one under a mock's or
 * a dev server's folder, DEV_SERVERS); the front-ends keep their folders (the more specific link).
 */
export async function serverBesideStaticFrontEnds(
  files: readonly string[],
  services: readonly Service[],
  built: readonly Service[],
  dockerfileTexts: ReadonlyMap<string, string>,
  read: (file: string) => Promise<string | undefined>,
  rootName = 'app',
): Promise<Service | undefined> {
  if (!built.length || services.some((s) => s.codeRoots.length > 0) || built.some((s) => s.name === rootName)) return undefined;
  const statics = built.filter((s) => s.codeRoots.length === 1 && s.codeRoots[0].evidence && servesStaticFiles(dockerfileTexts.get(s.codeRoots[0].evidence.file) ?? ''));
  if (statics.length !== built.length) return undefined;
  const roots = statics.map((s) => s.codeRoots[0].root);
  // (Files named like an entry point first: the search mostly ends with the first few read.)
  const outside = files
    .filter((f) => languageOfFile(f) !== undefined && !roots.some((r) => within(f, r)) && !notAService(posix.dirname(f)) && !DEV_SERVERS.test(posix.dirname(f)))
    .sort((a, b) => Number(ENTRY_NAME.test(posix.basename(b))) - Number(ENTRY_NAME.test(posix.basename(a))));
  let entry: string | undefined;
  for (let i = 0; i < Math.min(outside.length, MAX_ENTRY_FILES_READ) && entry === undefined; i += 16) {
    const batch = outside.slice(i, Math.min(i + 16, MAX_ENTRY_FILES_READ));
    const texts = await Promise.all(batch.map((f) => read(f)));
    entry = batch.find((f, k) => texts[k] !== undefined && SERVER_ENTRY[languageOfFile(f)!].test(texts[k]!));
  }
  if (entry === undefined) return undefined;
  const dockerfiles = statics.map((s) => s.codeRoots[0].evidence!.file);
  const why = `the only Dockerfiles here serve a static front-end's files (${dockerfiles.slice(0, 3).join(', ')}${dockerfiles.length > 3 ? ', …' : ''}), and no recipe or Dockerfile says which code runs the server ${entry} starts`;
  return workspaceAsService(files, [...services, ...built.filter((s) => !statics.includes(s))], rootName, why);
}
