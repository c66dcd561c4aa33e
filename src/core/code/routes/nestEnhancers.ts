import type { Node } from '@vscode/tree-sitter-wasm';
import { strategyKey } from '../languages/javascript';

/** The decorators that give a NestJS controller or handler its guards, interceptors and pipes. */
const ENHANCER_DECORATOR = /^@(?:UseGuards|UseInterceptors|UsePipes)\s*\(([\s\S]*)\)\s*$/;

/**
 * The guards, interceptors and pipes a NestJS handler method runs with, by class name: its own `@UseGuards(JwtGuard)`,
 * `@UseInterceptors(new CacheInterceptor())`, `@UsePipes(…)`, then its controller class's; Passport's `AuthGuard('jwt')`
 * as `passport:jwt`, the strategy whose verify function runs.
 */
export function nestEnhancersOf(method: Node): string[] {
  const out: string[] = [];
  const read = (d: Node | null) => {
    const m = d?.type === 'decorator' ? ENHANCER_DECORATOR.exec(d.text) : null;
    if (!m) return;
    for (const a of m[1].matchAll(/(?:^|,)\s*(new\s+)?([A-Z][\w$]*)\s*(\()?/g)) if ((a[1] || !a[3]) && !out.includes(a[2])) out.push(a[2]);
    // Passport's `AuthGuard('jwt')`, `AuthGuard(['jwt', 'anonymous'])`: the strategies' verify functions.
    for (const g of m[1].matchAll(/\bAuthGuard\s*\(\s*\[?([^)\]]*)/g)) for (const n of g[1].matchAll(/['"]([\w-]+)['"]/g)) if (!out.includes(strategyKey(n[1]))) out.push(strategyKey(n[1]));
  };
  for (let d = method.previousNamedSibling; d?.type === 'decorator'; d = d.previousNamedSibling) read(d);
  for (const d of method.namedChildren) read(d);
  const cls = method.parent?.type === 'class_body' ? method.parent.parent : null;
  for (const holder of [cls, cls?.parent?.type === 'export_statement' ? cls.parent : null]) for (const d of holder?.namedChildren ?? []) read(d);
  return out;
}

/**
 * The enhancers a NestJS app gives every route, or a controller's, as a module or `main.ts` says: `{ provide:
 * APP_GUARD, useClass: RolesGuard }` (also `APP_INTERCEPTOR`, `APP_PIPE`), `app.useGlobalGuards(new RolesGuard(…))`
 * (also interceptors and pipes), and middleware a module applies, `consumer.apply(LoggerMiddleware).forRoutes('*')` or
 * `.forRoutes(UsersController)`. Not exception filters, which run only when a request fails.
 */
/** A project's guard made of Passport's, `class JwtAuthGuard extends AuthGuard('jwt')`: by class, the strategy it runs. */
export function nestAuthGuardsOf(text: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)\s+extends\s+AuthGuard\s*\(\s*['"]([\w-]+)['"]/g)) (out ??= {})[m[1]] = strategyKey(m[2]);
  return out;
}

export function nestAppEnhancersOf(text: string): { target: string; controller?: string }[] | undefined {
  const out: { target: string; controller?: string }[] = [];
  const add = (target: string, controller?: string) => {
    if (!out.some((o) => o.target === target && o.controller === controller)) out.push({ target, ...(controller ? { controller } : {}) });
  };
  for (const m of text.matchAll(/\{[^{}]*\bprovide\s*:\s*APP_(?:GUARD|INTERCEPTOR|PIPE)\b[^{}]*\}/g)) {
    const cls = /\buseClass\s*:\s*([A-Z][\w$]*)/.exec(m[0])?.[1];
    if (cls) add(cls);
  }
  for (const m of text.matchAll(/\.useGlobal(?:Guards|Interceptors|Pipes)\s*\(([^;]*?)\)\s*;/g)) {
    for (const n of m[1].matchAll(/\bnew\s+([A-Z][\w$]*)\s*\(/g)) add(n[1]);
  }
  for (const m of text.matchAll(/\.apply\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:\.exclude\s*\([^;]*?\)\s*)?\.forRoutes\s*\(([^;]*?)\)\s*;/g)) {
    const applied = [...m[1].matchAll(/(?:^|,)\s*([A-Z][\w$]*)\s*(?=,|$)/g)].map((n) => n[1]);
    const routes = m[2];
    const all = /['"`](?:\*|\/?\(\.\*\)|\/\*|\*path)['"`]|\bpath\s*:\s*['"`](?:\*|\/?\(\.\*\))['"`]/.test(routes);
    const controllers = all ? [] : [...routes.matchAll(/(?:^|,)\s*([A-Z][\w$]*Controller)\s*(?=,|$)/g)].map((n) => n[1]);
    for (const target of applied) {
      if (all) add(target);
      for (const controller of controllers) add(target, controller);
    }
  }
  return out.length ? out : undefined;
}
