import type { JavaRequestFilter } from '../codeModel';

/** Servlet filters, Spring's interceptors and WebFlux's filters, by what a class extends or implements. */
const FILTER_CLASS =
  /\bclass\s+([A-Z]\w*)(?:\s*<[^>{]*>)?\s+(?:extends\s+([\w.]+)(?:\s*<[^>{]*>)?\s*)?(?:implements\s+([^{]+?))?\s*\{/g;
const FILTER_BASES = /^(?:OncePerRequestFilter|GenericFilterBean|HttpFilter|AbstractAuthenticationProcessingFilter|BasicAuthenticationFilter|HandlerInterceptorAdapter|AuthenticationFilter)$/;
const FILTER_INTERFACES = /\b(?:Filter|HandlerInterceptor|AsyncHandlerInterceptor|WebFilter)\b/;
/** Annotations that make a class a bean, which Spring Boot puts in the servlet (or WebFlux) filter chain for every URL. */
const BEAN = /@(?:Component|Service|Configuration|WebFilter|Order|Named|Singleton)\b/;

/**
 * The filters and interceptors a Java file defines: a servlet `Filter` (`extends OncePerRequestFilter`,
 * `implements Filter`), a Spring MVC `HandlerInterceptor`, a WebFlux `WebFilter`; `bean` when annotated as one
 * (`@Component`), which Spring Boot then runs on every request (a filter; an interceptor still needs registering).
 */
export function javaRequestFiltersOf(text: string): JavaRequestFilter[] | undefined {
  let out: JavaRequestFilter[] | undefined;
  for (const m of text.matchAll(FILTER_CLASS)) {
    const base = m[2]?.split('.').pop() ?? '';
    const interfaces = m[3] ?? '';
    if (!FILTER_BASES.test(base) && !FILTER_INTERFACES.test(interfaces.replace(/<[^>]*>/g, ''))) continue;
    const interceptor = /Interceptor/.test(base) || /HandlerInterceptor/.test(interfaces);
    // The annotations just above the class (`@Component` then `public class JwtFilter …`).
    const above = text.slice(Math.max(0, m.index! - 300), m.index!).split(/[;}]/).pop() ?? '';
    (out ??= []).push({ cls: m[1], interceptor, ...(BEAN.test(above) ? { bean: true as const } : {}) });
  }
  return out;
}

/**
 * The filters and interceptors a Java file registers: `http.addFilterBefore(jwtFilter, …)` (also `addFilterAfter`,
 * `addFilterAt`, `addFilter`), `registry.addInterceptor(new AuthInterceptor())`, `new FilterRegistrationBean<>(new
 * LogFilter())`, `registration.setFilter(…)`, by the names written (a class, a field or a bean method named for it).
 * Not an interceptor limited to some paths (`.addPathPatterns("/api/admin/**")`): which routes it runs on is not read.
 */
export function javaFilterRegistrationsOf(text: string): string[] | undefined {
  let out: string[] | undefined;
  for (const m of text.matchAll(/\.(addFilterBefore|addFilterAfter|addFilterAt|addFilter|addInterceptor|setFilter)\s*\(\s*(?:new\s+)?([A-Za-z_]\w*)|\bnew\s+FilterRegistrationBean\s*(?:<[^>]*>)?\s*\(\s*(?:new\s+)?([A-Za-z_]\w*)/g)) {
    if (m[1] === 'addInterceptor') {
      const rest = text.slice(m.index!, text.indexOf(';', m.index!) + 1);
      const patterns = /\.addPathPatterns\s*\(([^)]*)\)/.exec(rest)?.[1];
      if (patterns !== undefined && !/^\s*["']\/\*\*["']\s*$/.test(patterns)) continue;
    }
    const name = m[2] ?? m[3];
    // A field or parameter named otherwise (`private JwtAuthenticationTokenFilter authenticationTokenFilter;`): its type.
    const declared = /^[a-z]/.test(name) ? new RegExp(`\\b([A-Z]\\w*)(?:<[^>]*>)?\\s+${name}\\s*[;=,)]`).exec(text)?.[1] : undefined;
    for (const n of declared ? [name, declared] : [name]) if (!(out ??= []).includes(n)) out.push(n);
  }
  return out;
}
