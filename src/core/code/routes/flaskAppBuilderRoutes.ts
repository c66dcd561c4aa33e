import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { importsPython } from './pythonImports';
import { keyword, methodNames } from './pythonKeywords';
import type { RouteCollector } from './routeCollector';

/** ModelRestApi's own routes (flask_appbuilder/api/__init__.py), by the method name `include_route_methods` uses. */
const MODEL_REST_API: [name: string, method: string, path: string][] = [
  ['info', 'GET', '/_info'],
  ['get', 'GET', '/<int:pk>'],
  ['get_list', 'GET', '/'],
  ['post', 'POST', '/'],
  ['put', 'PUT', '/<pk>'],
  ['delete', 'DELETE', '/<pk>'],
];

/** The `route_base` FAB's own views set, which a project's subclass inherits (flask_appbuilder/security/views.py, views.py). */
const LIBRARY_ROUTE_BASES: Record<string, string> = {
  IndexView: '',
  UtilView: '',
  AuthView: '',
  AuthDBView: '',
  AuthLDAPView: '',
  AuthOAuthView: '',
  AuthOIDView: '',
  AuthSAMLView: '',
  AuthRemoteUserView: '',
  UserModelView: '/users',
  UserDBModelView: '/users',
  UserLDAPModelView: '/users',
  UserOAuthModelView: '/users',
  UserOIDModelView: '/users',
  UserSAMLModelView: '/users',
  UserRemoteUserModelView: '/users',
  RoleModelView: '/roles',
  UserGroupModelView: '/groups',
  PermissionModelView: '/permissions',
  ViewMenuModelView: '/viewmenus',
  PermissionViewModelView: '/permissionviews',
  ResetMyPasswordView: '/resetmypassword',
  ResetPasswordView: '/resetpassword',
  RegisterUserModelView: '/registeruser',
};

/**
 * Flask-AppBuilder (Superset, Airflow 2's UI): a class's methods `@expose("/x", methods=["POST"])` (GET when none is
 * given) are served under its `route_base`, by default `/api/v1/<resource_name>` for an API (`BaseApi`,
 * `ModelRestApi`…: a base named `…Api`, or a `resource_name`) and `/<class name, lower case>` for a view; the
 * `version` attribute replaces `v1`; a subclass of one of FAB's own views keeps its base's (`AuthDBView`'s is ''). A `ModelRestApi` with a `datamodel` also serves the library's CRUD routes
 * (`/_info`, `/<int:pk>`, `/`…) that it does not define itself. `include_route_methods` and
 * `exclude_route_methods` (literal sets) remove methods, as FAB's registration does. A `Base…` class that names
 * neither a route base nor a resource is a project's abstract base: its routes are its subclasses', not listed.
 */
export function findFlaskAppBuilderRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('expose') && !s.mentions('ModelRestApi')) return;
  if (!importsPython(s, 'flask_appbuilder')) return;
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'class_definition') continue;
    const cls = s.nodes[i].node;
    const nameNode = cls.childForFieldName('name');
    const body = cls.childForFieldName('body');
    const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).flatMap((b) => (b && b.type !== 'keyword_argument' ? [b.text.split('.').pop()!] : []));
    if (!nameNode || !body || bases.length === 0) continue;
    const name = nameNode.text;
    const attrs = new Map<string, Node>();
    const defined = new Set<string>();
    const exposed: { fn: Node; decorator: Node; call: Node }[] = [];
    for (const statement of body.namedChildren) {
      if (!statement) continue;
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
      const right = assignment?.childForFieldName('right');
      if (left?.type === 'identifier' && right) attrs.set(left.text, right);
      const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (fn?.type !== 'function_definition') continue;
      defined.add(fn.childForFieldName('name')?.text ?? '');
      if (statement === fn) continue;
      for (const decorator of statement.namedChildren) {
        const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
        if (call?.type === 'call' && /^(?:\w+\.)?expose$/.test(call.childForFieldName('function')?.text ?? '')) exposed.push({ fn, decorator: decorator!, call });
      }
    }
    const inherited = bases.find((b) => b in LIBRARY_ROUTE_BASES);
    const routeBase = stringOf(attrs.get('route_base')) ?? (inherited !== undefined ? LIBRARY_ROUTE_BASES[inherited] : undefined);
    const resource = stringOf(attrs.get('resource_name'));
    if (routeBase === undefined && resource === undefined && name.startsWith('Base')) continue;
    const api = resource !== undefined || bases.some((b) => /(?:Api|API)$/.test(b));
    const version = stringOf(attrs.get('version')) ?? 'v1';
    const base = routeBase ?? (api ? `/api/${version}/${(resource ?? name).toLowerCase()}` : `/${name.toLowerCase()}`);
    const include = namesOf(attrs.get('include_route_methods'));
    const exclude = namesOf(attrs.get('exclude_route_methods')) ?? new Set<string>();
    const served = (method: string) => (!include || include.has(method)) && !exclude.has(method);
    for (const { fn, decorator, call } of exposed) {
      const fnName = fn.childForFieldName('name')?.text ?? '';
      const fnIndex = s.indexOfNode(fn);
      if (!served(fnName) || fnIndex === undefined) continue;
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
      const positional = args.filter((a) => a.type !== 'keyword_argument');
      const url = positional[0] ? stringValue(positional[0]) : (stringOf(keyword(args, 'url')) ?? '/');
      if (url === undefined) continue;
      for (const method of methodNames(positional[1] ?? keyword(args, 'methods'), 'GET')) {
        c.add({ method, path: blueprintPath(base, url), framework: 'flask-appbuilder', declaration: s.rangeOfNode(decorator), handlerIndex: fnIndex, at: i, mountable: false });
      }
    }
    if (!bases.some((b) => b.endsWith('ModelRestApi')) || !attrs.has('datamodel')) continue;
    for (const [method, verb, path] of MODEL_REST_API) {
      if (defined.has(method) || !served(method)) continue;
      c.add({ method: verb, path: blueprintPath(base, path), framework: 'flask-appbuilder', declaration: s.rangeOfNode(nameNode), at: i, mountable: false });
    }
  }
}

/** A rule under a blueprint's `url_prefix`, joined as Flask joins them (`/api/v1/x` + `/` = `/api/v1/x/`). */
function blueprintPath(prefix: string, rule: string): string {
  return rule ? `${prefix.replace(/\/+$/, '')}/${rule.replace(/^\/+/, '')}` : prefix || '/';
}

function stringOf(node: Node | undefined): string | undefined {
  return node ? stringValue(node) : undefined;
}


/** A literal set or list of method names (`{"get", "get_list"}`); undefined when it is anything else. */
function namesOf(node: Node | undefined): Set<string> | undefined {
  if (!node || (node.type !== 'set' && node.type !== 'list' && node.type !== 'tuple')) return undefined;
  return new Set(node.namedChildren.flatMap((n) => (n ? (stringValue(n) ?? []) : [])));
}
