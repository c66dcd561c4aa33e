import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { javaStringExpression } from './javaConstants';
import { enclosingClass } from './javaRoutes';
import { joinPaths, variableNames, type RouteCollector } from './routeCollector';

const JAX_RS_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
/** Micronaut's method annotations (`io.micronaut.http.annotation.Get`…). */
const MICRONAUT_METHODS: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', Head: 'HEAD', Options: 'OPTIONS' };

/**
 * Jakarta REST / JAX-RS resources (Quarkus, Jersey, RESTEasy, Dropwizard, Helidon): a class `@Path("/orders")`
 * whose methods carry `@GET`… and their own `@Path("{id}")`, under the `@ApplicationPath` of the service's
 * `Application` class: `/orders/{id}`, the `uri` Micrometer reports (a template's regex, `{id: \d+}`, left out).
 * Micronaut controllers the same way: `@Controller("/orders")` with `@Get("/{id}")`. A class without a path of
 * its own is a sub-resource, reached through a locator method: not listed. MicroProfile REST clients
 * (`@RegisterRestClient`) describe another service's endpoints, which this one calls.
 */
export function findJaxRsRoutes(c: RouteCollector): void {
  const text = c.s.text;
  const jaxRs = text.includes('.ws.rs') && (text.includes('javax.ws.rs') || text.includes('jakarta.ws.rs'));
  const micronaut = text.includes('io.micronaut.http');
  if (!jaxRs && !micronaut) return;
  const s = c.s;
  const classPath = new Map<number, string | undefined>();
  const clients = new Set<number>();
  // Methods by scan index: the HTTP method and the method's own path, from its annotations in any order.
  const methods = new Map<number, { verb?: string; path?: string; at: number; unread?: boolean }>();
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (n.type !== 'annotation' && n.type !== 'marker_annotation') continue;
    const target = n.parent;
    if (target < 0) continue;
    const name = n.node.childForFieldName('name')?.text.split('.').pop() ?? '';
    const targetType = s.nodes[target].type;
    if (targetType === 'class_declaration' || targetType === 'interface_declaration') {
      if (jaxRs && name === 'ApplicationPath') c.globalPrefix = stringValue(annotationValue(n.node)) ?? c.globalPrefix;
      else if (jaxRs && name === 'RegisterRestClient') clients.add(target);
      else if ((jaxRs && name === 'Path') || (micronaut && name === 'Controller')) {
        const path = pathOf(n.node, name === 'Controller' ? '/' : undefined);
        classPath.set(target, path);
        // For the resource methods it inherits from a base class of another file (RouteLink.inherited).
        const cls = s.nodes[target].node.childForFieldName('name')?.text;
        if (jaxRs && cls && path !== undefined) (c.classPrefixes ??= {})[cls] = [path];
      }
      continue;
    }
    if (targetType !== 'method_declaration') continue;
    const verb = jaxRs && JAX_RS_METHODS.has(name) ? name : micronaut ? MICRONAUT_METHODS[name] : undefined;
    const isPath = jaxRs && name === 'Path';
    if (!verb && !isPath) continue;
    const m = methods.get(target) ?? { at: i };
    if (verb) {
      m.verb = verb;
      m.at = i;
      // Micronaut writes the method's path in the method annotation (`@Get("/{id}")`).
      if (micronaut && !jaxRs) {
        const path = pathOf(n.node, '');
        if (path === undefined) m.unread = true;
        else m.path = path;
      }
    } else {
      const path = pathOf(n.node, undefined);
      if (path === undefined) m.unread = true;
      else m.path = path;
    }
    methods.set(target, m);
  }
  for (const [method, m] of methods) {
    // A method with a path and no HTTP method is a sub-resource locator: its routes are another class's.
    if (!m.verb || m.unread) continue;
    const cls = enclosingClass(s, method);
    if (cls === undefined || clients.has(cls)) continue;
    const prefix = classPath.get(cls);
    if (prefix === undefined) {
      // A base class's resource method (no `@Path` on the class, and none given by a locator here): its subclasses
      // with a path serve it (the join, RouteLink.inherited).
      const base = s.nodes[cls].node.childForFieldName('name')?.text;
      const name = s.nodes[method].node.childForFieldName('name')?.text;
      const header = s.text.slice(s.nodes[cls].start, s.nodes[cls].start + 300).split('{')[0];
      if (!jaxRs || classPath.has(cls) || !base || !name || !/\babstract\b/.test(header)) continue;
      c.add({
        method: m.verb,
        path: templateOf(joinPaths('/', m.path ?? '')),
        framework: 'jax-rs',
        declaration: s.rangeOf(m.at),
        handlerIndex: method,
        at: m.at,
        mountable: false,
        inherited: { base, method: name },
      });
      continue;
    }
    c.add({
      method: m.verb,
      path: templateOf(joinPaths('/', prefix, m.path ?? '')),
      framework: micronaut && !jaxRs ? 'micronaut' : 'jax-rs',
      declaration: s.rangeOf(m.at),
      handlerIndex: method,
      at: m.at,
      mountable: false,
    });
  }
}

/** The annotation's path: its lone argument or its `value`/`uri`; `fallback` when it has none; undefined when computed. */
function pathOf(annotation: Node, fallback: string | undefined): string | undefined {
  const value = annotationValue(annotation);
  if (!value) return fallback ?? '';
  return javaStringExpression(value);
}

function annotationValue(annotation: Node): Node | undefined {
  for (const arg of annotation.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'line_comment' || arg.type === 'block_comment') continue;
    if (arg.type !== 'element_value_pair') return arg;
    const key = arg.childForFieldName('key')?.text;
    if (key === 'value' || key === 'uri') return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** `{id: \d+}` → `{id}`; Micronaut's query templates (`{?max,offset}`) are no part of the path. */
function templateOf(path: string): string {
  return variableNames(path).replace(/\/?\{[?&][^}]*\}/g, '') || '/';
}
