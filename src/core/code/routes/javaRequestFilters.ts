import type { JavaFilterPaths, JavaRequestFilter } from '../codeModel';
import { withoutComments } from '../syntax';

/** Servlet filters, Spring's interceptors and WebFlux's filters, by what a class extends or implements. */
const FILTER_CLASS =
  /\bclass\s+([A-Z]\w*)(?:\s*<[^>{]*>)?\s+(?:extends\s+([\w.]+)(?:\s*<[^>{]*>)?\s*)?(?:implements\s+([^{]+?))?\s*\{/g;
const FILTER_BASES = /^(?:OncePerRequestFilter|GenericFilterBean|HttpFilter|AbstractAuthenticationProcessingFilter|BasicAuthenticationFilter|HandlerInterceptorAdapter|AuthenticationFilter)$/;
const FILTER_INTERFACES = /\b(?:Filter|HandlerInterceptor|AsyncHandlerInterceptor|WebFilter)\b/;
/** Annotations that make a class a bean, which Spring Boot puts in the servlet (or WebFlux) filter chain for every URL. */
const BEAN = /@(?:Component|Service|Named|Singleton)\b/;
/** URL patterns that are every request's. */
const EVERY_URL = /^\s*(?:["']\/\*{1,2}["']\s*,?\s*)*$/;

/**
 * The filters and interceptors a Java file defines: a servlet `Filter` (`extends OncePerRequestFilter`,
 * `implements Filter`), a Spring MVC `HandlerInterceptor`, a WebFlux `WebFilter`; `bean` when annotated as one
 * (`@Component`), which Spring Boot then runs on every request (a filter; an interceptor still needs registering), but
 * not one a `@WebFilter` limits to some URLs.
 */
export function javaRequestFiltersOf(source: string): JavaRequestFilter[] | undefined {
  const text = withoutComments(source);
  let out: JavaRequestFilter[] | undefined;
  for (const m of text.matchAll(FILTER_CLASS)) {
    const base = m[2]?.split('.').pop() ?? '';
    const interfaces = m[3] ?? '';
    if (!FILTER_BASES.test(base) && !FILTER_INTERFACES.test(interfaces.replace(/<[^>]*>/g, ''))) continue;
    const interceptor = /Interceptor/.test(base) || /HandlerInterceptor/.test(interfaces);
    const annotations = annotationsAbove(text, m.index!);
    const limited = /@WebFilter\s*\(/.test(annotations) && !webFilterForEvery(annotations);
    (out ??= []).push({ cls: m[1], interceptor, ...(BEAN.test(annotations) && !limited ? { bean: true as const } : {}) });
  }
  return out;
}

/**
 * The filters and interceptors a Java file registers: `http.addFilterBefore(jwtFilter, …)` (also `addFilterAfter`,
 * `addFilterAt`, `addFilter`), `registry.addInterceptor(new AuthInterceptor())`, `new FilterRegistrationBean<>(new
 * LogFilter())`, `registration.setFilter(…)`, a `@Bean` method that returns `new JwtFilter()`, by the names written (a
 * class, or a field, parameter or bean method named for it, and its declared type). `every` for every request; `paths`
 * with the patterns an interceptor's `.addPathPatterns("/api/**")` and `.excludePathPatterns("/login")`, or a
 * registration's `addUrlPatterns("/system/*")`, give it (none readable: it runs on no route known).
 */
export function javaFilterRegistrationsOf(source: string): { every: string[]; paths: JavaFilterPaths[] } | undefined {
  const text = withoutComments(source);
  const every: string[] = [];
  const paths: JavaFilterPaths[] = [];
  const namesOf = (at: number, name: string): string[] => {
    // A field, parameter or local named otherwise (`private JwtAuthenticationTokenFilter authenticationTokenFilter;`):
    // also its type, as declared nearest before the use.
    let declared: string | undefined;
    if (/^[a-z]/.test(name)) for (const d of text.slice(0, at).matchAll(new RegExp(`\\b([A-Z]\\w*)(?:<[^>]*>)?\\s+${name}\\s*[;=,)]`, 'g'))) declared = d[1];
    return declared ? [name, declared] : [name];
  };
  const add = (list: string[], at: number, name: string) => {
    for (const n of namesOf(at, name)) if (!list.includes(n)) list.push(n);
  };
  const registration = /\.(addFilterBefore|addFilterAfter|addFilterAt|addFilter|addInterceptor|setFilter)\s*\(\s*(?:this\.)?(?:new\s+)?([A-Za-z_]\w*)|\bnew\s+FilterRegistrationBean\s*(?:<[^>]*>)?\s*\(\s*(?:this\.)?(?:new\s+)?([A-Za-z_]\w*)/g;
  for (const m of text.matchAll(registration)) {
    const name = m[2] ?? m[3];
    // What follows the registration in its method: the paths it is limited to (also set on a variable first,
    // `reg = registry.addInterceptor(…); reg.addPathPatterns(…)`).
    let rest = text.slice(m.index!, methodEnd(text, m.index!));
    // (Up to the next registration: its paths are its own.)
    const next = rest.slice(1).search(/\.(?:addInterceptor|setFilter)\s*\(|\bnew\s+FilterRegistrationBean\b/);
    if (next >= 0) rest = rest.slice(0, next + 1);
    const interceptor = m[1] === 'addInterceptor';
    const patterns = interceptor ? /\.addPathPatterns\s*\(([^)]*)\)/.exec(rest)?.[1] : m[1] === 'setFilter' || m[3] ? /\.(?:addUrlPatterns|setUrlPatterns)\s*\(([^)]*)\)/.exec(rest)?.[1] : undefined;
    const excluded = interceptor ? /\.excludePathPatterns\s*\(([^)]*)\)/.exec(rest)?.[1] : undefined;
    const literals = (list: string | undefined) => [...(list ?? '').matchAll(/"([^"]*)"/g)].map((p) => p[1]);
    const include = patterns !== undefined ? literals(patterns) : [];
    const exclude = literals(excluded);
    if ((patterns === undefined || EVERY_URL.test(patterns.replace(/Arrays\.asList|List\.of|new\s+String\[\]\s*|[(){}]/g, ''))) && !exclude.length) add(every, m.index!, name);
    else for (const n of namesOf(m.index!, name)) paths.push({ name: n, include: include.length || patterns !== undefined ? include : ['/**'], exclude, servlet: !interceptor });
  }
  // `@Bean public JwtFilter jwtFilter() { return new JwtFilter(); }`: Spring Boot runs a filter bean on every request.
  for (const m of text.matchAll(/@Bean\b[^{;]*\{\s*return\s+new\s+([A-Z]\w*)\s*[(<]/g)) add(every, m.index!, m[1]);
  return every.length || paths.length ? { every, paths } : undefined;
}

/**
 * Whether a route's path is among a registration's patterns: Spring's Ant patterns for an interceptor (`/api/**`,
 * `/users/*`, `?`), the servlet's for a filter (`/system/*` for all below `/system`, `*.do`, an exact path).
 */
export function javaFilterCovers(paths: JavaFilterPaths, path: string): boolean {
  const matches = (pattern: string) => (paths.servlet ? servletPattern(pattern) : antPattern(pattern)).test(path);
  return paths.include.some(matches) && !paths.exclude.some(matches);
}

function antPattern(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\/\*\*$/, '\u0000')
    .replace(/\*\*/g, '\u0001')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0001/g, '.*')
    .replace(/\u0000/, '(?:/.*)?');
  return new RegExp(`^${body}$`);
}

function servletPattern(pattern: string): RegExp {
  if (pattern.startsWith('*.')) return new RegExp(`\\.${pattern.slice(2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  if (pattern.endsWith('/*')) return antPattern(`${pattern.slice(0, -2)}/**`);
  return antPattern(pattern);
}

/** The annotations written just above a class declaration (`@Component` then `public class JwtFilter …`). */
function annotationsAbove(text: string, at: number): string {
  const lines = text.slice(Math.max(0, at - 1500), at).split('\n');
  const own = lines.pop() ?? '';
  const out: string[] = [own];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line) continue;
    // An annotation's own lines (`@WebFilter(urlPatterns = {"/a",` … `})`) go with it.
    if (line.startsWith('@') || /^[\w"'{},=\s./*-]*\)?$/.test(line) && out.length > 0 && /^\s*@/.test(lines[i - 1] ?? '')) out.push(line);
    else break;
  }
  return out.reverse().join('\n');
}

/** A `@WebFilter` for every URL (`@WebFilter("/*")`, `urlPatterns = "/*"`), or one that names none. */
function webFilterForEvery(annotations: string): boolean {
  const args = /@WebFilter\s*\(([^)]*)\)/.exec(annotations)?.[1] ?? '';
  const patterns = [...args.matchAll(/["']([^"']*)["']/g)].map((p) => p[1]).filter((p) => p.startsWith('/'));
  return patterns.every((p) => p === '/*' || p === '/**');
}

/** Where the method around `at` ends: the brace that closes the block `at` is in (or 1,500 characters on). */
function methodEnd(text: string, at: number): number {
  let depth = 0;
  const limit = Math.min(text.length, at + 1500);
  for (let i = at; i < limit; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth < 0) return i;
  }
  return limit;
}
