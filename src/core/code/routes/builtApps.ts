/**
 * JavaScript apps one module builds and another serves: dittofeed's lite service starts the API package's app as its
 * own (`packages/lite/scripts/startLite.ts`: `const app = await buildApp()`, imported from `api/src/buildApp`, then
 * `app.route({ url: "/*", … })` and `app.listen(…)`), so it serves every route that package's buildApp registers. The
 * join (WorkspaceLinker.builtAppRoutes) lists them under the serving module's service as well.
 */

/** `const app = fastify(…)`, `express()`, `new Koa()`, `new Hono()`, `new Elysia()`: the app a function makes. */
const MAKES_APP = /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;\n]+)?=\s*(?:(?:fastify|Fastify|express)\s*\(|new\s+(?:Koa|Hono|Elysia)\s*\()/g;

/** Whether a function's body makes an app of a framework and returns that app (dittofeed's `buildApp()`). */
export function returnsMadeApp(body: string): boolean {
  if (!/\breturn\b/.test(body)) return false;
  for (const m of body.matchAll(MAKES_APP)) if (new RegExp(String.raw`\breturn\s+${m[1].replace(/\$/g, '\\$')}\s*[;}\n]`).test(body)) return true;
  return false;
}

/** `const app = await buildApp(…)` (typed or not): the name kept and the plain function called. */
const KEEPS_CALL = /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;\n]+)?=\s*(?:await\s+)?([\w$]+)\s*\(/g;

/**
 * The functions whose result the module serves as its app: kept in a name it calls `listen(` on or registers routes on
 * (`receivers`). Only a plain name is called (a function the module imports or defines), never a method.
 */
export function appMakersOf(text: string, receivers: ReadonlySet<string>): string[] | undefined {
  const out = new Set<string>();
  for (const m of text.matchAll(KEEPS_CALL)) {
    const [, local, maker] = m;
    if (maker === 'require' || !(receivers.has(local) || text.includes(`${local}.listen(`))) continue;
    out.add(maker);
  }
  return out.size ? [...out] : undefined;
}

/**
 * A module that makes an app and listens on it itself: a server of its own (an admin app beside the API's, `const admin
 * = express(); …; admin.listen(3002)`), whose routes are not the app another module's function builds.
 */
export function listensOnOwnApp(text: string): boolean {
  for (const m of text.matchAll(MAKES_APP)) if (text.includes(`${m[1]}.listen(`)) return true;
  return false;
}
