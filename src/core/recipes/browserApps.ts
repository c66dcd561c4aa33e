import { posix } from 'node:path';

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
export function browserApps(texts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [f, text] of texts) {
    // Most package.json files name no browser framework: ruled out before they are parsed.
    if (!isPackageJson(f) || !/"(react|vue|@angular\/core|svelte|preact|solid-js|lit|@vue\/runtime-dom|ember-source|mithril|alpinejs)"/.test(text)) continue;
    let pkg: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown>; peerDependencies?: Record<string, unknown> };
    try {
      pkg = JSON.parse(text);
    } catch {
      continue; // not ours to report: the recipes' problems are
    }
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
    if (names.some((n) => BROWSER.test(n)) && !names.some((n) => SERVER.test(n))) out.push(posix.dirname(f));
  }
  return out.sort();
}

/** The package.json files browserApps reads: the workspace's own, near its top. */
export function isPackageJson(file: string): boolean {
  return /(^|\/)package\.json$/.test(file) && !file.includes('node_modules/') && file.split('/').length <= 4;
}
