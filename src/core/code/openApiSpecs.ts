import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { FileAnalysis, RouteHandler, RouteLink } from './codeModel';
import { joinPaths } from './routes/routeCollector';

/**
 * API-first Spring and Quarkus services (spring-petclinic-rest, quarkus-super-heroes): a generator turns an OpenAPI
 * spec into Java interfaces at build time (openapi-generator's `interfaceOnly`, quarkus-openapi-generator's server,
 * into `target/`), and the project's controllers or resources implement them with methods that carry no mapping of
 * their own. The interfaces are not in the repository; the spec is. Each operation becomes a route here, in the spec
 * where it is declared, linked to the interface method the generator makes of it (`operationId` `listOwners`,
 * interface `OwnersApi` or `OwnersResource` from the operation's tag or the path's first segment); the join serves it
 * only where a class implements that method, under a Spring controller's own `@RequestMapping`. A Connexion spec
 * names the Python function of each operation instead (`operationId: api.pets.get_pets`): served by it, where the
 * service has it.
 */

/** Files a spec may be in: YAML or JSON named for what it is (`openapi.yml`, `petstore-api.yaml`, `swagger.json`). */
export function isOpenApiSpecFile(file: string): boolean {
  return /\.(ya?ml|json)$/.test(file) && /(openapi|swagger|(^|[-_./])api)[^/]*$/i.test(file) && !/(^|\/)(node_modules|target|build|out|dist|bin|\.github)\//.test(file);
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** The operations of an OpenAPI 3 / Swagger 2 document as routes; undefined when the text is not such a document. */
export function analyzeOpenApiSpec(file: string, text: string): FileAnalysis | undefined {
  if (!/^\s*["']?(openapi|swagger)["']?\s*:/m.test(text.slice(0, 4000))) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const paths = isMap(doc.contents) ? doc.contents.get('paths', true) : undefined;
  if (!isMap(paths)) return undefined;
  const routes: RouteHandler[] = [];
  const routeLinks: RouteLink[] = [];
  const at = (node: YamlNode | null | undefined) => {
    const [start, , end] = node?.range ?? [0, 0, 0];
    const a = lines.linePos(start);
    const b = lines.linePos(end);
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  };
  for (const item of paths.items) {
    const path = isScalar(item.key) ? String(item.key.value) : undefined;
    if (!path?.startsWith('/') || !isMap(item.value)) continue;
    for (const op of item.value.items) {
      const method = isScalar(op.key) ? String(op.key.value).toLowerCase() : '';
      if (!METHODS.includes(method) || !isMap(op.value)) continue;
      const operationId = op.value.get('operationId');
      const tags = op.value.get('tags');
      const tag = isSeq(tags) && isScalar(tags.items[0]) ? String(tags.items[0].value) : undefined;
      const range = at(op.key as YamlNode);
      // Connexion (and openapi-generator's python-flask server, built on it): the operation names the Python function
      // that answers it, `operationId: api.pets.get_pets`, or its module is the `x-openapi-router-controller`.
      const controller = op.value.get('x-openapi-router-controller') ?? item.value.get('x-openapi-router-controller');
      const pythonHandler =
        typeof operationId === 'string' && typeof controller === 'string' && controller
          ? `${controller}.${operationId}`
          : typeof operationId === 'string' && /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+$/.test(operationId)
            ? operationId
            : undefined;
      if (pythonHandler) {
        // Served under the spec's base path, as Connexion serves it: its first server's path, or Swagger 2's basePath.
        routes.push({ method: method.toUpperCase(), path: joinPaths('/', basePath(doc.contents), path), framework: 'connexion', file, declaration: range, handler: range });
        routeLinks.push({ route: routes.length - 1, enclosing: [], mountable: false, pythonHandler: pythonHandler.split('.') });
        continue;
      }
      routes.push({ method: method.toUpperCase(), path, framework: 'openapi', file, declaration: range, handler: range });
      // openapi-generator's Spring interfaces are `<Tag>Api`; quarkus-openapi-generator's JAX-RS ones `<Tag>Resource`.
      const names = [tag, firstSegment(path)].filter((t): t is string => !!t).map((t) => camelize(t, true));
      const interfaces = [...new Set(names.flatMap((n) => [`${n}Api`, `${n}Resource`]))];
      routeLinks.push({
        route: routes.length - 1,
        enclosing: [],
        mountable: false,
        spec: { interfaces, method: typeof operationId === 'string' && operationId ? camelize(operationId, false) : defaultOperationName(path, method) },
      });
    }
  }
  return {
    file,
    language: 'java',
    routes,
    hazards: [],
    envReads: [],
    links: { imports: [], exports: {}, functions: [], mounts: [], routeLinks, hazardOwners: [], pending: [] },
  };
}

/** `servers: [{ url: 'http://localhost:8080/v1' }]` → `/v1` (OpenAPI 3); `basePath: /v1` (Swagger 2); '' when neither. */
function basePath(doc: unknown): string {
  if (!isMap(doc)) return '';
  const swagger = doc.get('basePath');
  if (typeof swagger === 'string') return swagger;
  const servers = doc.get('servers');
  const first = isSeq(servers) && isMap(servers.items[0]) ? servers.items[0].get('url') : undefined;
  if (typeof first !== 'string') return '';
  return first.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/\{[^}]*\}/g, '') || '';
}

/** The first segment of a path, the name openapi-generator groups operations by without tags (`/owners/{id}` → owners). */
function firstSegment(path: string): string {
  const first = path.split('/').find((p) => p && !p.startsWith('{'));
  return first ?? 'default';
}

/** openapi-generator's camelize: words split on anything not a letter or digit (`owner-v2` → OwnerV2, `list_owners` → listOwners). */
function camelize(name: string, upperFirst: boolean): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, k) => (k === 0 && !upperFirst ? w[0].toLowerCase() : w[0].toUpperCase()) + w.slice(1)).join('');
  return /^\d/.test(joined) ? `_${joined}` : joined;
}

/** The method name generated for an operation without an `operationId`: its path's words, then its method (`petPetIdGet`). */
function defaultOperationName(path: string, method: string): string {
  return camelize(`${path.replace(/[{}]/g, '')} ${method}`, false);
}
