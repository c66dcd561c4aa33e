import type { Node } from '@vscode/tree-sitter-wasm';
import { javaStringExpression } from './javaConstants';
import { joinPaths, type RouteCollector } from './routeCollector';

const MAPPINGS: Record<string, string | undefined> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  DeleteMapping: 'DELETE',
  PatchMapping: 'PATCH',
  RequestMapping: undefined,
};

/** A composed mapping annotation named for its method: `AnonymousGetMapping`, `ApiPostMapping`. */
const COMPOSED_MAPPING = /^\w+(Get|Post|Put|Delete|Patch)Mapping$/;

/**
 * Spring MVC / WebFlux annotated controllers: `@GetMapping("/{id}")` and `@RequestMapping(value = …, method = …)`
 * on methods, under the class-level `@RequestMapping("/api/orders")` prefix: `/api/orders/{id}`, which is the
 * `uri` Micrometer reports.
 */
export function findJavaRoutes(c: RouteCollector): void {
  const s = c.s;
  const classPrefix = new Map<number, string[]>();
  // Per controller class: its routes, and its `@ModelAttribute` methods, which Spring runs before each of them.
  const routesOf = new Map<number, number[]>();
  const modelAttributes = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  // `@FeignClient` and `@HttpExchange` interfaces describe another service's endpoints, which this one calls.
  const clients = new Set<number>();
  // Classes whose prefix is computed (`@RequestMapping(prefix())`): their routes' paths are not known.
  const unknownPrefix = new Set<number>();
  // Classes annotated `@Controller`/`@RestController` (the handler types Spring maps; also a project's composed
  // stereotype named so, `@ApiRestController`), and `@ControllerAdvice`s, which are not.
  const stereotyped = new Set<number>();
  const advice = new Set<number>();
  // Spring MVC's path prefix for every controller (`configurer.addPathPrefix("/admin-api", c ->
  // c.isAnnotationPresent(RestController.class))` in `configurePathMatch`), which its metrics report with the
  // pattern: the service's (beside a JAX-RS `@ApplicationPath`, which is Jersey's). Not several, nor one chosen by package.
  if (s.mentions('addPathPrefix')) {
    const added = [...s.text.matchAll(/\.addPathPrefix\(\s*"([^"]+)"\s*,([^;]*)\)\s*;/g)];
    if (added.length === 1 && /\b(?:Rest)?Controller\.class\b|->\s*true\b/.test(added[0][2]) && !/forBasePackage/.test(added[0][2])) c.springPathPrefix = added[0][1];
  }
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (n.type !== 'annotation' && n.type !== 'marker_annotation') continue;
    const name = n.node.childForFieldName('name')?.text.split('.').pop() ?? '';
    const target = n.parent;
    if (target < 0) continue;
    if (name === 'ModelAttribute') {
      // On the method (its modifiers), not on a parameter (`@ModelAttribute Owner owner`).
      const cls = s.nodes[target].type === 'method_declaration' && n.node.parent?.parent?.type === 'method_declaration' ? enclosingClass(s, target) : undefined;
      if (cls !== undefined) push(modelAttributes, cls, target);
      continue;
    }
    if ((name === 'FeignClient' || name === 'HttpExchange') && s.nodes[target].type === 'interface_declaration') clients.add(target);
    // (A class's annotations come before its methods' in the scan.)
    if (s.nodes[target].type === 'class_declaration' && name.endsWith('Controller')) stereotyped.add(target);
    if (s.nodes[target].type === 'class_declaration' && (name === 'ControllerAdvice' || name === 'RestControllerAdvice')) advice.add(target);
    // A project's composed mapping (eladmin's `@AnonymousPostMapping("/login")`, an `@interface` meta-annotated
    // with `@RequestMapping(method = POST)`): the method its name says, on methods only.
    const composed = name in MAPPINGS ? undefined : COMPOSED_MAPPING.exec(name)?.[1].toUpperCase();
    if (!(name in MAPPINGS) && !(composed && s.nodes[target].type === 'method_declaration')) continue;
    const { paths, methods } = mappingOf(n.node, composed ?? MAPPINGS[name]);
    const targetType = s.nodes[target].type;
    if (targetType === 'class_declaration' || targetType === 'interface_declaration') {
      if (!paths) {
        unknownPrefix.add(target);
        continue;
      }
      classPrefix.set(target, paths);
      // Spring prefixes the mappings of the interfaces a controller implements with the controller's own (an
      // OpenAPI spec's operations, generated into an interface at build time: see openApiSpecs).
      const cls = targetType === 'class_declaration' ? s.nodes[target].node.childForFieldName('name')?.text : undefined;
      if (cls) (c.classPrefixes ??= {})[cls] = paths;
      continue;
    }
    if (targetType !== 'method_declaration' || !paths) continue;
    // A client interface's mapping is another service's endpoint, served here only by a controller that implements
    // the interface (paascloud's `MdcProductCategoryQueryFeignClient implements MdcProductCategoryQueryFeignApi`,
    // the provider's `@RestController`): the join lists it there, and nowhere else (RouteLink.client).
    const client = insideAny(s, target, clients);
    const cls = enclosingClass(s, target);
    if (cls !== undefined && unknownPrefix.has(cls)) continue;
    // Spring maps the methods of handler types only: a `@ControllerAdvice`'s `@ExceptionHandler` with a
    // `@RequestMapping(produces = …)` (shopizer's RestErrorHandler), or a `@RequestMapping("/error")` method in one
    // (its ShopErrorController), maps no request.
    if (cls !== undefined && advice.has(cls) && !stereotyped.has(cls) && !classPrefix.has(cls)) continue;
    if (cls !== undefined && !classPrefix.has(cls)) {
      const boot = bootErrorPrefix(s, cls);
      if (boot) classPrefix.set(cls, boot);
    }
    const prefixes = (cls !== undefined ? classPrefix.get(cls) : undefined) ?? [''];
    // A class's mapped methods are also its subclasses' (RouteLink.inherited): the join lists them under each
    // controller of the workspace that extends it, and lists the class's own only where Spring maps the class itself.
    const base = cls !== undefined && s.nodes[cls].type === 'class_declaration' ? s.nodes[cls].node.childForFieldName('name')?.text : undefined;
    const own = s.nodes[target].node.childForFieldName('name')?.text;
    const self = cls === undefined ? undefined : isAbstract(s.nodes[cls].node) ? 'no' : stereotyped.has(cls) ? 'yes' : 'unlessExtended';
    const seen = new Set<string>();
    for (const [k, prefix] of prefixes.entries()) {
      for (const path of paths) {
        for (const method of methods) {
          const full = springPath(prefix, path);
          if (seen.has(`${method} ${full}`)) continue;
          seen.add(`${method} ${full}`);
          c.add({
            method,
            path: full,
            framework: 'spring',
            declaration: s.rangeOf(i),
            handlerIndex: target,
            at: i,
            mountable: false,
            ...(client ? { client: true as const } : {}),
            ...(base && own && self ? { inherited: { base, method: own, spring: { path, first: k === 0, self } } } : {}),
          });
          if (cls !== undefined) push(routesOf, cls, c.routes.length - 1);
        }
      }
    }
  }
  for (const [cls, methods] of modelAttributes) for (const route of routesOf.get(cls) ?? []) c.alsoStartOf.set(route, methods);
  // The controllers Spring maps (concrete), whose inherited mappings the join lists (RouteLink.inherited).
  for (const cls of stereotyped) {
    const name = s.nodes[cls].node.childForFieldName('name')?.text;
    if (name && !isAbstract(s.nodes[cls].node) && !unknownPrefix.has(cls)) (c.springControllers ??= []).push(name);
  }
}

/** `abstract` among a class's modifiers: Spring makes no bean of it, so maps none of its methods for it. */
function isAbstract(cls: Node): boolean {
  const modifiers = cls.namedChildren.find((n) => n?.type === 'modifiers');
  return !!modifiers?.children.some((n) => n?.type === 'abstract');
}

/**
 * Spring Boot's `BasicErrorController`, which a class extends without a mapping of its own (BroadleafCommerce's
 * AdminBasicErrorController): its class mapping, `${server.error.path:${error.path:/error}}`, is the subclass's.
 */
function bootErrorPrefix(s: RouteCollector['s'], cls: number): string[] | undefined {
  if (!s.mentions('BasicErrorController') || !/\bimport\s+org\.springframework\.boot\.[\w.]*\.BasicErrorController\s*;/.test(s.text)) return undefined;
  const superclass = s.nodes[cls].node.childForFieldName('superclass')?.text;
  return superclass && /\bBasicErrorController\b/.test(superclass) ? ['/error'] : undefined;
}

function insideAny(s: RouteCollector['s'], i: number, outer: Set<number>): boolean {
  if (outer.size === 0) return false;
  for (let p = s.nodes[i].parent; p >= 0; p = s.nodes[p].parent) if (outer.has(p)) return true;
  return false;
}

/** The class, or the interface (an OpenAPI-generated `PetApi` maps its methods, which a controller implements). */
export function enclosingClass(s: RouteCollector['s'], i: number): number | undefined {
  for (let p = s.nodes[i].parent; p >= 0; p = s.nodes[p].parent) if (s.nodes[p].type === 'class_declaration' || s.nodes[p].type === 'interface_declaration') return p;
  return undefined;
}

/**
 * The paths and methods an annotation maps; `paths` undefined when one is computed (a call, a ternary): a
 * constant's name is kept as a named part (javaConstants), which the join reads.
 */
function mappingOf(annotation: Node, fixed: string | undefined): { paths: string[] | undefined; methods: string[] } {
  let paths: string[] | undefined = [];
  let methods: string[] = fixed ? [fixed] : [];
  const args = annotation.childForFieldName('arguments')?.namedChildren ?? [];
  for (const arg of args) {
    if (!arg) continue;
    if (arg.type === 'element_value_pair') {
      const key = arg.childForFieldName('key')?.text;
      const value = arg.childForFieldName('value');
      if (!value) continue;
      if (key === 'value' || key === 'path') paths = stringsOf(value);
      else if (key === 'method') methods = value.text.match(/\b(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\b/g) ?? methods;
    } else {
      paths = stringsOf(arg);
    }
  }
  return { paths: !paths ? undefined : paths.length ? paths.map(withDefaults) : [''], methods: methods.length ? methods : ['ANY'] };
}

/**
 * A property placeholder with a default, `${openapi.petstore.base-path:/v2}` (what openapi-generator writes): the
 * default, which is what Spring maps unless the property is set.
 */
function withDefaults(path: string): string {
  return path.includes('${') ? path.replace(/\$\{[^}:]+:([^}]*)\}/g, '$1') : path;
}

function stringsOf(node: Node): string[] | undefined {
  const values =
    node.type === 'element_value_array_initializer'
      ? node.namedChildren.filter((c) => c?.type !== 'line_comment' && c?.type !== 'block_comment').map((c) => javaStringExpression(c))
      : [javaStringExpression(node)];
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/**
 * A method's mapping under its class's, as Spring combines them (AntPathMatcher and PathPattern alike): `""` is the
 * class's path, `"/"` that path and a slash (`/system/user/`, a route of its own, which Micrometer reports so).
 */
export function springPath(prefix: string, path: string): string {
  const full = joinPaths('/', prefix, path);
  return path === '/' && full !== '/' && !full.endsWith('/') ? full + '/' : full;
}

