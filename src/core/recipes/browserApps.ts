import { posix } from 'node:path';

/** Packages that make a folder's code run in a browser. */
const BROWSER = /^(react|react-dom|vue|@angular\/core|svelte|preact|solid-js|lit|@vue\/runtime-dom|ember-source|mithril|alpinejs)$/;
/**
 * Packages that make it serve requests (also server-side rendering frameworks, whose code runs on a server too; not
 * React Router's, whose apps may be built for the browser alone: plane's `ssr: false`), or
 * that only a server can use: database clients and ORMs, queues, Node-only SDKs (documenso's root and lib packages
 * list React beside Prisma, tRPC's server, pg, BullMQ, the AWS SDK's clients: their code runs on the server too).
 */
const SERVER =
  /^(express|fastify|koa|@nestjs\/core|next|nuxt|@remix-run\/(node|server-runtime)|@sveltejs\/kit|astro|@hapi\/hapi|hapi|restify|@adonisjs\/core|sails|@loopback\/core|hono|@hono\/node-server|@feathersjs\/feathers|@strapi\/strapi|elysia|@apollo\/server|apollo-server|socket\.io|ws|@trpc\/server|@prisma\/client|prisma|[\w@.-]+\/prisma|typeorm|sequelize|mongoose|mongodb|knex|kysely|pg|mysql2?|drizzle-orm|ioredis|bullmq|bull|nodemailer|posthog-node|@aws-sdk\/client-[\w-]+|@node-rs\/[\w-]+)$/;

/** Frameworks that render on a server, whichever list names them (SERVER's). */
const RENDERING_SERVER = /^(next|nuxt|@remix-run\/(node|server-runtime)|@sveltejs\/kit|astro)$/;

/** Packages a browser extension is built with: the WebExtension API's polyfill, CRXJS's Vite plugin, WXT, Plasmo. */
const EXTENSION = /^(webextension-polyfill|@crxjs\/vite-plugin|wxt|plasmo)$/;

/**
 * Folders of a single-page app (a package.json depending on React, Vue, Angular… and on no server framework, such as
 * gotify's `ui/`), of a mobile app (React Native, Expo), a desktop app (Electron), an Obsidian plugin, a VS Code
 * extension or a browser extension: its code runs in users' browsers, phones or editors, so a `fetch`
 * without a timeout or a loop of requests there is not load on a service. Its files are not analysed, like other
 * browser assets.
 */
export function browserApps(texts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [f, text] of texts) {
    // Most package.json files name no browser framework: ruled out before they are parsed.
    if (!isPackageJson(f) || !/"(react|vue|@angular\/core|svelte|preact|solid-js|lit|@vue\/runtime-dom|ember-source|mithril|alpinejs|nuxt|next|react-native|expo|electron|obsidian|@types\/vscode|vscode|webextension-polyfill|@crxjs\/vite-plugin|wxt|plasmo|@capacitor\/core)"/.test(text)) continue;
    const pkg = parsePackage(text);
    if (!pkg) continue; // not ours to report: the recipes' problems are
    const names = dependencyNames(pkg);
    // A React Native or Expo app runs on phones, whatever it also lists (linkwarden's mobile app names its Prisma package).
    // (Also a Capacitor app, saltcorn's mobile app: web code packaged for phones.)
    if (names.includes('react-native') || names.includes('expo') || names.includes('@capacitor/core')) {
      out.push(posix.dirname(f));
      continue;
    }
    // (A server package only among a package's devDependencies is a tool of its build or tests, vikunja's frontend's
    // `ws`, unless the package lists everything there, as one bundled whole does; or it is the framework that renders
    // the app on a server, which SvelteKit's, Nuxt's and Next's templates list there, its build bundling it.)
    const servers = (Object.keys(pkg.dependencies ?? {}).length ? [...runtimeNames(pkg), ...Object.keys(pkg.devDependencies ?? {}).filter((n) => RENDERING_SERVER.test(n))] : names).filter((n) => SERVER.test(n));
    // So do a desktop app (Electron), an Obsidian plugin and a VS Code extension, on their users' machines (khoj's
    // `src/interface/desktop` and `src/interface/obsidian`): no request of a service's waits on them. Not one that
    // also runs a server (Trilium's Electron app is an Express server too).
    // So does a browser extension built with the WebExtension polyfill, CRXJS, WXT or Plasmo, in its users' browsers.
    // (`ws` alone is no server there: it is a WebSocket client too, rotki's Electron + Vue `frontend/app`; unless its
    // `start` script runs a file with Node, `"start": "node server.js"`, npm's own way to start a server.)
    const wsServes = servers.includes('ws') && typeof pkg.scripts?.start === 'string' && NODE_RUNS_FILE.test(pkg.scripts.start);
    if ((names.includes('electron') || names.includes('obsidian') || names.includes('@types/vscode') || typeof pkg.engines?.vscode === 'string' || names.some((n) => EXTENSION.test(n))) && servers.every((n) => n === 'ws') && !wsServes) {
      out.push(posix.dirname(f));
      continue;
    }
    // Nuxt brings Vue, and Next React, without the package naming them (mealie's frontend lists only nuxt).
    const renderers = servers.filter((n) => n === 'nuxt' || n === 'next');
    if ((names.some((n) => BROWSER.test(n)) || renderers.length > 0) && (servers.length === 0 || (servers.length === renderers.length && exportsStatic(texts, posix.dirname(f)))))
      out.push(posix.dirname(f));
    // A Strapi server's admin panel customisations (`src/admin/app.js`, its extensions) are built into the browser's.
    else if (names.includes('@strapi/strapi')) out.push(posix.join(posix.dirname(f), 'src/admin'));
  }
  // A browser extension whose package names none of those (postiz's `apps/extension`: its Vite build and its
  // dependencies are the monorepo's): the manifest.json with a `manifest_version` that Chrome and Firefox read, in the
  // package's folder or its `public/` or `src/` (a web app's manifest has none). Not a package that runs a server.
  for (const [f, text] of texts) {
    if (!isExtensionManifest(f) || !/"manifest_version"\s*:/.test(text)) continue;
    const dir = posix.dirname(f);
    const folder = [dir, ...(/(^|\/)(?:public|src)$/.test(dir) ? [posix.dirname(dir)] : [])].find((d) => texts.has(d === '.' ? 'package.json' : `${d}/package.json`));
    if (folder === undefined || out.includes(folder)) continue;
    const pkg = parsePackage(texts.get(folder === '.' ? 'package.json' : `${folder}/package.json`)!);
    if (pkg && !dependencyNames(pkg).some((n) => SERVER.test(n))) out.push(folder);
  }
  return out.sort();
}

/**
 * The packages of their own below browser apps' folders (saltcorn's root package.json lists React for one package's
 * tests; its `packages/server` is an Express server): each is judged by its own package.json, browser code only if
 * it is among `folders` itself (isAnalysedFile: the deepest folder decides).
 */
export function packagesBelow(texts: ReadonlyMap<string, string>, folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of texts.keys()) {
    if (!isPackageJson(f)) continue;
    const dir = posix.dirname(f);
    if (dir === '.' || folders.includes(dir)) continue;
    if (folders.some((b) => b === '.' || dir.startsWith(`${b}/`))) out.push(dir);
  }
  return out.sort();
}

/** A script that runs a file with Node (or its watchers and TypeScript runners): `node server.js`, `nodemon src/index.ts`. */
const NODE_RUNS_FILE = /^(?:node|nodemon|ts-node|tsx)\s+(?:-\S+\s+)*[\w./-]+\.[cm]?[jt]s\b/;

interface PackageJson {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
  engines?: Record<string, unknown>;
}

function parsePackage(text: string): PackageJson | undefined {
  try {
    const pkg: unknown = JSON.parse(text);
    return pkg && typeof pkg === 'object' ? (pkg as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** What the package needs when it runs: its dependencies and peers. */
function runtimeNames(pkg: PackageJson): string[] {
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
}

function dependencyNames(pkg: PackageJson): string[] {
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
}

/** A browser extension's manifest.json, which browserApps reads (near the workspace's top, as package.json files). */
export function isExtensionManifest(file: string): boolean {
  return /(^|\/)manifest\.json$/.test(file) && !file.includes('node_modules/') && file.split('/').length <= 7;
}

/**
 * A Nuxt or Next app built into static files, served by something else: Nuxt 2's `target: 'static'` (mealie's
 * frontend), Next's `output: 'export'`. No server runs its code, though the framework can render on one.
 */
function exportsStatic(texts: ReadonlyMap<string, string>, dir: string): boolean {
  for (const [f, text] of texts) {
    if (!isFrameworkConfig(f) || posix.dirname(f) !== dir) continue;
    if (/\btarget\s*:\s*['"]static['"]/.test(text) || /\boutput\s*:\s*['"]export['"]/.test(text)) return true;
  }
  return false;
}

/** Nuxt's and Next's configuration files, which say whether the app is exported as static files (browserApps). */
export function isFrameworkConfig(file: string): boolean {
  return /(^|\/)(nuxt|next)\.config\.[cm]?[jt]s$/.test(file) && !file.includes('node_modules/') && file.split('/').length <= 6;
}

/**
 * Folders a bundler builds for browsers inside a package that also runs a server: the folders of a webpack config's
 * `entry` files or a Vite config's `rollupOptions.input` (Outline's `app/index.tsx` beside its Koa server in `server/`,
 * Trilium's `src/public/app/*.js`). Their code runs in users' browsers, as a single-page app's does. Not a build for
 * Node (webpack's `target: 'node'`, `nodeExternals()`, any Vite config that mentions `ssr`: documenso's Hono server is
 * an `entry:` there), not an entry at the config's own folder or in a `src/` just below it (that folder may hold the
 * server too), not an HTML page.
 */
export function bundledForBrowsers(texts: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const [f, text] of texts) {
    if (!isBundlerConfig(f)) continue;
    // Rspack reads webpack's configuration.
    const kind = BUNDLER_CONFIG.exec(f)![2] === 'vite' ? 'vite' : 'webpack';
    if (kind === 'webpack' ? /\btarget\s*:\s*['"`](?:async-)?node[\d.]*['"`]|nodeExternals|node-externals/.test(text) : /\bssr\b/.test(text)) continue;
    const block = kind === 'webpack' ? /\bentry\s*:\s*/g : /\binput\s*:\s*/g;
    // Entries are read from where the bundler runs: the package's folder, also for a config kept in a folder of its
    // own (Flagsmith's `frontend/rspack/rspack.config.prod.js` with `entry: { main: './web/main.js' }`).
    const dir = packageFolderOf(texts, posix.dirname(f));
    for (const m of text.matchAll(block)) {
      // The entry's value: a string, or the strings of the list or object that follows, up to its closing bracket.
      const from = m.index + m[0].length;
      const eol = text.indexOf('\n', from);
      const value = /^['"`]/.test(text[from] ?? '') ? text.slice(from, eol < 0 ? text.length : eol) : text.slice(from, closingBracket(text, from));
      for (const e of value.matchAll(/['"`]((?:\.{1,2}\/)?[\w@./-]+\.(?:[cm]?[jt]sx?))['"`]/g)) {
        const folder = posix.dirname(posix.normalize(posix.join(dir, e[1])));
        if (folder.startsWith('..') || folder === dir || folder === posix.join(dir, 'src') || folder === '.') continue;
        out.add(folder);
      }
    }
  }
  return [...out].sort();
}

const BUNDLER_CONFIG = /(^|\/)(webpack|rspack|vite)(?:\.[\w-]+)*\.config(?:\.[\w-]+)*\.[cm]?[jt]s$/;

/** The nearest folder from `dir` up that holds a package.json among the texts read, else `dir` itself. */
function packageFolderOf(texts: ReadonlyMap<string, string>, dir: string): string {
  for (let d = dir; ; d = posix.dirname(d)) {
    if (texts.has(d === '.' ? 'package.json' : `${d}/package.json`)) return d;
    if (d === '.' || d === '/' || d === '') return dir;
  }
}

/** Bundler configurations, which bundledForBrowsers reads. */
export function isBundlerConfig(file: string): boolean {
  return BUNDLER_CONFIG.test(file) && !file.includes('node_modules/') && file.split('/').length <= 6;
}

/** Where the bracket opening at `from` closes (the text's end if it does not): strings are not looked into. */
function closingBracket(text: string, from: number): number {
  if (text[from] !== '{' && text[from] !== '[') return from;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (--depth === 0) return i + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return text.length;
      i = end;
    }
  }
  return text.length;
}

/**
 * The package.json files browserApps reads: the workspace's own, near its top (five folders down at most: Quarkus
 * Quinoa's `ui-super-heroes/src/main/webui/` is four).
 */
export function isPackageJson(file: string): boolean {
  return /(^|\/)package\.json$/.test(file) && !file.includes('node_modules/') && file.split('/').length <= 6;
}

/** A project that is not Node's: its scripts are served to browsers, not run by it. */
const OTHER_PROJECT = /^(go\.mod|pom\.xml|build\.gradle(\.kts)?|requirements\.txt|pyproject\.toml|setup\.py|Pipfile|Gemfile|composer\.json|Cargo\.toml|mix\.exs|[^/]+\.csproj)$/;
const NODE_PROJECT = /^(package\.json|deno\.jsonc?)$/;
const SCRIPT = /\.[cm]?[jt]sx?$/;

/**
 * Folders of scripts that a project of another language serves as they are (go-coffeeshop's `cmd/web/app/js/`
 * under its go.mod): no package.json above them, and a Go, Java, Python… build file above them. A Node service
 * always has a package.json; a lone Lambda handler in a folder of no project is still analysed.
 */
export function scriptsOfOtherProjects(files: readonly string[]): string[] {
  const node = new Set<string>();
  const other = new Set<string>();
  for (const f of files) {
    const base = posix.basename(f);
    if (NODE_PROJECT.test(base)) node.add(posix.dirname(f));
    else if (OTHER_PROJECT.test(base)) other.add(posix.dirname(f));
  }
  if (other.size === 0) return [];
  const out = new Set<string>();
  for (const f of files) {
    if (!SCRIPT.test(f) || f.includes('node_modules/')) continue;
    const dir = posix.dirname(f);
    let underNode = false;
    let underOther = false;
    for (let d = dir; ; d = posix.dirname(d)) {
      if (node.has(d)) underNode = true;
      if (other.has(d)) underOther = true;
      if (d === '.' || d === '/' || d === '') break;
    }
    if (underOther && !underNode) out.add(dir);
  }
  return [...out].sort();
}
