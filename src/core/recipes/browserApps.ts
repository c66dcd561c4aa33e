import { posix } from 'node:path';
import type { FileSystem } from '../host/fileSystem';

/** Packages that make a folder's code run in a browser. */
const BROWSER = /^(react|react-dom|vue|@angular\/core|svelte|preact|solid-js|lit|@vue\/runtime-dom|ember-source|mithril|alpinejs)$/;
/** Packages that make it serve requests (also server-side rendering frameworks, whose code runs on a server too). */
const SERVER =
  /^(express|fastify|koa|@nestjs\/core|next|nuxt|@remix-run\/(node|server-runtime)|@sveltejs\/kit|astro|@hapi\/hapi|hapi|restify|@adonisjs\/core|sails|@loopback\/core|hono|@feathersjs\/feathers|@apollo\/server|apollo-server|socket\.io|ws)$/;

/**
 * Folders of a single-page app (a package.json depending on React, Vue, Angular… and on no server framework, such as
 * gotify's `ui/`): its code runs in users' browsers, so a `fetch` without a timeout or a loop of requests there is
 * not load on a service. Its files are not analysed, like other browser assets.
 */
export async function browserApps(fs: FileSystem, files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    if (!/(^|\/)package\.json$/.test(f) || f.includes('node_modules/') || f.split('/').length > 4) continue;
    let pkg: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown>; peerDependencies?: Record<string, unknown> };
    try {
      pkg = JSON.parse(await fs.readText(f));
    } catch {
      continue; // not ours to report: the recipes' problems are
    }
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
    if (names.some((n) => BROWSER.test(n)) && !names.some((n) => SERVER.test(n))) out.push(posix.dirname(f));
  }
  return out.sort();
}
