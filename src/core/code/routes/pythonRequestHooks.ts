import type { PythonRequestHook } from '../codeModel';
import { closingBracket, topLevelParts } from '../syntax';
import { debugOnly } from './viewClasses';

/** Names an app goes by when the file does not say (`def init_request_processors(app):`). */
const APP_NAMES = /^(?:app|application|flask_app|fastapi_app|server|api)$/;

/** An app made here: `app = Flask(__name__)`, CTFd's `app = CTFdFlask(__name__)`, `app = FastAPI()`. */
const APP_MADE = /^[ \t]*[\w.]+[ \t]*(?::[^=\n]+)?=[ \t]*[\w.]*?(Flask|Quart|FastAPI|Starlette)\(/gm;

/**
 * What a Python web app runs on every request besides the route's handler, as this file registers it:
 * - Flask and Quart hooks, `@app.before_request` (also `after_request`, a blueprint's `before_app_request`) or
 *   `app.before_request(load_user)`: on each of the app's routes, or a blueprint's own hook on its routes;
 * - FastAPI and Starlette middleware, `app.add_middleware(AuthMiddleware, …)` (its `dispatch`, or `__call__`) and
 *   `@app.middleware("http")` functions: on each of the app's routes.
 * Not one added under `if DEBUG:` (a profiler), which production does not run.
 */
export function pythonRequestHooksOf(text: string): PythonRequestHook[] | undefined {
  const out: PythonRequestHook[] = [];
  const apps = pythonAppsOf(text)?.length ?? 0;
  const kindOf = (receiver: string): { app: boolean } | undefined => {
    const made = new RegExp(`^[ \\t]*${receiver.replace(/\./g, '\\.')}[ \\t]*(?::[^=\\n]+)?=[ \\t]*([\\w.]*?)(Flask|Quart|FastAPI|Starlette|Blueprint|APIRouter)\\(`, 'm').exec(text);
    if (made) return made[2] === 'Blueprint' || made[2] === 'APIRouter' ? { app: false } : { app: true };
    // A name imported from another module is what that module made (`from . import api`, a blueprint): only `app` is
    // taken for the app there, any other for a blueprint, whose routes the join finds where it is made (privacyidea's
    // api/before_after.py: `from .token import token_blueprint`, then `@token_blueprint.before_request`).
    const imported = new RegExp(`^[ \\t]*(?:from[ \\t]+\\S+[ \\t]+)?import[ \\t]+(?:\\([^)]*|[^\\n]*)\\b${receiver.split('.')[0]}\\b`, 'm').test(text);
    if (imported) return { app: receiver === 'app' };
    return APP_NAMES.test(receiver) || receiver === 'self.app' ? { app: true } : undefined;
  };
  const add = (at: number, receiver: string, hook: string, target: string[]) => {
    if (debugOnly(text, at)) return;
    // A blueprint's `before_app_request` is the app's hook, whichever blueprint it is on (privacyidea's on an imported
    // `token_blueprint`).
    const appRequest = hook.endsWith('_app_request');
    const kind = kindOf(receiver) ?? (appRequest ? { app: false } : undefined);
    if (!kind) return;
    const asgi = hook === 'add_middleware' || hook === 'middleware';
    const appWide = kind.app || appRequest;
    if (asgi && !kind.app) return;
    out.push({ target, on: asgi ? 'asgi' : 'flask', ...(appWide ? {} : { blueprint: receiver }), ...(kind.app && apps > 1 ? { app: receiver } : {}) });
  };
  // Decorated: `@app.before_request` then `def load_user():`; `@app.middleware("http")` then `async def timing(request, call_next):`.
  // (The decorators below it and the def only looked ahead at: each of stacked ones registers the function, privacyidea's
  // `@token_blueprint.before_request` over `@audit_blueprint.before_request` over `def before_user_request():`.)
  const decorated = /^[ \t]*@([\w.]+)\.(before_request|after_request|before_app_request|after_app_request|middleware)\b(?:\(\s*["']http["']\s*\))?[ \t]*\r?\n(?=(?:[ \t]*@[^\n]*\n)*[ \t]*(?:async[ \t]+)?def[ \t]+(\w+))/gm;
  for (const m of text.matchAll(decorated)) {
    if (m[2] === 'middleware' && !m[0].includes('http')) continue;
    add(m.index!, m[1], m[2], [m[3]]);
  }
  // Called: `app.before_request(load_user)`, `app.add_middleware(AuthSubjectMiddleware, redis=…)`.
  const called = /^[ \t]*([\w.]+)\.(before_request|after_request|before_app_request|after_app_request|add_middleware)\([ \t]*\r?\n?[ \t]*([A-Za-z_][\w.]*)[ \t]*[,)\r\n]/gm;
  for (const m of text.matchAll(called)) add(m.index!, m[1], m[2], m[3].split('.'));
  // Given as the app is made: `app = Starlette(routes=routes, middleware=[Middleware(AuthMiddleware, …)])`, also a
  // list kept in a variable first (`middleware = [Middleware(…)]`, then `FastAPI(middleware=middleware)`).
  for (const m of text.matchAll(/^[ \t]*[\w.]+[ \t]*(?::[^=\n]+)?=[ \t]*[\w.]*?(?:FastAPI|Starlette)\(/gm)) {
    const args = text.slice(m.index! + m[0].length, closingBracket(text, m.index! + m[0].length - 1));
    // The app's own keyword (not a `Mount("/admin", routes=…, middleware=[…])` of its routes, which is that mount's).
    const kwarg = topLevelParts(args).map((p) => p.trim()).find((p) => /^middleware\s*=/.test(p));
    const given = kwarg ? /^middleware\s*=\s*(\[|[A-Za-z_]\w*)/.exec(kwarg) : null;
    if (!given || debugOnly(text, m.index!)) continue;
    let list: string | undefined;
    if (given[1] === '[') list = kwarg!.slice(given[0].length - 1);
    else {
      const kept = new RegExp(`^[ \\t]*${given[1]}[ \\t]*(?::[^=\\n]+)?=[ \\t]*\\[`, 'm').exec(text);
      if (kept) list = text.slice(kept.index + kept[0].length - 1, closingBracket(text, kept.index + kept[0].length - 1) + 1);
    }
    for (const w of list?.matchAll(/\bMiddleware\(\s*([A-Za-z_][\w.]*)/g) ?? []) out.push({ target: w[1].split('.'), on: 'asgi' });
  }
  return out.length ? out : undefined;
}

/** The apps this file makes, by the kind of hooks they run: a service with two (an admin app) keeps each app's to itself. */
export function pythonAppsOf(text: string): PythonRequestHook['on'][] | undefined {
  const out: PythonRequestHook['on'][] = [];
  for (const m of text.matchAll(APP_MADE)) out.push(m[1] === 'Flask' || m[1] === 'Quart' ? 'flask' : 'asgi');
  return out.length ? out : undefined;
}
