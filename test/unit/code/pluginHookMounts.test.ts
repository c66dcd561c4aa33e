import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

// outline's plugin registry: plugins register routers with `PluginManager.add(…)`, the app mounts the hooks of a type.
const registry = lines(
  'import Router from "koa-router";',
  'export enum Hook { API = "api", AuthProvider = "authProvider", Processor = "processor" }',
  'type Plugin = { type: Hook; value: unknown };',
  'export class PluginManager {',
  '  private static plugins: Plugin[] = [];',
  '  public static add(plugins: Plugin[] | Plugin) { this.plugins.push(...[plugins].flat()); }',
  '  public static getHooks(type: Hook) { return this.plugins.filter((p) => p.type === type); }',
  '}',
);

const app = lines(
  'import Koa from "koa";',
  'import mount from "koa-mount";',
  'import api from "./api";',
  'import auth from "./auth";',
  'const app = new Koa();',
  'app.use(mount("/api", api));',
  'app.use(mount("/auth", auth));',
  'app.listen(3000);',
);

const plugin = (name: string) =>
  lines(
    'import Router from "koa-router";',
    'const router = new Router();',
    `router.post("${name}.list", async (ctx) => { ctx.body = []; });`,
    'export default router;',
  );

describe('routers registered in a plugin registry, mounted where its hooks of a type are', () => {
  it('are under the mount of their type: the value itself, or a member of it, through forEach or for…of', async () => {
    const f = await joined({
      'src/utils/PluginManager.ts': registry,
      'src/app.ts': app,
      'src/api.ts': lines(
        'import Koa from "koa";',
        'import Router from "koa-router";',
        'import { PluginManager, Hook } from "./utils/PluginManager";',
        'const api = new Koa();',
        'const router = new Router();',
        'PluginManager.getHooks(Hook.API).forEach((hook) => router.use("/", hook.value.routes()));',
        'router.post("documents.list", async (ctx) => { ctx.body = []; });', // 6
        'api.use(router.routes());',
        'export default api;',
      ),
      'src/auth.ts': lines(
        'import Koa from "koa";',
        'import Router from "koa-router";',
        'import { PluginManager, Hook } from "./utils/PluginManager";',
        'const app = new Koa();',
        'const router = new Router();',
        'for (const provider of PluginManager.getHooks(Hook.AuthProvider)) {',
        '  router.use("/", provider.value.router.routes());',
        '}',
        'app.use(router.routes());',
        'export default app;',
      ),
      'src/plugins/passkeys/index.ts': lines(
        'import { PluginManager, Hook } from "../../utils/PluginManager";',
        'import config from "../plugin.json";',
        'import api from "./api";',
        'import router from "./auth";',
        'PluginManager.add([',
        '  { ...config, type: Hook.AuthProvider, value: { router, id: config.id } },',
        '  { ...config, type: Hook.API, value: api },',
        ']);',
      ),
      'src/plugins/passkeys/api.ts': plugin('passkeys'),
      'src/plugins/passkeys/auth.ts': plugin('passkey'),
      // One registration alone, not in a list.
      'src/plugins/files/index.ts': lines('import { PluginManager, Hook } from "../../utils/PluginManager";', 'import files from "./files";', 'PluginManager.add({ type: Hook.API, value: files });'),
      'src/plugins/files/files.ts': plugin('files'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['POST /api/documents.list src/api.ts:6', 'POST /api/files.list src/plugins/files/files.ts:2', 'POST /api/passkeys.list src/plugins/passkeys/api.ts:2', 'POST /auth/passkey.list src/plugins/passkeys/auth.ts:2'],
    );
  });

  it('are not under the mount of another type, another registry, or a member the mount does not read', async () => {
    const f = await joined({
      'src/utils/PluginManager.ts': registry,
      'src/app.ts': app,
      'src/api.ts': lines(
        'import Koa from "koa";',
        'import Router from "koa-router";',
        'import { PluginManager, Hook } from "./utils/PluginManager";',
        'const api = new Koa();',
        'const router = new Router();',
        'PluginManager.getHooks(Hook.API).forEach((hook) => router.use("/", hook.value.routes()));',
        'api.use(router.routes());',
        'export default api;',
      ),
      'src/auth.ts': lines(
        'import Koa from "koa";',
        'import Router from "koa-router";',
        'import { PluginManager, Hook } from "./utils/PluginManager";',
        'const app = new Koa();',
        'const router = new Router();',
        'PluginManager.getHooks(Hook.AuthProvider).forEach((hook) => router.use("/", hook.value.router.routes()));',
        'app.use(router.routes());',
        'export default app;',
      ),
      'src/plugins/other/index.ts': lines(
        'import { PluginManager, OtherManager, Hook } from "../../utils/PluginManager";',
        'import processor from "./processor";',
        'import other from "./other";',
        'import provider from "./provider";',
        'PluginManager.add([{ type: Hook.Processor, value: processor }, { type: Hook.AuthProvider, value: { handler: provider } }]);',
        'OtherManager.add({ type: Hook.API, value: other });',
      ),
      'src/plugins/other/processor.ts': plugin('processor'),
      'src/plugins/other/other.ts': plugin('other'),
      'src/plugins/other/provider.ts': plugin('provider'),
    });
    // Mounted nowhere, as any router no mount reaches: at its own paths.
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['POST /other.list src/plugins/other/other.ts:2', 'POST /processor.list src/plugins/other/processor.ts:2', 'POST /provider.list src/plugins/other/provider.ts:2'],
    );
  });

  it("through a class's static member that gives them, in another file, and a name given the router first", async () => {
    const f = await joined({
      'src/utils/PluginManager.ts': registry,
      // outline's AuthenticationHelper and server/routes/auth/index.ts.
      'src/helpers/AuthenticationHelper.ts': lines(
        'import { Hook, PluginManager } from "../utils/PluginManager";',
        'export default class AuthenticationHelper {',
        '  public static get providers() {',
        '    return PluginManager.getHooks(Hook.AuthProvider);',
        '  }',
        '  public static get others() {',
        '    return PluginManager.getHooks(Hook.Processor).slice(1);',
        '  }',
        '}',
      ),
      'src/app.ts': app,
      'src/api.ts': lines('import Koa from "koa";', 'const api = new Koa();', 'export default api;'),
      'src/auth.ts': lines(
        'import Koa from "koa";',
        'import Router from "koa-router";',
        'import AuthenticationHelper from "./helpers/AuthenticationHelper";',
        'const app = new Koa();',
        'const router = new Router();',
        'void (async () => {',
        '  for (const provider of AuthenticationHelper.providers) {',
        '    const resolvedRouter = await provider.value.router;',
        '    if (resolvedRouter) router.use("/", resolvedRouter.routes());',
        '  }',
        // Not a registry's hooks: what its file's member gives is something else.
        '  for (const other of AuthenticationHelper.others) {',
        '    const r = other.value.router;',
        '    router.use("/", r.routes());',
        '  }',
        '})();',
        'app.use(router.routes());',
        'export default app;',
      ),
      'src/plugins/slack/index.ts': lines(
        'import { PluginManager, Hook } from "../../utils/PluginManager";',
        'import router from "./auth";',
        'import processor from "./processor";',
        'PluginManager.add([{ type: Hook.AuthProvider, value: { router, id: "slack" } }, { type: Hook.Processor, value: { router: processor } }]);',
      ),
      'src/plugins/slack/auth.ts': plugin('slack'),
      'src/plugins/slack/processor.ts': plugin('processor'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['POST /auth/slack.list src/plugins/slack/auth.ts:2', 'POST /processor.list src/plugins/slack/processor.ts:2'],
    );
  });
});
