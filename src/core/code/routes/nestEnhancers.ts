import type { Node } from '@vscode/tree-sitter-wasm';
import { strategyKey } from '../languages/javascript';
import { closingBracket, topLevelParts, withoutComments } from '../syntax';

/** The decorators that give a NestJS controller or handler its guards, interceptors and pipes. */
const ENHANCER_DECORATOR = /^@(?:([\w$]+)\s*\.\s*)?(?:UseGuards|UseInterceptors|UsePipes)\s*\(([\s\S]*)\)\s*$/;

/**
 * The guards, interceptors and pipes a NestJS handler method runs with, by class name: its own `@UseGuards(JwtGuard)`,
 * `@UseInterceptors(new CacheInterceptor())`, `@UsePipes(…)`, then its controller class's; Passport's `AuthGuard('jwt')`
 * as `passport:jwt`, the strategy whose verify function runs.
 */
export function nestEnhancersOf(method: Node, namespaces?: Set<string>): string[] {
  const out: string[] = [];
  eachDecorator(method, (d) => {
    const m = ENHANCER_DECORATOR.exec(d.text);
    // (`@common.UseGuards(…)` only through a namespace `@nestjs/common` is imported as: see nestNamespaces.)
    if (m && (m[1] === undefined || namespaces?.has(m[1]))) for (const name of enhancersIn(m[2])) if (!out.includes(name)) out.push(name);
  });
  return out;
}

/** Each decorator of a handler method, then of its controller class (`onClass`). */
function eachDecorator(method: Node, visit: (d: Node, onClass: boolean) => void): void {
  // (Comments may sit between a method's decorators.)
  for (let d = method.previousNamedSibling; d?.type === 'decorator' || d?.type === 'comment'; d = d.previousNamedSibling) if (d.type === 'decorator') visit(d, false);
  for (const d of method.namedChildren) if (d?.type === 'decorator') visit(d, false);
  const cls = method.parent?.type === 'class_body' ? method.parent.parent : null;
  for (const holder of [cls, cls?.parent?.type === 'export_statement' ? cls.parent : null]) for (const d of holder?.namedChildren ?? []) if (d?.type === 'decorator') visit(d, true);
}

/**
 * The enhancers an argument list names, each argument on its own (`new RolesGuard(Role.Admin, Audit)` is one guard):
 * a class, an instance made in place, or Passport's `AuthGuard('jwt')` as `passport:jwt`.
 */
function enhancersIn(args: string): string[] {
  const out: string[] = [];
  for (const arg of topLevelParts(args).map((p) => p.trim()).filter((p) => p)) {
    const guard = /^AuthGuard\s*\(([^)]*)\)$/.exec(arg);
    // The app's instance of a provider, `app.useGlobalGuards(app.get(RolesGuard))`.
    const provider = /^[\w$]+\.get\s*\(\s*([A-Z][\w$]*)\s*\)$/.exec(arg);
    if (guard) for (const n of guard[1].matchAll(/['"]([\w-]+)['"]/g)) out.push(strategyKey(n[1]));
    else if (provider) out.push(provider[1]);
    else {
      // (Also a class of a module imported whole, Amplication's `defaultAuthGuard.DefaultAuthGuard`: as written.)
      const m = /^(?:new\s+)?((?:[a-z_$][\w$]*\.)?[A-Z][\w$]*)\s*(\(|$)/.exec(arg);
      // (A mixin a function makes, `RoleGuard('admin')`, is no class of the file's.)
      if (m && (m[2] === '' || arg.startsWith('new'))) out.push(m[1]);
    }
  }
  return out;
}

/** A project's guard made of Passport's, `class JwtAuthGuard extends AuthGuard('jwt')`: by class, the strategy it runs. */
export function nestAuthGuardsOf(text: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)\s+extends\s+AuthGuard\s*\(\s*['"]([\w-]+)['"]/g)) (out ??= {})[m[1]] = strategyKey(m[2]);
  return out;
}

/**
 * The enhancers a NestJS app gives every route, or a controller's, as a module or `main.ts` says: `{ provide:
 * APP_GUARD, useClass: RolesGuard }` (or `useExisting`; also `APP_INTERCEPTOR`, `APP_PIPE`), `app.useGlobalGuards(new
 * RolesGuard(…))` or `app.get(RolesGuard)`
 * (also interceptors and pipes), and middleware a module applies, `consumer.apply(LoggerMiddleware).forRoutes('*')` or
 * `.forRoutes(UsersController)`. Not exception filters, which run only when a request fails; not code commented out.
 */
export function nestAppEnhancersOf(source: string): { target: string; controller?: string }[] | undefined {
  const text = withoutComments(source);
  const out: { target: string; controller?: string }[] = [];
  const add = (target: string, controller?: string) => {
    if (!out.some((o) => o.target === target && o.controller === controller)) out.push({ target, ...(controller ? { controller } : {}) });
  };
  for (const m of text.matchAll(/\bprovide\s*:\s*APP_(?:GUARD|INTERCEPTOR|PIPE)\b/g)) {
    // The provider object around it, also one whose factory has braces of its own.
    const open = objectStart(text, m.index!);
    if (open < 0) continue;
    const provider = text.slice(open, closingBracket(text, open) + 1);
    const cls = /\buse(?:Class|Existing)\s*:\s*([A-Z][\w$]*)/.exec(provider)?.[1];
    // `useFactory: (reflector: Reflector) => new RolesGuard(reflector)`: the class the factory makes.
    const made = /\buseFactory\s*:/.test(provider) ? /\bnew\s+([A-Z][\w$]*)\s*\(/.exec(provider)?.[1] : undefined;
    if (cls ?? made) add((cls ?? made)!);
  }
  for (const m of text.matchAll(/\.useGlobal(?:Guards|Interceptors|Pipes)\s*\(/g)) {
    const end = closingBracket(text, m.index! + m[0].length - 1);
    for (const name of enhancersIn(text.slice(m.index! + m[0].length, end))) if (!name.startsWith('passport:')) add(name);
  }
  // `consumer.apply(A, B).exclude(…).forRoutes(…)`, each link read to its own closing bracket.
  for (const m of text.matchAll(/\.apply\s*\(/g)) {
    const applyEnd = closingBracket(text, m.index! + m[0].length - 1);
    let at = applyEnd + 1;
    const link = (name: string): string | undefined => {
      const l = new RegExp(`^\\s*\\.${name}\\s*\\(`).exec(text.slice(at));
      if (!l) return undefined;
      const open = at + l[0].length - 1;
      const end = closingBracket(text, open);
      at = end + 1;
      return text.slice(open + 1, end);
    };
    // (What `exclude` leaves out is not read: the middleware is on those routes too.)
    link('exclude');
    const routes = link('forRoutes');
    if (routes === undefined) continue;
    const applied = topLevelParts(text.slice(m.index! + m[0].length, applyEnd)).map((p) => p.trim()).filter((a) => /^[A-Z][\w$]*$/.test(a));
    // Every path: `'*'`, `'(.*)'`, `'/*'`, and Nest 11's named wildcards, `'*path'`, `'{*splat}'`.
    const all = /['"`]\/?(?:\*\w*|\(\.\*\)|\{\*\w+\})['"`]/.test(routes);
    // Controllers, also spread from a list the file keeps (postiz's `forRoutes(...authenticatedController)`).
    const named = topLevelParts(routes).flatMap((p) => {
      const spread = /^\.\.\.\s*([\w$]+)$/.exec(p.trim());
      if (!spread) return [p.trim()];
      const kept = new RegExp(`\\b(?:const|let|var)\\s+${spread[1].replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*\\[`).exec(text);
      return kept ? topLevelParts(text.slice(kept.index + kept[0].length, closingBracket(text, kept.index + kept[0].length - 1))).map((c) => c.trim()) : [];
    });
    const controllers = all ? [] : named.filter((r) => /^[A-Z][\w$]*Controller$/.test(r));
    for (const target of applied) {
      if (all) add(target);
      for (const controller of controllers) add(target, controller);
    }
  }
  return out.length ? out : undefined;
}


/** The offset of the `{` that opens the object literal around `at` (-1 if none). */
function objectStart(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) return -1;
      depth--;
    } else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * What a guard's or interceptor's method does with the route's metadata before its work: reads a key
 * (`this.reflector.get(ROLES_KEY, context.getHandler())`, `getAllAndOverride(IS_PUBLIC_KEY, [handler, class])`) and
 * lets the request through at once when the key is unset (`if (!roles?.length) return true;`: its work runs only on
 * routes decorated with it, postiz's `@CheckPolicies`) or set (`if (isPublic) return true;`: its work runs on all
 * routes but those, a JWT guard beside `@Public()`).
 */
export interface NestGate {
  key: string;
  /** Where the work past the gate runs: on the routes with the key set, or on those without it. */
  runsWhen: 'set' | 'unset';
  /** Whether the handler's decorators count, and the controller's (`context.getHandler()`, `context.getClass()`). */
  handler: boolean;
  cls: boolean;
}

const METADATA_READ = /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?:await\s+)?(?:this\s*\.\s*)?[\w$]*[rR]eflector\s*\.\s*(?:get|getAllAndOverride|getAllAndMerge)\s*(?:<[\s\S]*?>)?\s*\(\s*([\w$.]+|'[^'\n]*'|"[^"\n]*")\s*,/g;
const EARLY_PASS = /\bif\s*\(((?:[^()]|\([^()]*\))*)\)\s*\{?\s*return\s+(?:true|next\s*\.\s*handle\s*\(\s*\))\s*;?\s*\}?/g;

/** The gate of a guard's `canActivate` or an interceptor's `intercept` (its text), if it opens with one. */
export function nestGateOf(method: string): NestGate | undefined {
  const text = withoutComments(method);
  for (const read of text.matchAll(METADATA_READ)) {
    const name = read[1];
    EARLY_PASS.lastIndex = read.index! + read[0].length;
    const pass = EARLY_PASS.exec(text);
    if (!pass) continue;
    const targets = text.slice(read.index! + read[0].length, pass.index);
    const v = name.replace(/\$/g, '\\$');
    const parts = alternatives(pass[1]);
    const unset = new RegExp(`^(?:!\\s*${v}(?:\\s*\\??\\.\\s*length)?|${v}\\s*\\??\\.\\s*length\\s*===?\\s*0|${v}\\s*===?\\s*(?:undefined|null))$`);
    const set = new RegExp(`^${v}(?:\\s*\\??\\.\\s*length(?:\\s*>\\s*0)?|\\s*===?\\s*true)?$`);
    const runsWhen = parts.some((p) => unset.test(p)) ? 'set' : parts.some((p) => set.test(p)) ? 'unset' : undefined;
    if (!runsWhen) continue;
    const handler = /\bgetHandler\s*\(/.test(targets);
    const cls = /\bgetClass\s*\(/.test(targets);
    // Only a gate that opens the method: work done before it (`req.user = await this.users.find(…)`) runs on every
    // route, and so the guard does.
    if ((handler || cls) && opensWith(text.slice(text.indexOf('{') + 1, pass.index))) return { key: metadataKey(read[2]), runsWhen, handler, cls };
  }
  return undefined;
}

/**
 * Whether a method's text before its gate does no work of its own: no `await`, and no call but reads of the request
 * and of the route's metadata (`context.switchToHttp().getRequest()`, `this.reflector.get(…)`) or a check of a string
 * (`request.path.indexOf('/auth')`).
 */
function opensWith(before: string): boolean {
  if (/\bawait\b/.test(before)) return false;
  for (const m of before.matchAll(/([\w$.]+)\s*(?:<[^()]*>)?\s*\(/g)) {
    const callee = m[1];
    if (/^(?:if|for|while|switch|return|typeof|catch)$/.test(callee)) continue;
    if (/[rR]eflector\.(?:get|getAllAndOverride|getAllAndMerge)$/.test(callee)) continue;
    if (!/(?:^|\.)(?:switchToHttp|switchToRpc|switchToWs|getRequest|getResponse|getHandler|getClass|getType|getArgs|indexOf|includes|startsWith|endsWith|some|every|toLowerCase|toUpperCase|trim|Boolean|String)$/.test(callee)) return false;
  }
  return true;
}

/** The parts of a condition joined by `||` outside brackets, trimmed. */
function alternatives(condition: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < condition.length; i++) {
    const c = condition[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '|' && condition[i + 1] === '|' && depth === 0) {
      parts.push(condition.slice(from, i).trim());
      from = i + 2;
      i++;
    }
  }
  parts.push(condition.slice(from).trim());
  return parts;
}

/** A metadata key as both sides write it: the constant's name, or a string's value in quotes. */
function metadataKey(raw: string): string {
  return /^['"]/.test(raw) ? `'${raw.slice(1, -1)}'` : raw;
}

/**
 * The metadata keys each of the file's decorator makers sets: `export const Public = () => SetMetadata(IS_PUBLIC_KEY,
 * true)`, a function returning `SetMetadata(…)` or `applyDecorators(SetMetadata(…), …)`, and Nest's
 * `Reflector.createDecorator()`, whose key is the decorator itself.
 */
export function nestMetadataDecoratorsOf(source: string): Record<string, string[]> | undefined {
  const text = withoutComments(source);
  let out: Record<string, string[]> | undefined;
  const add = (name: string, key: string) => {
    const keys = ((out ??= {})[name] ??= []);
    if (!keys.includes(key)) keys.push(key);
  };
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*Reflector\s*\.\s*createDecorator\b/g)) add(m[1], m[1]);
  const heads = /\b(?:(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?:\([^()]*\)|[\w$]+)\s*(?::[^=;]+?)?=>|function\s+([\w$]+)\s*\([^()]*\)[^{;]*\{)/g;
  for (const m of text.matchAll(heads)) {
    const start = m.index! + m[0].length;
    // The maker's body: its block, or the expression an arrow returns (to the end of its first call).
    const open = m[2] ? start - 1 : /^\s*[{(]/.test(text.slice(start)) ? text.slice(start).search(/\S/) + start : text.indexOf('(', start);
    const body = open >= 0 ? text.slice(start, closingBracket(text, open) + 1) : '';
    for (const s of body.matchAll(/\bSetMetadata\s*\(\s*([\w$.]+|'[^'\n]*'|"[^"\n]*")\s*,/g)) add(m[1] ?? m[2], metadataKey(s[1]));
    // The guards, interceptors and pipes it applies (`UseGuards(AuthGuard('jwt'), ScopeGuard)` in ghostfolio's
    // `RequiresScope`), as `use:ScopeGuard`: on each route it decorates.
    for (const u of body.matchAll(/\bUse(?:Guards|Interceptors|Pipes)\s*\(/g)) {
      const open = u.index! + u[0].length - 1;
      for (const name of enhancersIn(body.slice(open + 1, closingBracket(body, open)))) add(m[1] ?? m[2], `use:${name}`);
    }
    // A maker made of others (`export const Auth = (role) => applyDecorators(Roles(role), UseGuards(RolesGuard))`):
    // theirs too, as `@Roles`, which the join reads as that maker's keys.
    for (const d of body.matchAll(/(?<![\w$.])([A-Z][\w$]*)\s*\(/g)) {
      if (d[1] !== 'SetMetadata' && d[1] !== 'applyDecorators' && d[1] !== (m[1] ?? m[2]) && !NEST_OWN.test(d[1])) add(m[1] ?? m[2], `@${d[1]}`);
    }
  }
  return out;
}

/** Nest's own decorators of routes and controllers, which set no metadata a project's guard reads. */
const NEST_OWN = /^(?:Get|Post|Put|Patch|Delete|Options|Head|All|Search|Controller|UseGuards|UseInterceptors|UsePipes|UseFilters|HttpCode|Header|Redirect|Render|Version|Sse|Api\w*)$/;

/**
 * The decorators of a handler method and of its controller class (`class:` before those) a guard's gate may read
 * (`@Public()`, `@Roles('admin')`), and the keys of `@SetMetadata(KEY, …)` (`SetMetadata:KEY`).
 */
export function nestMarksOf(method: Node, namespaces?: Set<string>): string[] {
  const out: string[] = [];
  eachDecorator(method, (d, onClass) => {
    // (`@common.SetMetadata(…)` as `@SetMetadata(…)` through a namespace `@nestjs/common` is imported as.)
    const ns = namespaces?.size ? /^@([\w$]+)\s*\.\s*/.exec(d.text) : null;
    const text = ns && namespaces!.has(ns[1]) ? '@' + d.text.slice(ns[0].length) : d.text;
    const m = /^@([\w$]+)\s*(?:\(\s*([\w$.]+|'[^'\n]*'|"[^"\n]*")?)?/.exec(text);
    if (!m || NEST_OWN.test(m[1])) return;
    const mark = (onClass ? 'class:' : '') + (m[1] === 'SetMetadata' && m[2] ? `SetMetadata:${metadataKey(m[2])}` : m[1]);
    if (!out.includes(mark)) out.push(mark);
  });
  return out;
}
