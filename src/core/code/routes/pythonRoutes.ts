import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';
import type { FunctionFact, MadeByArgument } from '../codeModel';
import { calleeChain, closingBracket, stringValue, topLevelParts } from '../syntax';
import { drfPattern, drfRoutersOf, type DrfRouter } from './drfRouters';
import { NAMED_PART, type RouteCollector } from './routeCollector';
import { envPart, pythonEnvRead } from './envParts';
import { pythonPathValue } from './pythonPaths';
import { routeTablesOf } from './aiohttpRoutes';
import { keyword } from './pythonKeywords';
import { modelViewsUseOf } from './modelViews';
import { handlerOf } from './pythonHandlers';
import { importsPython } from './pythonImports';
import { moduleFacts } from '../moduleFacts';
import type { WordSearch } from '../wordSearch';

const FASTAPI_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);
const DJANGO_ROUTES = new Set(['path', 're_path', 'url']);

/**
 * FastAPI (`@app.get("/items/{id}")`, `APIRouter(prefix=…)`, `app.include_router(r, prefix=…)`,
 * `app.post("/x")(handler)`), Flask (`@app.route("/x", methods=[…])`, blueprints, `add_url_rule`) and Django
 * (`urls.py`: `path('items/<int:id>/', views.item)`, `include('shop.urls')`). Each keeps its template as the
 * framework reports it: FastAPI with the router prefix, Flask's `<int:id>` converters, Django's patterns
 * joined through `include()` without a leading slash (Django's `resolver_match.route`).
 */
export function findPythonRoutes(c: RouteCollector): void {
  const s = c.s;
  const prefixes = new Map<string, string>();
  const isUrls = s.memo('py.urls', () => isUrlconf(s.text));
  const routers = s.memo('py.drfRouters', () => drfRoutersOf(s.text));
  // Router prefixes first: a decorator may come before the call that mounts its router.
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    // Also a project's own subclass (`UserAPIRouter(prefix="/recipes")` in mealie, passing `prefix` to APIRouter).
    if (last?.endsWith('APIRouter') || last === 'Blueprint' || ownFastApiRouter(c, i, call)) routerPrefix(c, i, call, prefixes, last === 'Blueprint');
  }
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (n.type === 'decorated_definition') decoratedRoutes(c, i, prefixes);
  }
  const assigned: [number, CallInfo][] = [];
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    const receiver = chain[chain.length - 2];
    if (chain.length <= 2 && last !== 'Blueprint' && s.nodes[i].node.parent?.type === 'assignment') assigned.push([i, call]);
    if (last === 'include_router' || last === 'register_blueprint') mountCall(c, call, receiver, 0, last === 'register_blueprint');
    else if (last === 'mount' && receiver) mountCall(c, call, receiver, 1);
    // Django Ninja: `api.add_router("/events/", router)`.
    else if (last === 'add_router' && receiver) mountCall(c, call, receiver, 1);
    else if ((last === 'add_api_route' || last === 'add_url_rule') && receiver) addRoute(c, i, call, receiver, prefixes);
    else if (receiver && /^add_\w*resource$/.test(last)) restfulResource(c, i, call, receiver, prefixes);
    else if (last === 'add_namespace' && receiver) namespaceMount(c, call, receiver);
    else if (last === 'Api' && chain.length <= 2) apiOnBlueprint(c, i, call);
    else if (last === 'Namespace' && chain.length <= 2) namespacePath(c, i, call);
    else if (last === 'register' && receiver && chain.length === 2 && routers.has(receiver)) drfRegister(c, i, call, receiver, routers.get(receiver)!);
    // DefectDojo's `def add_user_urls(router): router.register(r"users", UsersViewSet)`: on the router a call hands it.
    else if (last === 'register' && receiver && chain.length === 2 && handedParameter(c, i, receiver)) drfRegister(c, i, call, receiver, { trailingSlash: '/', regex: true }, handedParameter(c, i, receiver));
    // ralph's `from ralph.api import router` then `router.register(r'supports', SupportViewSet)` in each app's api.py:
    // a router another module makes, whose settings the join reads there (DrfRegistration.imported).
    else if (last === 'register' && receiver && chain.length === 2 && importedNames(s).has(receiver)) drfRegister(c, i, call, receiver, { trailingSlash: '/', regex: true }, undefined, true);
    else if (isUrls && DJANGO_ROUTES.has(last) && chain.length <= 2) djangoRoute(c, i, call);
    else if (isUrls && chain.length === 1 && s.functionOf[i] < 0 && patternHelpers(s).has(last)) helperPatterns(c, i, call);
    else if (receiver && FASTAPI_METHODS.has(last)) calledRegistration(c, i, call, prefixes);
    else if (chain.length === 1 && call.argsStart >= 0 && s.memo('py.apiRouter', () => s.mentions('APIRouter')) && s.text.slice(call.argsStart, call.argsEnd).includes('APIRouter')) handedNewRouter(c, i, call);
    else if (chain.length === 1 && s.memo('py.viewFunc', () => s.mentions('view_func'))) helperRegistration(c, i, call, prefixes);
    if (routers.size && chain.length <= 2 && last !== 'register') handedDrfRouter(c, i, call, routers);
    if (chain.length <= 2 && call.argsStart >= 0 && !MOUNTING.has(last)) handedRouter(c, call);
  }
  // (After the calls that hand it on, which the assignment comes before.)
  for (const [i, call] of assigned) madeRouter(c, i, call);
}

/**
 * rotki's `blueprint = create_blueprint(self._api_prefix)` (and `self.bp = make_bp('/api')`): a name routes are added
 * to, here or by a function it is handed to, given what a call returns, a blueprint the function called may make
 * under a prefix it writes or takes (FunctionFact.blueprintPrefix, read in the join): an own prefix made by that call
 * (MountFact.madeBy), with the call's arguments that give a string.
 */
function madeRouter(c: RouteCollector, i: number, call: CallInfo): void {
  const s = c.s;
  const node = s.nodes[i].node;
  const assignment = node.parent!;
  if (assignment.childForFieldName('right')?.startIndex !== node.startIndex) return;
  const left = assignment.childForFieldName('left');
  const name = left?.type === 'identifier' ? left.text : left?.type === 'attribute' && SELF.test(left.childForFieldName('object')?.text ?? '') ? left.childForFieldName('attribute')?.text : undefined;
  if (!name) return;
  const handing = s.memo('py.routerHanding', () => pythonRouterHandingOf(s.words));
  if (!handing.routed.has(name) && !c.mounts.some((m) => m.receiver === name || m.receiver === `self.${name}`)) return;
  const args: MadeByArgument[] = [];
  let at = 0;
  for (const a of s.argumentsOf(call)) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') break;
    const named = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    if (a.type === 'keyword_argument' && !named) continue;
    args.push({ ...(named ? { name: named } : { at: at++ }), ...madeByValue(named ? a.childForFieldName('value') : a) });
  }
  c.mounts.push({ prefix: '', target: [name], own: true, replaceable: true, madeBy: { chain: call.chain, args } });
}

const SELF = /^(?:self|cls)$/;

/**
 * What an argument of a call making a router gives as a string: written, a name the join reads where it is defined,
 * a parameter's string default, or a class attribute read through the instance (`self._api_prefix` with the class's
 * `_api_prefix = '/api/1'`, or `self._api_prefix = '/api/1'` in its `__init__`); nothing when not known.
 */
function madeByValue(node: Node | null): Pick<MadeByArgument, 'prefix' | 'prefixRef'> {
  if (!node) return {};
  const written = stringValue(node) ?? envPrefix(node);
  if (written !== undefined) return { prefix: written };
  if (node.type === 'identifier') {
    const given = parameterDefault(node, node.text);
    return given === undefined ? { prefixRef: [node.text] } : given === null ? {} : { prefix: given };
  }
  if (node.type !== 'attribute') return {};
  const object = node.childForFieldName('object');
  const attr = node.childForFieldName('attribute')?.text;
  if (!attr || !object || !SELF.test(object.text)) return { prefixRef: namedValue(node) };
  let cls = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const className = cls?.childForFieldName('name')?.text;
  if (!cls || !className) return {};
  for (const st of cls.childForFieldName('body')?.namedChildren ?? []) {
    const e = st?.type === 'expression_statement' ? st.namedChildren[0] : undefined;
    if (e?.type === 'assignment' && e.childForFieldName('left')?.text === attr) return { prefixRef: [className, attr] };
    const fn = st?.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== '__init__') continue;
    for (const inner of fn.childForFieldName('body')?.namedChildren ?? []) {
      const set = inner?.type === 'expression_statement' ? inner.namedChildren[0] : undefined;
      const target = set?.type === 'assignment' ? set.childForFieldName('left') : undefined;
      if (target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== attr || !SELF.test(target.childForFieldName('object')?.text ?? '')) continue;
      const value = stringValue(set!.childForFieldName('right'));
      return value !== undefined ? { prefix: value } : {};
    }
  }
  return {};
}

/**
 * A function that returns a Flask blueprint it makes, rotki's `def create_blueprint(url_prefix: str) -> Blueprint:
 * return Blueprint('v1_resources', __name__, url_prefix=url_prefix)`: the url_prefix, written or named, or the
 * parameter that gives it (by position, after a method's `self`), with its string default (FunctionFact.blueprintPrefix).
 */
export function returnedBlueprint(fn: Node, method: boolean): FunctionFact['blueprintPrefix'] {
  for (const st of fn.childForFieldName('body')?.namedChildren ?? []) {
    const made = st?.type === 'return_statement' ? st.namedChildren[0] : undefined;
    if (made?.type !== 'call' || !/^(?:[A-Za-z_]\w*\.)?Blueprint$/.test(made.childForFieldName('function')?.text ?? '')) continue;
    const value = keyword(made.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [], 'url_prefix');
    if (!value) return { prefix: '' };
    const written = stringValue(value) ?? envPrefix(value);
    if (written !== undefined) return { prefix: written.replace(/\/$/, '') };
    if (value.type === 'identifier') {
      const params = fn.childForFieldName('parameters')?.namedChildren.filter((p): p is Node => !!p && p.type !== 'comment') ?? [];
      const first = params[0]?.type === 'identifier' ? params[0].text : undefined;
      const skip = method && (first === 'self' || first === 'cls') ? 1 : 0;
      for (let k = skip; k < params.length; k++) {
        const p = params[k];
        if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator') break;
        const name = p.type === 'identifier' ? p.text : p.type === 'typed_parameter' ? p.namedChildren[0]?.text : p.childForFieldName('name')?.text;
        if (name !== value.text) continue;
        const given = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? stringValue(p.childForFieldName('value')) : undefined;
        return { parameter: { at: k - skip, name, ...(given !== undefined ? { default: given } : {}) } };
      }
    }
    const named = namedValue(value);
    return named ? { prefixRef: named } : undefined;
  }
  return undefined;
}

/** The names a module imports from others (`from ralph.api import router`), once per file. */
function importedNames(s: FileStructure): Set<string> {
  return s.memo('py.importedNames', () => new Set(moduleFacts(s.text, 'python').imports.flatMap((i) => (i.imported === '*' ? [] : [i.local]))));
}

/** Calls that mount or wrap what they are given (mountCall, apiOnBlueprint): not a function it is handed to. */
const MOUNTING = new Set(['register_blueprint', 'include_router', 'mount', 'add_router', 'add_namespace', 'Api']);

/** What a module hands functions to add routes to (pythonRouterHandingOf). */
export interface RouterHanding {
  helpers: Map<string, number[]>;
  made: Set<string>;
  /**
   * The functions a call of the module hands the app itself (`register_common(app)` beside `register_common(api)`):
   * they add their rules at the root too, so they are no mounts on what they are given.
   */
  givenApp?: Set<string>;
  /**
   * The names routes are added to, decorated on or included on anywhere in the module (`bp.add_url_rule(`,
   * `@bp.route(`, `app.register_blueprint(self.blueprint)`: `bp`, `blueprint`): what a call assigned to one of them may
   * make (MountFact.madeBy).
   */
  routed: Set<string>;
}

/**
 * What the module's calls may hand a function that adds routes to it, read from the whole text once per file (also
 * the edit cache's context: a statement's mounts depend on other statements): the module's top-level functions that
 * add routes to a parameter, ckan's `def register_group_plugin_rules(blueprint: Blueprint)` with
 * `blueprint.add_url_rule(u'/', view_func=index)`, by name, with those parameters' positions; and the names the module
 * gives the blueprints and routers it makes, `group = Blueprint(u'group', __name__, url_prefix=u'/group')`.
 */
export function pythonRouterHandingOf(words: WordSearch): RouterHanding {
  const text = words.text;
  const helpers = new Map<string, number[]>();
  const made = new Set<string>();
  let givenApp: Set<string> | undefined;
  const routed = new Set<string>();
  // (From the words' offsets, which an edit carries: this runs on every edit, for the edit cache's context.)
  for (const word of ['Blueprint(', 'APIRouter(']) {
    for (const at of words.all(word)) {
      const name = MADE_ROUTER.exec(text.slice(text.lastIndexOf('\n', at) + 1, at))?.[1];
      if (name) made.add(name);
    }
  }
  // The Flask apps the module makes, and the functions it hands one to (`register_common(app)`). (Not FastAPI's: a
  // helper handed the app includes the router it is also given on it, tracecat's `_include_workspace_scoped_router`.)
  for (const word of ['Flask(', 'Quart(']) {
    for (const at of words.all(word)) {
      const app = MADE_ROUTER.exec(text.slice(text.lastIndexOf('\n', at) + 1, at))?.[1];
      if (!app) continue;
      for (const use of words.all(app)) {
        const m = GIVEN_APP.exec(text.slice(Math.max(0, use - 80), use + app.length + 1));
        if (m && m[2] === app) (givenApp ??= new Set()).add(m[1]);
      }
    }
  }
  // The names routes are added to or included on, and those included, by offset; then each top-level function's.
  const uses: [at: number, name: string][] = [];
  for (const word of ADDING) {
    for (const at of words.all(word)) {
      let from = at;
      while (from > 0 && /\w/.test(text[from - 1])) from--;
      if (from < at && /[A-Za-z_]/.test(text[from])) {
        // (`self.blueprint.add_url_rule(`: routed, though no parameter's.)
        routed.add(text.slice(from, at));
        if (!/[\w.]/.test(text[from - 1] ?? '')) uses.push([from, text.slice(from, at)]);
      }
      if (word !== '.include_router(' && word !== '.register_blueprint(') continue;
      INCLUDED.lastIndex = at + word.length;
      const included = INCLUDED.exec(text);
      if (!included) continue;
      routed.add(included[2]);
      if (!included[1]) uses.push([at, included[2]]);
    }
  }
  for (const at of words.all('@')) {
    DECORATED.lastIndex = at;
    const name = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at) + 1, at)) ? DECORATED.exec(text)?.[1] : undefined;
    if (name) {
      uses.push([at, name]);
      routed.add(name);
    }
  }
  if (!uses.length) return { helpers, made, givenApp, routed };
  uses.sort((a, b) => a[0] - b[0]);
  let u = 0;
  for (const at of words.all('def ')) {
    const line = text.lastIndexOf('\n', at) + 1;
    if (line !== at && text.slice(line, at) !== 'async ') continue;
    DEFINED.lastIndex = at;
    const m = DEFINED.exec(text);
    if (!m) continue;
    const open = at + m[0].length - 1;
    const close = closingBracket(text, open);
    BLOCK_END.lastIndex = close;
    const end = BLOCK_END.exec(text)?.index ?? text.length;
    while (u < uses.length && uses[u][0] < close) u++;
    if (u >= uses.length) break;
    if (uses[u][0] >= end) continue;
    const params = topLevelParts(text.slice(open + 1, close)).map((part) => /^\s*([A-Za-z_]\w*)/.exec(part)?.[1]);
    const positions = new Set<number>();
    for (let v = u; v < uses.length && uses[v][0] < end; v++) {
      const k = params.indexOf(uses[v][1]);
      if (k >= 0) positions.add(k);
    }
    if (positions.size) helpers.set(m[1], [...positions].sort((a, b) => a - b));
  }
  return { helpers, made, givenApp, routed };
}

/** What comes before `Blueprint(`, `APIRouter(` on the line where one is made: `group = `, `router: APIRouter = routing.`. */
/** A call handing a name first or later: `register_common(app)`, `common.register(api, app)` (the callee, the name). */
const GIVEN_APP = /(?<![\w.])([A-Za-z_][\w.]*)[ \t]*\((?:[^()\n]*,)?[ \t]*([A-Za-z_]\w*)[ \t]*[,)]$/;
const MADE_ROUTER = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:[\w.]+\.)?\w*$/;
/** A route added to a name, `bp.add_url_rule(`, `bp.route(`, or routes included on it, `app.include_router(`. */
const ADDING = ['.add_url_rule(', '.add_api_route(', '.add_resource(', '.route(', '.include_router(', '.register_blueprint('];
/**
 * A name included, `app.include_router(router` (tracecat's `_include_workspace_scoped_router(app, router)`), or an
 * attribute of the instance, `register_blueprint(self.blueprint)` (rotki's APIServer): (`self.`, the name).
 */
const INCLUDED = /\s*((?:self|cls)[ \t]*\.[ \t]*)?([A-Za-z_]\w*)\s*[,)]/y;
/** A route decorator on a name, `@router.get(`. */
const DECORATED = /@[ \t]*([A-Za-z_]\w*)[ \t]*\.[ \t]*(?:route|get|post|put|patch|delete|api_route)[ \t]*\(/y;
/** `def name(` at a module's top level (after `async ` too). */
const DEFINED = /def[ \t]+([A-Za-z_]\w*)[ \t]*\(/y;
/** Where a top-level block ends: the next line that starts with code. */
const BLOCK_END = /\n(?=[^\s#])/g;

/**
 * A blueprint or router handed to a function that adds routes to it, ckan's `register_group_plugin_rules(group)` and
 * `register_group_plugin_rules(organization)`: a mount of it on that function's parameter (MountFact.argument), so the
 * routes added there are under each prefix handed. Where the function is the module's own, at the positions it adds
 * routes to; elsewhere (ckan's plugins.py handing the dataset blueprint it makes to `register_dataset_plugin_rules`
 * of views/dataset.py), a blueprint or router the module makes.
 */
function handedRouter(c: RouteCollector, call: CallInfo): void {
  const s = c.s;
  const handing = s.memo('py.routerHanding', () => pythonRouterHandingOf(s.words));
  const positions = call.chain.length === 1 ? handing.helpers.get(call.chain[0]) : undefined;
  if (!positions && (!handing.made.size || handing.made.has(call.chain[0]))) return;
  if (handing.givenApp?.has(call.chain.join('.'))) return;
  const args = s.argumentsOf(call);
  for (let j = 0; j < args.length; j++) {
    let a = args[j];
    let k = j;
    // rotki's `setup_urls(blueprint=blueprint, rest_api=rest_api, urls=URLS_V1)`: a parameter of the module's own
    // helper given by name.
    if (a.type === 'keyword_argument' && positions) {
      const fn = topLevelFunction(s.tree.rootNode, call.chain[0]);
      const given = a.childForFieldName('name')?.text;
      k = fn?.childForFieldName('parameters')?.namedChildren.findIndex((p) => (p?.type === 'identifier' ? p.text : p?.type === 'typed_parameter' ? p.namedChildren[0]?.text : p?.childForFieldName('name')?.text) === given) ?? -1;
      const value = a.childForFieldName('value');
      if (k < 0 || !value) continue;
      a = value;
    } else if (a.type === 'keyword_argument' || a.type === 'list_splat' || a.type === 'dictionary_splat') break;
    const handed = positions?.includes(k) ? (a.type === 'identifier' || a.type === 'attribute' ? a.text : undefined) : a.type === 'identifier' && handing.made.has(a.text) ? a.text : undefined;
    if (!handed) continue;
    const enclosing = c.enclosingNames(call.index, handed);
    c.mounts.push({ prefix: '', receiver: handed, target: call.chain, argument: k, developmentOnly: c.developmentOnly(call.index) || undefined, ...(enclosing.length ? { enclosing } : {}) });
  }
}

/**
 * A project's own APIRouter subclass under another name, Prefect's `router: PrefectRouter = PrefectRouter(prefix=
 * "/flow_runs", …)` (`class PrefectRouter(APIRouter)` in another module): a `…Router(prefix=…)` assigned to a name
 * this module's FastAPI verbs are called on (`@router.post("/filter")`).
 */
function ownFastApiRouter(c: RouteCollector, i: number, call: CallInfo): boolean {
  const s = c.s;
  if (!/^[A-Z]\w*Router$/.test(call.chain[call.chain.length - 1] ?? '') || !keyword(s.argumentsOf(call), 'prefix')) return false;
  const assignment = s.nodes[i].node.parent;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  if (left?.type !== 'identifier') return false;
  for (const other of s.calls.values()) if (other.chain.length === 2 && other.chain[0] === left.text && FASTAPI_METHODS.has(other.chain[1])) return true;
  return false;
}

/**
 * The key (`add_user_urls(0)`, RouteCollector.enclosingNames) of the function around scan index `i` whose parameter
 * `receiver` is, when it is one of a function that is no method.
 */
function handedParameter(c: RouteCollector, i: number, receiver: string): string | undefined {
  const key = c.enclosingNames(i, receiver)[0];
  return key?.endsWith(')') ? key : undefined;
}

/**
 * `v2_api = add_user_urls(v2_api)`, `add_notifications_urls(v2_api)` (DefectDojo's dojo/urls.py): a DRF router of
 * this file handed to a function, whose registrations on that parameter are the router's (DrfRegistration.handed).
 */
function handedDrfRouter(c: RouteCollector, i: number, call: CallInfo, routers: Map<string, DrfRouter>): void {
  const s = c.s;
  if (call.argsStart < 0 || !s.text.slice(call.argsStart + 1, call.argsEnd - 1).split(/\W+/).some((w) => routers.has(w))) return;
  s.argumentsOf(call).forEach((a, k) => {
    const router = a.type === 'identifier' ? routers.get(a.text) : undefined;
    if (router) c.mounts.push({ prefix: '', receiver: a.text, target: call.chain, argument: k, drfRouter: router });
  });
}

/** What a Django URLconf adds to its pattern lists: other lists by name, and routers' `urls`, as [list, added] pairs. */
export interface DjangoListFlows {
  lists: [string, string][];
  routers: [string, string][];
}

/**
 * The pattern lists a module's top-level statements add to its lists (also under a top-level `if`): `urlpatterns =
 * [*asset_patterns, *cycle_patterns]` or `urlpatterns += other_patterns`, with `from .asset import urlpatterns as
 * asset_patterns` (plane's `api/urls/__init__.py`), jumpserver's `api_v1 = resource_api + [path(…)]` then
 * `api_v1.extend([…])` and `include(api_v1)`, and routers' patterns, `urlpatterns += (router.urls + bulk_router.urls)`.
 * Each is a mount of the added list on the one it is added to; the join resolves a name through the import, or to
 * the routes this module files under it (patternListOf).
 */
export function djangoListFlows(root: Node): DjangoListFlows {
  const out: DjangoListFlows = { lists: [], routers: [] };
  const add = (target: string, n: Node | null | undefined, added: boolean): void => {
    if (!n) return;
    if (n.type === 'identifier') {
      if (added && n.text !== target) out.lists.push([target, n.text]);
    } else if (n.type === 'attribute') {
      const router = n.childForFieldName('object');
      if (added && router?.type === 'identifier' && n.childForFieldName('attribute')?.text === 'urls') out.routers.push([target, router.text]);
    } else if (n.type === 'list_splat') add(target, n.namedChildren[0], true);
    else if (n.type === 'parenthesized_expression') add(target, n.namedChildren[0], added);
    else if (n.type === 'list' || n.type === 'tuple') for (const item of n.namedChildren) add(target, item, false);
    else if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
      add(target, n.childForFieldName('left'), true);
      add(target, n.childForFieldName('right'), true);
    }
  };
  const statements = (block: Node): void => {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      if (statement.type === 'if_statement' || statement.type === 'elif_clause' || statement.type === 'else_clause') {
        for (const part of statement.namedChildren) if (part && (part.type === 'block' || part.type === 'elif_clause' || part.type === 'else_clause')) statements(part);
        continue;
      }
      const e = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      if (e?.type === 'assignment' || e?.type === 'augmented_assignment') {
        const left = e.childForFieldName('left');
        const right = e.childForFieldName('right');
        // (`urlpatterns = router.urls`: the router's patterns are the list; so are another list's, given as it is,
        // `urlpatterns = api_urlpatterns`, or through a call, `format_suffix_patterns(api_urlpatterns)`.)
        if (left?.type !== 'identifier') continue;
        if (right?.type === 'call') for (const arg of right.childForFieldName('arguments')?.namedChildren ?? []) add(left.text, arg, true);
        else add(left.text, right, e.type === 'augmented_assignment' || right?.type === 'attribute' || right?.type === 'identifier');
      } else if (e?.type === 'call') {
        const fn = e.childForFieldName('function');
        const list = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
        if (list?.type === 'identifier' && fn?.childForFieldName('attribute')?.text === 'extend') add(list.text, e.childForFieldName('arguments')?.namedChildren[0], true);
      }
    }
  };
  statements(root);
  return out;
}

function decoratedRoutes(c: RouteCollector, i: number, prefixes: Map<string, string>): void {
  const s = c.s;
  const definition = s.nodes[i].node.childForFieldName('definition');
  const fnIndex = definition ? s.indexOfNode(definition) : undefined;
  if (fnIndex === undefined) return;
  for (const decorator of s.nodes[i].node.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const callNode = decorator.namedChildren[0];
    const callIndex = callNode ? s.indexOfNode(callNode) : undefined;
    const call = callIndex !== undefined ? s.calls.get(callIndex) : undefined;
    if (!call || call.chain.length < 2) continue;
    const verb = call.chain[call.chain.length - 1];
    const receiver = call.chain[call.chain.length - 2];
    // `@litestar.get(…)`: Litestar's (litestarRoutes.ts); `@routes.get(…)` of a `web.RouteTableDef()`: aiohttp's;
    // a Bottle module's: bottleRoutes.ts.
    if (receiver === 'litestar' || routeTablesOf(s).has(receiver) || importsPython(s, 'bottle')) continue;
    const args = s.argumentsOf(call);
    const pathNode = args.find((a) => a.type === 'string' || a.type === 'concatenated_string') ?? keyword(args, 'path') ?? wrappedPath(args[0]) ?? namedPath(s, args[0]);
    // `@router.get(f"{ITEMS}/{{item_id}}")`: the names are read in the join (a path that starts with one, too).
    // Prefect's `def create_api_app(health_check_path: str = "/health")` with `@api_app.get(health_check_path)`
    // inside: a parameter of a function around is its default, or, with none written, no path known.
    const given = pathNode?.type === 'identifier' ? parameterDefault(s.nodes[i].node, pathNode.text) : undefined;
    if (given === null) continue;
    const path = given ?? stringValue(pathNode) ?? (pathNode && pathNode.type !== 'concatenated_string' ? pythonPathValue(pathNode) : undefined);
    // Flask-RESTX `@ns.route("/x")` on a Resource class: the methods the class defines, as a MethodView's.
    const className = definition?.type === 'class_definition' && verb === 'route' ? definition.childForFieldName('name')?.text : undefined;
    // Flask joins a blueprint's url_prefix and its rule with a slash: privacyidea's `@container_blueprint.route('init')`
    // registered under `/container` is `/container/init` (the join drops one left without a prefix: an app's rule
    // must start with a slash, Werkzeug raises otherwise).
    // FastAPI adds a prefix to a path as it is written: tracecat's `@router.post(":upload")` on `APIRouter(prefix=
    // "/skills")` is `/skills:upload` (the join drops one left without a prefix, which no request path matches).
    const bareRule = path !== undefined && !className && (/^[\w<]/.test(path) ? flaskRule(s, verb) : path !== '' && fastapiRule(s, verb));
    if (path === undefined || (!path.startsWith('/') && path !== '' && !path.startsWith(NAMED_PART) && !bareRule)) continue;
    if (className) {
      c.add({ method: 'ANY', path: joinPrefix(prefixes.get(receiver), path), framework: flaskOrQuart(s), declaration: s.rangeOfNode(decorator), handlerChain: [className], viewClass: {}, receiver, at: i });
      continue;
    }
    const methods = methodsOf(verb, args);
    if (!methods) continue;
    // FastAPI runs the dependencies of the handler's parameters, of the decorator and of its router first.
    const parameters = definition?.childForFieldName('parameters')?.text ?? '';
    const alsoChains = verb === 'route' ? undefined : [...dependsOf(parameters), ...dependsOf(callNode?.text ?? ''), ...(routerDependencies(s).get(receiver) ?? [])];
    const dependsTypes = verb === 'route' ? undefined : annotationNames(parameters);
    // Django Ninja's decorators are FastAPI's; its routes are served under the Django URL patterns that include them.
    // Sanic's decorators are Flask's `route` and FastAPI's verbs, its blueprints Flask's.
    // Flask 2's (and APIFlask's) `@app.get`: Flask's where the module imports Flask and not FastAPI.
    const sanic = importsPython(s, 'sanic');
    const ninja = verb !== 'route' && importsPython(s, 'ninja');
    // Quart's are Flask's, async (`from quart import Quart`): its own `@app.get` too.
    const quart = importsPython(s, 'quart');
    const flask = verb === 'route' || quart || ((importsPython(s, 'flask') || importsPython(s, 'apiflask')) && !importsPython(s, 'fastapi'));
    for (const method of methods) {
      c.add({
        method,
        path: joinPrefix(prefixes.get(receiver), path),
        framework: sanic ? 'sanic' : flask ? flaskOrQuart(s) : ninja ? 'django-ninja' : 'fastapi',
        declaration: s.rangeOfNode(decorator),
        handlerIndex: fnIndex,
        receiver,
        at: i,
        alsoChains,
        dependsTypes,
      });
    }
  }
}

/** Whether a decorator of this verb in this module is Flask's (or Quart's) routing, as decoratedRoutes labels it. */
function flaskRule(s: FileStructure, verb: string): boolean {
  if (importsPython(s, 'sanic')) return false;
  return verb === 'route' || importsPython(s, 'quart') || ((importsPython(s, 'flask') || importsPython(s, 'apiflask')) && !importsPython(s, 'fastapi'));
}

/** Whether a decorator of this verb in this module is FastAPI's, as decoratedRoutes labels it. */
function fastapiRule(s: FileStructure, verb: string): boolean {
  return FASTAPI_METHODS.has(verb) && !flaskRule(s, verb) && !importsPython(s, 'sanic') && !importsPython(s, 'ninja');
}

/**
 * The string default of the parameter `name` of the nearest function around `node` that has one so named; null when
 * that parameter has no string default (its value is the caller's), undefined when no function around has it.
 */
function parameterDefault(node: Node, name: string): string | null | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    for (const p of n.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      const id = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChildren[0] : p.childForFieldName('name');
      if (id?.text !== name) continue;
      const value = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? stringValue(p.childForFieldName('value')) : undefined;
      return value ?? null;
    }
  }
  return undefined;
}

/**
 * FastAPI: a path given as a constant, or `+` of constants and literals, read as the f-string of them is (onyx's
 * `@router.get(SEARCH_PATH)` and `@router.get(SEARCH_PATH + "/x")`, as `@router.get(f"{SEARCH_PATH}")`): in a module
 * that imports FastAPI, where a `.get(NAME)` decorator is a route's.
 */
function namedPath(s: FileStructure, arg: Node | undefined): Node | undefined {
  return arg && (arg.type === 'identifier' || arg.type === 'attribute' || arg.type === 'binary_operator') && importsPython(s, 'fastapi') ? arg : undefined;
}

/**
 * A route's path handed through a project's own helper, redash's `@routes.route(org_scoped_rule("/login"))`, whose
 * default is the path itself (`"/<org_slug>" + rule` only in its multi-organisation mode): the literal path it is given.
 */
function wrappedPath(arg: Node | undefined): Node | undefined {
  if (arg?.type !== 'call' || arg.childForFieldName('function')?.type !== 'identifier') return undefined;
  const inner = arg.childForFieldName('arguments')?.namedChildren ?? [];
  return inner.length === 1 && inner[0]?.type === 'string' && stringValue(inner[0])?.startsWith('/') ? inner[0] : undefined;
}

/** The functions `Depends(f)` and `Security(f)` name in a text (a parameter list, a decorator's `dependencies=[…]`). */
export function dependsOf(text: string): string[][] {
  if (!text.includes('Depends') && !text.includes('Security')) return [];
  return [...text.matchAll(/\b(?:Depends|Security)\(\s*([A-Za-z_][\w.]*)\s*[,)]/g)].map((m) => m[1].split('.'));
}

/**
 * The names a handler's parameters are annotated with (`user: CurrentUser`, `db: DbSession = None`), which may be
 * aliases that carry a dependency (FastAPIAliases), read in the join where they are defined.
 */
export function annotationNames(parameters: string): string[] | undefined {
  if (!parameters.includes(':')) return undefined;
  const out = new Set<string>();
  for (const m of parameters.matchAll(/[(,]\s*\w+\s*:\s*([A-Z]\w*)\s*(?=[,)=])/g)) if (!FRAMEWORK_TYPES.has(m[1])) out.add(m[1]);
  return out.size ? [...out] : undefined;
}

/** What a handler's parameters are commonly annotated with that is no project's alias: not looked up. */
const FRAMEWORK_TYPES = new Set(['Request', 'Response', 'WebSocket', 'BackgroundTasks', 'UploadFile', 'Session', 'AsyncSession', 'Any', 'Optional', 'Json', 'HTTPConnection']);

/**
 * `CurrentUser = Annotated[User, Depends(get_current_user)]` (Netflix/dispatch's aliases, given as `user:
 * CurrentUser`): alias → the dependencies FastAPI runs for a parameter annotated with it (only the Annotated's own
 * metadata, not a `Depends` of a type nested in its first argument).
 */
export function fastapiAliasesOf(text: string): Record<string, string[][]> | undefined {
  if (!text.includes('Annotated') || (!text.includes('Depends') && !text.includes('Security'))) return undefined;
  let out: Record<string, string[][]> | undefined;
  for (const m of text.matchAll(/^([A-Za-z_]\w*)[ \t]*(?::[ \t]*TypeAlias[ \t]*)?=[ \t]*(?:typing\.|t\.)?Annotated\[/gm)) {
    const open = m.index! + m[0].length - 1;
    const args = text.slice(open + 1, closingBracket(text, open));
    const depends = dependsOf(topLevelParts(args).slice(1).join(','));
    if (depends.length) (out ??= {})[m[1]] = depends;
  }
  return out;
}

/** `router = APIRouter(dependencies=[Depends(verify_token)])`: per router variable, once per file. */
function routerDependencies(s: FileStructure): Map<string, string[][]> {
  return s.memo('py.routerDeps', () => routerDependenciesOf(s.text));
}

/** The routers of a file made with `dependencies=[…]`, and what they depend on (also a key for cached statements). */
export function routerDependenciesOf(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (!text.includes('dependencies')) return out;
  for (const m of text.matchAll(/^(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*(?:[\w.]+\.)?(?:APIRouter|FastAPI)\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)/gm)) {
    const deps = /\bdependencies\s*=\s*\[([^\]]*)\]/.exec(m[2]);
    if (deps) out.set(m[1], dependsOf(deps[1]));
  }
  return out;
}

/** `app.post("/prompt")(self.handle_prompt)`: FastAPI's decorator called by hand. */
function calledRegistration(c: RouteCollector, i: number, inner: CallInfo, prefixes: Map<string, string>): void {
  const s = c.s;
  const outerIndex = s.nodes[i].parent;
  const outer = outerIndex >= 0 ? s.calls.get(outerIndex) : undefined;
  if (!outer || s.nodes[outerIndex].start !== s.nodes[i].start || outer.argsStart !== s.nodes[i].end) return;
  const path = stringValue(s.argumentsOf(inner)[0]);
  if (path === undefined || !path.startsWith('/')) return;
  const handler = handlerOf(s, s.argumentsOf(outer)[0]);
  if (!handler) return;
  const verb = inner.chain[inner.chain.length - 1];
  const receiver = inner.chain[inner.chain.length - 2];
  c.add({ method: verb.toUpperCase(), path: joinPrefix(prefixes.get(receiver), path), framework: 'fastapi', declaration: s.rangeOf(outerIndex), ...handler, receiver, at: i });
}

/** `app.add_api_route("/x", handler, methods=["GET"])`, `app.add_url_rule("/x", view_func=h, methods=[…])`. */
function addRoute(c: RouteCollector, i: number, call: CallInfo, receiver: string, prefixes: Map<string, string>): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const fastapi = call.chain[call.chain.length - 1] === 'add_api_route';
  // FastAPI's add_api_route(path, endpoint, …) takes the view second; Flask's add_url_rule(rule, endpoint=None,
  // view_func=None, …) names the route second and takes the view third (searxng's `add_url_rule('/favicon_proxy',
  // endpoint="favicon_proxy", view_func=…)`). Each may be given by name, ckan's `user.add_url_rule(rule=u'/sysadmin',
  // view_func=sysadmin, methods=['POST'])`.
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const pathNode = positional[0] ?? keyword(args, fastapi ? 'path' : 'rule');
  const handlerNode = fastapi ? (keyword(args, 'endpoint') ?? positional[1]) : (keyword(args, 'view_func') ?? positional[2]);
  const written = stringValue(pathNode) ?? stringValue(wrappedPath(pathNode));
  const rows = written !== undefined ? [{ path: written }] : builtPaths(s, pathNode, handlerNode);
  if (!rows) return;
  // Flask takes a view class's methods when none are given (View.methods; MethodView: those it defines).
  const methodsGiven = !!keyword(args, 'methods');
  for (const row of rows) {
    const handler = handlerOf(s, row.view ?? handlerNode);
    if (!handler) continue;
    // rotki's `for route, resource_cls in URLS_V1: bp.add_url_rule(route, view_func=resource_cls.as_view(route))`:
    // the row's class, as the view (its methods, as a direct `UsersResource.as_view(…)` gives them).
    if (row.viewClass) handler.handlerChain = calleeChain(row.viewClass.text) ?? handler.handlerChain;
    const methods = handler.viewClass && !methodsGiven ? ['ANY'] : (methodsOf('route', args) ?? ['GET']);
    for (const method of methods) {
      c.add({ method, path: joinPrefix(prefixes.get(receiver), row.path), framework: fastapi ? 'fastapi' : flaskOrQuart(s), declaration: s.rangeOf(i), ...handler, receiver, at: i });
    }
  }
}

/**
 * A path built from literals, the module's names and the variables of a loop over a literal list: calibre-web's `for
 * d in ["hot", "rated"]: web.add_url_rule("/{}/<sort_param>".format(d), …)` or `f"/{d}/<sort_param>"`, one path per
 * item, as the loop registers them; ckan's `for rule, view_func in util_rules: api.add_url_rule(version_rule + rule,
 * view_func=view_func)` over `util_rules = [(u'/util/user/autocomplete', user_autocomplete), …]`, a path and a view per
 * row; ckan's `u'/<int(min=1, max={0}):ver>'.format(API_MAX_VERSION)`, a name of the module (or one it imports) as a
 * named part the join reads where it is defined. (`"/{}/list".format("fixed")` is one.) Undefined for any other part:
 * a call, a parameter, a name the function assigns, a loop's variable over what is not written.
 */
function builtPaths(s: FileStructure, node: Node | undefined, view: Node | undefined): { path: string; view?: Node; viewClass?: Node }[] | undefined {
  const parts: (string | Node)[] = [];
  if (!node || !pathParts(node, parts)) return undefined;
  const names = new Set(parts.flatMap((p) => (typeof p === 'string' ? [] : [p.text])));
  const viewName = view?.type === 'identifier' ? view.text : asViewOf(view);
  const loop = loopRows(s, node, viewName ? new Set([...names, viewName]) : names);
  if (loop === null) return undefined;
  const named = new Map<string, string>();
  for (const name of names) {
    if (loop?.rows[0].has(name)) continue;
    if (loop?.bound.has(name) || assignedInFunction(node, name) || parameterDefault(node, name) !== undefined || !moduleName(node, name)) return undefined;
    named.set(name, `${NAMED_PART}${name}${NAMED_PART}`);
  }
  const out: { path: string; view?: Node; viewClass?: Node }[] = [];
  for (const row of loop?.rows ?? [new Map<string, Node>()]) {
    let path = '';
    for (const p of parts) {
      const value = typeof p === 'string' ? p : (named.get(p.text) ?? stringValue(row.get(p.text)));
      if (value === undefined) return undefined;
      path += value;
    }
    const rowView = viewName ? row.get(viewName) : undefined;
    // A class named in the row whose `as_view(…)` the registration calls: the class (a dotted name too); a row's class
    // not so named (`views.resources["legacy"]`, a call) is unknown, the route kept as the call alone gives it.
    const namesClass = rowView?.type === 'identifier' || rowView?.type === 'attribute';
    // A row whose class is `None`, or may be (`BetaResource if settings.BETA else None`): a row the loop skips
    // (`if resource_cls is None: continue`), not a route known to be served.
    if (rowView && (rowView.type === 'none' || (rowView.type === 'conditional_expression' && rowView.namedChildren.some((c) => c?.type === 'none')))) continue;
    out.push(view?.type === 'identifier' ? { path, view: rowView } : { path, viewClass: namesClass ? rowView : undefined });
  }
  return out;
}

/** `resource_cls.as_view(…)`: the name whose class view it makes. */
function asViewOf(view: Node | undefined): string | undefined {
  const fn = view?.type === 'call' ? view.childForFieldName('function') : undefined;
  const object = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view' ? fn.childForFieldName('object') : undefined;
  return object?.type === 'identifier' ? object.text : undefined;
}

/**
 * A path's parts, literals as their text and names as their nodes, from `.format()` of a literal template, an f-string
 * of names, or `+` of these; false for anything else.
 */
function pathParts(node: Node | null | undefined, parts: (string | Node)[]): boolean {
  if (!node) return false;
  const literal = stringValue(node);
  if (literal !== undefined) return parts.push(literal) > 0;
  if (node.type === 'identifier') return parts.push(node) > 0;
  if (node.type === 'parenthesized_expression') return node.namedChildCount === 1 && pathParts(node.namedChildren[0], parts);
  if (node.type === 'binary_operator') return node.childForFieldName('operator')?.type === '+' && pathParts(node.childForFieldName('left'), parts) && pathParts(node.childForFieldName('right'), parts);
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const template = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? stringValue(fn.childForFieldName('object')) : undefined;
    const values = node.childForFieldName('arguments')?.namedChildren ?? [];
    if (template === undefined || values.some((v) => v?.type !== 'identifier' && v?.type !== 'string')) return false;
    let next = 0;
    let at = 0;
    for (const m of template.matchAll(/\{\{|\}\}|\{(\d*)\}|[{}]/g)) {
      parts.push(template.slice(at, m.index));
      at = m.index + m[0].length;
      if (m[0] === '{{' || m[0] === '}}') parts.push(m[0][0]);
      else if (m[1] === undefined) return false;
      else {
        const value = values[m[1] === '' ? next++ : Number(m[1])];
        const literal = value?.type === 'string' ? stringValue(value) : undefined;
        if (!value || (value.type === 'string' && literal === undefined)) return false;
        parts.push(literal ?? value);
      }
    }
    parts.push(template.slice(at));
    return true;
  }
  if (node.type === 'string' && /^[rR]?[fF][rR]?['"]/.test(node.text)) {
    for (const part of node.children) {
      if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
      if (part.type === 'string_content' && !part.namedChildren.some((c) => c?.type === 'escape_sequence')) parts.push(part.text.replaceAll('{{', '{').replaceAll('}}', '}'));
      else if (part.type === 'interpolation' && part.namedChildCount === 1 && part.namedChildren[0]?.type === 'identifier') parts.push(part.namedChildren[0]);
      else return false;
    }
    return true;
  }
  return false;
}

/** Whether a function around the node assigns `name` itself (its own list, not the module's). */
function assignedInFunction(node: Node, name: string): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' && new RegExp(`(?<![\\w.])${name}[ \\t]*(?::[^=\\n]+)?=(?!=)`).test(n.childForFieldName('body')?.text ?? '')) return true;
  }
  return false;
}

/** The value of the module's only top-level assignment to `name`, if it has exactly one. */
function moduleList(node: Node, name: string): Node | undefined {
  let root = node;
  while (root.parent) root = root.parent;
  let found: Node | undefined;
  for (const statement of root.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    if (found) return undefined;
    found = assignment.childForFieldName('right') ?? undefined;
  }
  return found;
}

/** Whether the module assigns `name` once at its top level, or imports it by name (`from ckan.x import API_MAX_VERSION`). */
function moduleName(node: Node, name: string): boolean {
  if (moduleList(node, name)) return true;
  let root = node;
  while (root.parent) root = root.parent;
  for (const statement of root.namedChildren) {
    if (statement?.type !== 'import_from_statement') continue;
    for (const imported of statement.childrenForFieldName('name')) {
      const as = imported?.type === 'aliased_import' ? imported.childForFieldName('alias') : imported;
      if (as?.text === name) return true;
    }
  }
  return false;
}

/**
 * The rows of the `for` around the node that binds any of `names`, each its variables bound to the item's nodes
 * (`for rule, view_func in util_rules`: each tuple's two), with every name the loops up to the function bind; null when
 * such a loop goes over what is not written in place or in a list the module assigns once (not a function's own), or
 * an item does not unpack to its variables; undefined when no loop binds one.
 */
function loopRows(s: FileStructure, node: Node, names: ReadonlySet<string>): { rows: Map<string, Node>[]; bound: Set<string> } | null | undefined {
  const bound = new Set<string>();
  let found: Map<string, Node>[] | null | undefined;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') break;
    if (n.type !== 'for_statement') continue;
    const left = n.childForFieldName('left');
    const targets = left?.type === 'identifier' ? [left] : left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [];
    // rotki's `for url_tuple in urls: route, resource_cls = url_tuple` (or three names, for a row of three): the row
    // unpacked in the body, each item by the unpacking of its length.
    const unpacked = left?.type === 'identifier' && !names.has(left.text) ? bodyUnpackings(s, n, left.text) : [];
    const shapes = unpacked.length ? unpacked : [targets];
    for (const t of shapes.flat()) if (t) bound.add(t.text);
    if (found !== undefined || !shapes.flat().some((t) => t && names.has(t.text))) continue;
    found = null;
    if (!shapes.flat().every((t) => t?.type === 'identifier')) continue;
    // calibre-web's `data = ["rated", "discover", …]` then `for d in data:`: a list the module names once (not a
    // function's own `data`).
    const over = n.childForFieldName('right');
    const list = over?.type === 'identifier' ? (assignedInFunction(n, over.text) ? undefined : moduleList(n, over.text)) : over;
    // rotki's `def setup_urls(rest_api, blueprint, urls): for url_tuple in urls:` called `setup_urls(…, urls=URLS_V1)`:
    // the rows of each list the module's calls hand that parameter.
    const items = list?.type === 'list' || list?.type === 'tuple' ? list.namedChildren : over?.type === 'identifier' ? handedItems(s, n, over.text) : undefined;
    if (!items) continue;
    const rows: Map<string, Node>[] = [];
    for (const item of items) {
      if (!item || item.type === 'comment') continue;
      const values = shapes[0].length === 1 ? [item] : item.type === 'tuple' || item.type === 'list' ? item.namedChildren.filter((x) => x?.type !== 'comment') : [];
      const shape = shapes.find((t) => t.length === values.length);
      if (!shape) break;
      rows.push(new Map(shape.map((t, k) => [t!.text, values[k]!])));
    }
    if (rows.length && rows.length === items.filter((x) => x?.type !== 'comment').length) found = rows;
  }
  return found && { rows: found, bound };
}

/**
 * The items of the lists the module's calls hand parameter `name` of the top-level function the loop is written in,
 * by position or by name (or its default): each call's list written in place or assigned once at the module's top
 * level; undefined when `name` is no parameter of such a function, when no call hands one, or when a call hands what
 * is not such a list. Once per function and parameter.
 */
function handedItems(s: FileStructure, loop: Node, name: string): (Node | null)[] | undefined {
  let fn: Node | null = loop.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const top = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const fnName = fn?.childForFieldName('name')?.text;
  if (!fn || !fnName || top?.parent?.type !== 'module') return undefined;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const names = params.map((p) => (p?.type === 'identifier' ? p.text : p?.type === 'typed_parameter' ? p.namedChildren[0]?.text : p?.childForFieldName('name')?.text));
  if (!names.includes(name)) return undefined;
  const root = top.parent;
  const def = fn;
  return s.memo(`py.handedItems:${fnName}:${name}`, () => {
    const items: (Node | null)[] = [];
    let calls = 0;
    for (const at of s.words.all(fnName)) {
      const callee = root.descendantForIndex(at, at + fnName.length);
      const call = callee?.type === 'identifier' && callee.text === fnName && callee.parent?.type === 'call' && callee.parent.childForFieldName('function')?.id === callee.id ? callee.parent : undefined;
      if (!call) continue;
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
      const given = argumentBindings(def, args)?.get(name);
      const list = typeof given !== 'object' ? undefined : given.type === 'identifier' ? (assignedInFunction(given, given.text) ? undefined : moduleList(given, given.text)) : given;
      if (list?.type !== 'list' && list?.type !== 'tuple') return undefined;
      items.push(...list.namedChildren);
      calls++;
    }
    return calls ? items : undefined;
  });
}

/**
 * The names the body of a `for` over one name unpacks it to, `route, resource_cls = url_tuple`, one list per
 * unpacking (not in a function or class written in the body). Once per loop and name: each registration in the loop
 * asks.
 */
function bodyUnpackings(s: FileStructure, loop: Node, name: string): readonly (Node | null)[][] {
  return s.memo(`py.bodyUnpackings:${loop.startIndex}:${name}`, () => unpackingsIn(loop, name));
}

function unpackingsIn(loop: Node, name: string): (Node | null)[][] {
  const out: (Node | null)[][] = [];
  const visit = (n: Node): void => {
    for (const child of n.namedChildren) {
      if (!child || child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'decorated_definition') continue;
      if (child.type === 'assignment' && child.childForFieldName('right')?.text === name) {
        const left = child.childForFieldName('left');
        if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') out.push(left.namedChildren);
        continue;
      }
      if (child.type.endsWith('statement') || child.type.endsWith('clause') || child.type === 'block') visit(child);
    }
  };
  const body = loop.childForFieldName('body');
  if (body) visit(body);
  return out;
}

/**
 * A project's own helper that adds each rule of a list to a blueprint, FlaskBB's `register_view(forum,
 * routes=["/forum/<int:forum_id>", "/forum/<int:forum_id>-<slug>"], view_func=ViewForum.as_view("view_forum"))`
 * (its body: `for route in routes: bp_or_app.add_url_rule(route, view_func=view_func)`): a route per rule, as
 * `add_url_rule` makes them, on the blueprint it is given first.
 */
function helperRegistration(c: RouteCollector, i: number, call: CallInfo, prefixes: Map<string, string>): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const receiver = args[0]?.type === 'identifier' ? args[0].text : undefined;
  const rules = keyword(args, 'routes') ?? keyword(args, 'rules') ?? keyword(args, 'urls');
  const viewFunc = keyword(args, 'view_func');
  if (!receiver || rules?.type !== 'list' || !viewFunc) return;
  const paths = rules.namedChildren.flatMap((r) => stringValue(r ?? undefined) ?? []);
  if (!paths.length || !paths.every((p) => p.startsWith('/'))) return;
  const handler = handlerOf(s, viewFunc);
  if (!handler) return;
  const methods = handler.viewClass && !keyword(args, 'methods') ? ['ANY'] : (methodsOf('route', args) ?? ['GET']);
  for (const path of paths) {
    for (const method of methods) c.add({ method, path: joinPrefix(prefixes.get(receiver), path), framework: flaskOrQuart(s), declaration: s.rangeOf(i), ...handler, receiver, at: i });
  }
}

/** Flask's routing in a Quart module (Quart keeps Flask's API, async): labelled Quart. */
function flaskOrQuart(s: FileStructure): string {
  return importsPython(s, 'quart') ? 'quart' : 'flask';
}

/**
 * Flask-RESTful: `api.add_resource(AlertResource, '/api/alerts/<alert_id>', '/alerts/<alert_id>')` (also a project's
 * own `add_org_resource`, redash's): each URL is a route of the methods the resource class defines, as a MethodView's.
 */
function restfulResource(c: RouteCollector, i: number, call: CallInfo, receiver: string, prefixes: Map<string, string>): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const chain = args[0] && (args[0].type === 'identifier' || args[0].type === 'attribute') ? calleeChain(args[0].text) : undefined;
  if (!chain) return;
  for (const arg of args.slice(1)) {
    const path = stringValue(arg);
    if (path === undefined || !path.startsWith('/')) continue;
    c.add({ method: 'ANY', path: joinPrefix(prefixes.get(receiver), path), framework: 'flask', declaration: s.rangeOf(i), handlerChain: chain, viewClass: {}, receiver, at: i });
  }
}

/**
 * A Django URLconf: it sets `urlpatterns` (also `urlpatterns: list[URLPattern] = […]`, `urlpatterns += …`). Not a
 * list merely named like it: an `AdminSite.get_urls()` building `extra_urlpatterns` is no URLconf.
 */
export function isUrlconf(text: string): boolean {
  // Also a module of named pattern lists another includes (NetBox's `plugin_api_patterns = [path(…), …]`).
  // (Also jumpserver's `user_permission_urlpatterns = [path(…)]`, added to the `urlpatterns` of the module that imports it.)
  return /^[ \t]*urlpatterns\s*(?::[^=\n]*)?\+?=/m.test(text) || (/^[A-Za-z_]\w*_(?:url)?patterns\s*(?::[^=\n]*)?=\s*\[/m.test(text) && /\b(?:re_)?path\(/.test(text));
}

const AS_ASGI = /\.as_asgi\s*\(/;

/**
 * `path('items/<int:id>/', views.item)` or `path('api/', include('shop.urls'))` in a Django URLconf. `include()`
 * also takes `('shop.urls', 'shop')` (with an app namespace), a list of patterns written in place (whose own
 * `path()` calls get the prefix here), or a list of this module (`include(login_patterns)`).
 */
function djangoRoute(c: RouteCollector, i: number, call: CallInfo): void {
  const s = c.s;
  // (A helper's patterns that name its parameters, or the rows of a table it reads, are read where the module calls
  // it, with its arguments: helperPatterns. Those readable alone, `path("api/", include(…))`, are read here, as any.)
  if (s.functionOf[i] >= 0 && patternHelpers(s).has(outermostFunctionName(s, i) ?? '') && namesHelperValues(s.nodes[i].node)) return;
  const args = s.argumentsOf(call);
  const own = djangoPattern(args[0]);
  const view = args[1];
  if (own === undefined || !view) return;
  // A Channels consumer (`path("ws/status/", StatusConsumer.as_asgi())` in paperless-ngx's `websocket_urlpatterns`):
  // a WebSocket, which the ASGI application's URLRouter serves, not an HTTP route.
  if (view.type === 'call' && AS_ASGI.test(view.text)) return;
  const path = djangoJoin(enclosingIncludes(s, i), own);
  const receiver = patternListOf(s, i);
  if (receiver === 'websocket_urlpatterns') return;
  if (view.type === 'call') {
    const chain = calleeChain(view.text) ?? [];
    if (chain[chain.length - 1] === 'include') {
      let target = view.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
      while (target && (target.type === 'tuple' || target.type === 'parenthesized_expression')) target = target.namedChildren[0] ?? undefined;
      // NetBox: `include(get_model_urls('dcim', 'site'))` serves the views registered for the model (the join's).
      const modelViews = target?.type === 'call' ? modelViewsUseOf(target.text) : undefined;
      if (modelViews) {
        c.add({ method: 'ANY', path, framework: 'django', declaration: s.rangeOf(i), handlerChain: ['get_model_urls'], receiver, at: i, modelViews });
        return;
      }
      const module = stringValue(target);
      if (module !== undefined) c.mounts.push({ prefix: path, receiver, target: [module], module: true });
      // A list of patterns of this module, or one imported by name from another (NetBox's `include((plugin_api_patterns,
      // 'plugins-api'))` with `from netbox.plugins.urls import plugin_api_patterns`), read as `*plugin_api_patterns` is.
      else if (target?.type === 'identifier' && (localPatternLists(s).has(target.text) || importedByName(s.text, target.text))) c.mounts.push({ prefix: path, receiver, target: [target.text], django: true });
      else if (target && target.type !== 'list') {
        const t = calleeChain(target.text);
        if (t) c.mounts.push({ prefix: path, receiver, target: t, module: true });
      } else if (target) {
        // `include([path(…), *api_router.urls])` (paperless-ngx): the router's patterns under this prefix too.
        for (const item of target.namedChildren) {
          const t = item?.type === 'list_splat' ? calleeChain(item.text.replace(/^\*\s*/, '')) : undefined;
          if (t?.length === 2 && t[1] === 'urls') c.mounts.push({ prefix: path, receiver, target: t, module: true });
        }
      }
      return;
    }
  }
  if (view.type === 'attribute' && view.childForFieldName('attribute')?.text === 'urls') {
    // Django Ninja: `path("api/", api.urls)` serves the API's routes under the prefix (as `include(router.urls)`).
    const t = calleeChain(view.text);
    if (t?.length === 2) c.mounts.push({ prefix: path, receiver, target: t, module: true });
    return;
  }
  const handler = handlerOf(s, unwrappedView(view));
  if (!handler) return;
  c.add({ method: 'ANY', path, framework: 'django', declaration: s.rangeOf(i), ...handler, receiver, at: i });
}

/**
 * Whether a `path(…)` call in a helper names one of the helper's parameters or the variables of a comprehension
 * around it: then only a call of the helper says what it is.
 */
function namesHelperValues(call: Node): boolean {
  let fn: Node | null = call.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  while (fn?.parent && fn.parent.type !== 'module' && !(fn.parent.type === 'decorated_definition' && fn.parent.parent?.type === 'module')) {
    let up: Node | null = fn.parent;
    while (up && up.type !== 'function_definition') up = up.parent;
    if (!up) break;
    fn = up;
  }
  const names = new Set<string>();
  for (const p of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = p?.type === 'identifier' ? p.text : p?.type === 'typed_parameter' ? p.namedChildren[0]?.text : p?.childForFieldName('name')?.text;
    if (name) names.add(name);
  }
  for (let n: Node | null = call.parent; n && n !== fn; n = n.parent) {
    if (n.type !== 'list_comprehension' && n.type !== 'generator_expression') continue;
    for (const clause of n.namedChildren) {
      if (clause?.type !== 'for_in_clause') continue;
      const left = clause.childForFieldName('left');
      for (const x of left?.type === 'identifier' ? [left] : (left?.namedChildren ?? [])) if (x?.type === 'identifier') names.add(x.text);
    }
  }
  if (!names.size) return false;
  const text = call.text;
  return [...names].some((name) => new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(text));
}

function outermostFunctionName(s: FileStructure, i: number): string | undefined {
  let f = s.functionOf[i];
  while (f >= 0 && s.functions[f].outer >= 0) f = s.functions[f].outer;
  return f >= 0 ? s.functions[f].name : undefined;
}

function patternHelpers(s: FileStructure): Map<string, string> {
  return s.memo('django.patternHelpers', () => djangoPatternHelpersOf(s.text));
}

/**
 * A URLconf's own functions that make patterns and that the module calls (pretalx's `def get_schedule_urls(
 * regex_prefix, name_prefix="")`, spread as `*get_schedule_urls("schedule")`), by name: their text. Read from the
 * text once per file; also the edit cache's context, since their patterns are read where they are called.
 */
export function djangoPatternHelpersOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('def ')) return out;
  for (const m of text.matchAll(/^def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm)) {
    const end = text.slice(m.index).search(/\n(?=[^\s#])/);
    const block = end < 0 ? text.slice(m.index) : text.slice(m.index, m.index + end);
    if (!/\b(?:re_)?path\(|\burl\(/.test(block)) continue;
    const called = new RegExp(`(?<![\\w.])${m[1]}\\(`, 'g');
    if ((text.match(called)?.length ?? 0) > (block.match(called)?.length ?? 0)) out.set(m[1], block);
  }
  return out;
}

/**
 * The patterns a helper of the module makes, where the module calls it (`*get_schedule_urls("schedule/v/<version>",
 * "versioned-")` in a list of patterns, under the includes it is written in): its parameters bound to the call's
 * literal arguments (and to their defaults), through `prefix = prefix.rstrip("/")`, and each row of a literal table
 * its list comprehension reads (`[path(f"{prefix}{regex}", view) for regex, view, name in [("/", schedule.ScheduleView
 * .as_view(), "schedule"), …]]`). A pattern with a part bound to nothing readable is left out.
 */
function helperPatterns(c: RouteCollector, k: number, call: CallInfo): void {
  const s = c.s;
  const fn = s.memo(`django.helper:${call.chain[0]}`, () => topLevelFunction(s.tree.rootNode, call.chain[0]));
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return;
  const given = argumentBindings(fn, s.argumentsOf(call));
  if (!given) return;
  const prefix = enclosingIncludes(s, k);
  const receiver = patternListOf(s, k);
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') continue;
    const callee = n.type === 'call' ? n.childForFieldName('function') : null;
    if (callee?.type === 'identifier' && DJANGO_ROUTES.has(callee.text)) {
      const args = n.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
      // (A pattern readable without the helper's arguments is djangoRoute's, where it is written.)
      if (!namesHelperValues(n)) continue;
      const bound = reassigned(body, n.startIndex, given);
      for (const row of comprehensionRows(n, fn)) {
        const names = new Map([...bound, ...row]);
        const pattern = boundString(args[0], names);
        let view: Node | string | undefined = args[1];
        if (view?.type === 'identifier' && names.has(view.text)) view = names.get(view.text);
        if (pattern === undefined || !view || typeof view === 'string' || view.type === 'identifier' && (bound.has(view.text) || given.has(view.text))) continue;
        if (view.type === 'call' && /(?:^|\.)include$/.test(view.childForFieldName('function')?.text ?? '')) continue;
        const handler = handlerOf(s, unwrappedView(view));
        if (handler) c.add({ method: 'ANY', path: djangoJoin(prefix, pattern), framework: 'django', declaration: s.rangeOf(k), ...handler, receiver, at: k });
      }
      continue;
    }
    for (let j = n.namedChildCount - 1; j >= 0; j--) {
      const child = n.namedChild(j);
      if (child) stack.push(child);
    }
  }
}

/** The module's own `def name(…)`, at its top level. */
function topLevelFunction(root: Node, name: string): Node | undefined {
  for (const st of root.namedChildren) {
    const fn = st?.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name) return fn;
  }
  return undefined;
}

/** A helper's parameters bound to what a call gives (a string's value, else the node) or to their defaults; undefined when the call spreads its arguments. */
function argumentBindings(fn: Node, args: Node[]): Map<string, string | Node> | undefined {
  const out = new Map<string, string | Node>();
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p?.type !== 'comment') ?? [];
  const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  if (positional.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const value = (n: Node | null | undefined): string | Node | undefined => (n ? (stringValue(n) ?? n) : undefined);
  params.forEach((p, at) => {
    if (!p) return;
    const name = p.type === 'identifier' ? p.text : p.type === 'typed_parameter' ? p.namedChildren[0]?.text : p.childForFieldName('name')?.text;
    if (!name || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') return;
    const byName = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value');
    const v = value(byName ?? positional[at]) ?? value(p.childForFieldName('value'));
    if (v !== undefined) out.set(name, v);
  });
  return out;
}

/**
 * The bindings after the helper's statements before offset `at` change its parameters: `regex_prefix =
 * regex_prefix.rstrip("/")` read as Python does it; any other assignment to one leaves it unknown.
 */
function reassigned(body: Node, at: number, given: Map<string, string | Node>): Map<string, string | Node> {
  const out = new Map(given);
  for (const st of body.namedChildren) {
    if (!st || st.startIndex >= at) break;
    const e = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
    const left = e?.type === 'assignment' ? e.childForFieldName('left') : undefined;
    if (left?.type !== 'identifier' || !out.has(left.text)) continue;
    const before = out.get(left.text);
    const m = /^(\w+)\.(r|l)?strip\(\s*(?:(['"])([^'"\\]*)\3)?\s*\)$/.exec(e!.childForFieldName('right')?.text ?? '');
    if (m && m[1] === left.text && typeof before === 'string') out.set(left.text, pythonStrip(before, m[4], m[2]));
    else out.delete(left.text);
  }
  return out;
}

function pythonStrip(value: string, chars: string | undefined, side: string | undefined): string {
  const strips = (ch: string) => (chars === undefined ? /\s/.test(ch) : chars.includes(ch));
  let start = 0;
  let end = value.length;
  if (side !== 'r') while (start < end && strips(value[start])) start++;
  if (side !== 'l') while (end > start && strips(value[end - 1])) end--;
  return value.slice(start, end);
}

/**
 * The names a pattern's list comprehension binds, one map per row of the literal table it iterates (`for regex, view,
 * name in [("/", …), …]`); one empty map when the pattern is in none; none when the table is not written in place.
 */
function comprehensionRows(call: Node, fn: Node): Map<string, string | Node>[] {
  for (let n: Node | null = call.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'list_comprehension' && n.type !== 'generator_expression') continue;
    const clauses = n.namedChildren.filter((x) => x?.type === 'for_in_clause');
    if (clauses.length !== 1 || !n.childForFieldName('body')?.equals(call)) return [];
    const left = clauses[0]!.childForFieldName('left');
    const table = clauses[0]!.childForFieldName('right');
    if (!left || (table?.type !== 'list' && table?.type !== 'tuple')) return [];
    const names = left.type === 'identifier' ? [left] : left.namedChildren;
    if (!names.every((x) => x?.type === 'identifier')) return [];
    const rows: Map<string, string | Node>[] = [];
    for (const item of table.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const values = names.length === 1 ? [item] : item.type === 'tuple' || item.type === 'list' ? item.namedChildren : [];
      if (values.length !== names.length) return [];
      rows.push(new Map(names.map((x, j) => [x!.text, stringValue(values[j]) ?? values[j]!])));
    }
    return rows;
  }
  return [new Map()];
}

/** A string, or an f-string whose parts are names bound to strings (`f"{prefix}{regex}"`). */
function boundString(node: Node | undefined, names: Map<string, string | Node>): string | undefined {
  if (!node) return undefined;
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  if (node.type === 'identifier') {
    const v = names.get(node.text);
    return typeof v === 'string' ? v : undefined;
  }
  if (node.type !== 'string' || !/^[rR]?[fF][rR]?['"]/.test(node.text)) return undefined;
  let out = '';
  for (const part of node.namedChildren) {
    if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content') out += part.text;
    else if (part.type === 'interpolation' && part.namedChildCount === 1 && part.namedChildren[0]?.type === 'identifier') {
      const v = names.get(part.namedChildren[0].text);
      if (typeof v !== 'string') return undefined;
      out += v;
    } else return undefined;
  }
  return out;
}

/** What Django's view decorators and a project's own are named: `login_required`, `csrf_exempt`, `cache_page`, `require_POST`. */
const VIEW_DECORATOR = /(?:required|exempt|protect(?:ed)?|cache\w*|_only|^require_\w+|^vary_on_\w+|^xframe_\w+|^sensitive_\w+|^never_\w+|decorator|^login\w*|^staff\w*|^permission\w*|^gzip\w*|^condition|^etag|^last_modified)$/;

/**
 * The view a decorator wraps where it is routed: `login_required(views.orders)`, `csrf_exempt(X.as_view())`,
 * `cache_page(60)(views.report)`, Misago's `private_threads_login_required(view)`. A call given one view, a name
 * or a class's `as_view()`, and nothing else; not `as_view()` itself.
 */
function unwrappedView(view: Node): Node {
  for (let depth = 0; depth < 3 && view.type === 'call'; depth++) {
    const fn = view.childForFieldName('function');
    if (!fn || (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view')) break;
    // Named as a decorator is (not a view factory given a model, `make_view(Order)`).
    const name = /(\w+)\s*(?:\([^()]*\))?$/.exec(fn.text)?.[1] ?? '';
    if (!VIEW_DECORATOR.test(name)) break;
    const args = view.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
    const inner = args.length === 1 ? args[0] : undefined;
    const isView = inner && (inner.type === 'identifier' || inner.type === 'attribute' || (inner.type === 'call' && /\.as_view$/.test(inner.childForFieldName('function')?.text ?? '')));
    if (!isView) break;
    view = inner;
  }
  return view;
}

/** The module imports `name` from another (`from x.urls import name`, also inside parentheses). */
function importedByName(text: string, name: string): boolean {
  return new RegExp(String.raw`^[ \t]*from\s+[\w.]+\s+import\s+(?:\([^)]*\b${name}\b|[^\n]*\b${name}\b)`, 'm').test(text);
}

/** Django joins an included pattern to its prefix as written, without the included one's leading `^`. */
function djangoJoin(prefix: string, pattern: string): string {
  return prefix ? prefix + pattern.replace(/^\^/, '') : pattern;
}

/**
 * A pattern as written, or built from constants (bookwyrm's `re_path(rf"{LOCAL_USER_PATH}/inbox/?$", …)`, a constant
 * alone): with their names as named parts, which the join reads where each is defined (a name it cannot read drops
 * the route, not the part).
 */
function djangoPattern(arg: Node | undefined): string | undefined {
  const written = stringValue(arg);
  if (written !== undefined || !arg) return written;
  if (arg.type === 'call') return formattedPattern(arg);
  const built = arg.type === 'string' || arg.type === 'identifier' || arg.type === 'attribute' || arg.type === 'binary_operator' ? pythonPathValue(arg) : undefined;
  return built?.includes(NAMED_PART) ? built : undefined;
}

/**
 * A pattern filled in by `str.format`, DefectDojo's `re_path(r"^{}api/v2/".format(get_system_setting("url_prefix")),
 * …)`: a literal given is its text, a name a named part (as in an f-string), and a value read at run time (a call) is
 * read as empty, the deployment's default base, the rest kept: `^api/v2/`. Undefined when a field is more than `{}` or
 * `{0}`, or when one read as empty stands for a segment of its own (`"^{}/(?P<path>.*)$".format(settings.MEDIA_URL
 * .strip("/"))`, which empty would be no path Django serves).
 */
function formattedPattern(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  const template = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? stringValue(fn.childForFieldName('object') ?? undefined) : undefined;
  if (template === undefined) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
  let next = 0;
  let unreadable = false;
  const out = template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (field, index: string | undefined, at: number) => {
    if (field === '{{') return '{';
    if (field === '}}') return '}';
    const arg = index === '' ? args[next++] : /^\d+$/.test(index!) ? args[Number(index)] : undefined;
    if (!arg || arg.type === 'keyword_argument' || arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      unreadable = true;
      return '';
    }
    const value = stringValue(arg) ?? (arg.type === 'identifier' || arg.type === 'attribute' ? pythonPathValue(arg) : '');
    if (value === '' && template[at + field.length] === '/') unreadable = true;
    return value ?? '';
  });
  return unreadable ? undefined : out;
}

/** The prefixes of the `path('x/', include([…]))` calls a pattern is written inside, outermost first, joined. */
function enclosingIncludes(s: FileStructure, i: number): string {
  let prefix = '';
  for (let a = s.nodes[i].parent; a >= 0; a = s.nodes[a].parent) {
    const include = s.calls.get(a);
    if (!include || include.chain[include.chain.length - 1] !== 'include') continue;
    const outer = s.nodes[a].parent;
    const registration = outer >= 0 ? s.calls.get(outer) : undefined;
    if (!registration || !DJANGO_ROUTES.has(registration.chain[registration.chain.length - 1])) continue;
    const p = djangoPattern(s.argumentsOf(registration)[0]);
    if (p !== undefined) prefix = djangoJoin(p, prefix);
  }
  return prefix;
}

/**
 * The list of patterns a `path()` is written in, as far as the join needs it: `urlpatterns`, unless it is a list
 * of this module that an `include(name)` here mounts (`login_patterns = [path(…)]`), or that is added to another list
 * (jumpserver's `resource_api`, in `api_v1 = resource_api + […]`), or that another module may import by name
 * (`*_patterns`, `*_urlpatterns`). Written where the list is made, or added to it: `api_v1.extend([path(…)])`.
 */
function patternListOf(s: FileStructure, i: number): string {
  let name: string | undefined;
  for (let n: Node | null = s.nodes[i].node.parent; n && n.type !== 'module' && !name; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') return 'urlpatterns';
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      name = left?.type === 'identifier' ? left.text : '';
    } else if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const list = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      if (list?.type === 'identifier' && /^(?:extend|append|insert)$/.test(fn?.childForFieldName('attribute')?.text ?? '')) name = list.text;
    }
  }
  return name ? filedUnder(name, localPatternLists(s), s.memo('django.flows', () => djangoListFlows(s.tree.rootNode))) : 'urlpatterns';
}

/** The list the routes of list `name` are filed under (see patternListOf): its own, or `urlpatterns`. */
export function filedUnder(name: string, localIncludes: ReadonlySet<string>, flows: DjangoListFlows): string {
  return name !== 'urlpatterns' && (localIncludes.has(name) || /_(?:url)?patterns$/.test(name) || flows.lists.some(([, added]) => added === name)) ? name : 'urlpatterns';
}

/** Names of this module's lists that an `include(name)` here mounts: read once per file. */
function localPatternLists(s: FileStructure): Set<string> {
  return s.memo('django.localLists', () => djangoLocalIncludes(s.text));
}

export function djangoLocalIncludes(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('include')) return out;
  for (const m of text.matchAll(/\binclude\(\s*\(?\s*([A-Za-z_]\w*)\s*[,)]/g)) {
    if (new RegExp(`^${m[1]}\\s*(?::[^=\\n]+)?=`, 'm').test(text)) out.add(m[1]);
  }
  return out;
}

/**
 * `router.register(r'users', views.UserViewSet)`: DRF's list and detail routes for that viewset. Their methods
 * (and its `@action` routes) depend on the class, which the workspace join reads (see drfRouters.ts); until then
 * each is ANY with the default `pk` lookup.
 */
function drfRegister(c: RouteCollector, i: number, call: CallInfo, receiver: string, router: DrfRouter, handed?: string, imported?: true): void {
  const s = c.s;
  // A registration on what another one returns (drf-extensions' `router.register(…).register(…,
  // parents_query_lookups=[…])`, taiga's router) hangs under the parent's detail route, with a parent lookup each
  // extension names its own way: left out rather than listed at the top.
  if (call.argsStart >= 0 && s.text.slice(s.nodes[i].start, call.argsStart).includes('(')) return;
  const args = s.argumentsOf(call);
  const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  // A prefix given by name, DefectDojo's `router.register(path, NotesViewSet)` with `path = "notes"` imported from its
  // package's __init__: read in the join where the name is defined, as a Django pattern's (or no route).
  const prefixNode = positional[0] ?? keyword(args, 'prefix');
  if (prefixNode?.type === 'identifier' && !singleBinding(s.text, prefixNode)) return;
  const prefix = djangoPattern(prefixNode);
  const viewSetNode = positional[1] ?? keyword(args, 'viewset');
  const chain = viewSetNode ? calleeChain(viewSetNode.text) : undefined;
  if (prefix === undefined || !chain) return;
  for (const detail of [false, true]) {
    const viewSet = { ...router, chain, prefix, detail, ...(handed ? { handed } : {}), ...(imported ? { imported } : {}) };
    c.add({ method: 'ANY', path: drfPattern(viewSet, undefined), framework: 'drf', declaration: s.rangeOf(i), handlerChain: chain, receiver, at: i, viewSet });
  }
}

/**
 * A name whose one value the join may read where it is defined: not a loop's variable around the call (`for name,
 * viewset in ROUTES: router.register(name, viewset)`), nor one the module binds more than once (`prefix = "users"` …
 * `prefix = "groups"`), where the value in force at each call is not the one the join would read.
 */
function singleBinding(text: string, node: Node): boolean {
  const name = node.text;
  for (let p = node.parent; p; p = p.parent) {
    if ((p.type === 'for_statement' || p.type === 'for_in_clause') && new RegExp(String.raw`\b${name}\b`).test(p.childForFieldName('left')?.text ?? '')) return false;
  }
  return (text.match(new RegExp(String.raw`^${name}\s*(?::[^=\n]+)?=(?!=)`, 'gm'))?.length ?? 0) <= 1;
}

export function mountCall(c: RouteCollector, call: CallInfo, receiver: string | undefined, targetAt: number, replacesOwn = false): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  // Starlette's `app.mount("/api/v1", app=api)` (dispatch) names the app it mounts.
  const targetNode = args.filter((a) => a.type !== 'keyword_argument')[targetAt] ?? (targetAt === 1 ? keyword(args, 'app') : undefined);
  const target = targetNode ? calleeChain(targetNode.text) : undefined;
  if (!target) return;
  // The path first, or by keyword: litellm's `app.mount(path=BASE_MCP_ROUTE, app=mcp_app)` (Starlette's `path`; django-ninja's
  // `add_router(prefix=…, router=…)`).
  const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
  const prefixNode = targetAt === 1 ? (positional[0] ?? keyword(args, 'path') ?? keyword(args, 'prefix')) : (keyword(args, 'prefix') ?? keyword(args, 'url_prefix'));
  const prefixRef = namedValue(prefixNode);
  const prefix = stringValue(prefixNode) ?? envPrefix(prefixNode) ?? (prefixRef ? undefined : pythonPathValue(prefixNode));
  // Prefect's `if PREFECT_SERVER_API_BASE_PATH: app.mount(PREFECT_SERVER_API_BASE_PATH.value(), app=api_app)` `else:
  // app.mount("/api", app=api_app)`: a path not known, where the module also mounts that app at a written one, is no
  // second mount at the root.
  if (targetAt === 1 && prefixNode && prefix === undefined && !prefixRef && mountedAtWrittenPath(s, call, targetNode!.text)) return;
  // `if settings.ENVIRONMENT == "local": api_router.include_router(private.router)`: not served in production.
  const developmentOnly = c.developmentOnly(call.index) || undefined;
  // Registered inside a blueprint factory (changedetection's `construct_blueprint()` registering its restore
  // blueprint on the one it makes and returns): under the prefixes that factory's blueprint is registered with.
  const enclosing = c.enclosingNames(call.index, receiver);
  // FastAPI's `include_router(r, dependencies=[Depends(auth)])`: run before each route of `r`.
  const dependencies = keyword(args, 'dependencies');
  const alsoChains = dependencies ? dependsOf(dependencies.text) : [];
  // tracecat's `def _include_workspace_scoped_router(app, router): app.include_router(router, prefix=…)`: what it
  // includes is what each call hands it there (MountFact.parameterTarget).
  const parameterTarget = target.length === 1 ? handedParameter(c, call.index, target[0]) : undefined;
  const mount = {
    prefix: prefix ?? '',
    prefixRef: prefix === undefined ? prefixRef : undefined,
    receiver,
    target,
    replacesOwn: replacesOwn || undefined,
    developmentOnly,
    ...(enclosing.length ? { enclosing } : {}),
    ...(alsoChains.length ? { alsoChains } : {}),
    ...(parameterTarget ? { parameterTarget } : {}),
  };
  // Flask: a blueprint of the list a loop goes over (`for bp in [admin_bp, stats_bp]: app.register_blueprint(bp, …)`):
  // each one written there, or, for a list not written there, every blueprint no registration names (MountFact.looped).
  // FastAPI's include_router too, each router written there: Prefect's `for router in API_ROUTERS:
  // api_app.include_router(router, …)`, with `API_ROUTERS = (api.flows.router, …)` a tuple of the module (loopOver).
  const included = !replacesOwn && target.length === 1 && call.chain[call.chain.length - 1] === 'include_router' ? loopOver(s.nodes[call.index].node, target[0]) : undefined;
  const looped = replacesOwn && target.length === 1 ? loopOver(s.nodes[call.index].node, target[0]) : included ?? undefined;
  if (looped === null) c.mounts.push({ ...mount, looped: true });
  else if (looped) for (const item of looped) c.mounts.push({ ...mount, target: item });
  else c.mounts.push(mount);
}

/** Whether another `.mount("/path", app)` of the module (same receiver) mounts the same app at a literal path. */
function mountedAtWrittenPath(s: FileStructure, call: CallInfo, target: string): boolean {
  for (const other of s.calls.values()) {
    if (other === call || other.chain.length !== call.chain.length || other.chain.join('.') !== call.chain.join('.')) continue;
    const args = s.argumentsOf(other);
    const app = args.filter((a) => a.type !== 'keyword_argument')[1] ?? keyword(args, 'app');
    if (app?.text === target && stringValue(args[0]) !== undefined) return true;
  }
  return false;
}

/**
 * The items of the list a `for` around the node goes over with `name`: each one's chain when the list is written
 * there (names or members), null when it is not (a parameter, a module constant), undefined when `name` is no loop's.
 */
function loopOver(node: Node, name: string): string[][] | null | undefined {
  for (let n: Node | null = node.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type !== 'for_statement' || n.childForFieldName('left')?.text !== name) continue;
    let right = n.childForFieldName('right');
    if (right?.type === 'identifier') right = moduleSequence(n, right.text) ?? right;
    if (right && (right.type === 'list' || right.type === 'tuple')) {
      const items = right.namedChildren.map((item) => (item ? calleeChain(item.text) : undefined));
      return items.every((chain) => chain?.length) ? (items as string[][]) : null;
    }
    return null;
  }
  return undefined;
}

/** The list or tuple a top-level `NAME = (…)` (also annotated) of the module around `node` assigns, when it is one. */
function moduleSequence(node: Node, name: string): Node | undefined {
  let root: Node = node;
  while (root.parent) root = root.parent;
  let found: Node | undefined;
  for (const statement of root.namedChildren) {
    const e = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if ((e?.type !== 'assignment' && e?.type !== 'augmented_assignment') || e.childForFieldName('left')?.text !== name) continue;
    const right = e.childForFieldName('right');
    // Assigned twice or added to: which items the loop sees is not known.
    if (found || !right || e.type === 'augmented_assignment') return undefined;
    found = right;
  }
  return found && (found.type === 'list' || found.type === 'tuple') ? found : undefined;
}

/**
 * FastAPI: a router made in the call that hands it to a function of this module which returns it, fief's
 * `tenant_router = include_routers(APIRouter(prefix="/{tenant_slug}"))` with `def include_routers(router: APIRouter):
 * router.include_router(auth_router); …; return router`: the function's parameter (MountFact.argument) is the router
 * assigned, under that router's prefix wherever it is included. Called again with `APIRouter()`, what the function
 * includes is served under both (WorkspaceLinker.mountPrefixes).
 */
function handedNewRouter(c: RouteCollector, i: number, call: CallInfo): void {
  const s = c.s;
  const assignment = s.nodes[i].node.parent;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  if (left?.type !== 'identifier') return;
  s.argumentsOf(call).forEach((a, k) => {
    const made = a.type === 'call' ? calleeChain(a.childForFieldName('function')?.text ?? '') : undefined;
    if (!made?.[made.length - 1].endsWith('APIRouter') || !returnsParameter(s.tree.rootNode, call.chain[0], k)) return;
    const prefixNode = keyword(a.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => !!n) ?? [], 'prefix');
    const prefixRef = namedValue(prefixNode);
    const prefix = stringValue(prefixNode) ?? envPrefix(prefixNode) ?? (prefixRef ? undefined : pythonPathValue(prefixNode));
    c.mounts.push({ prefix: (prefix ?? '').replace(/\/$/, ''), prefixRef: prefix === undefined ? prefixRef : undefined, receiver: left.text, target: call.chain, argument: k });
  });
}

/** Whether the module's top-level function `name` returns its parameter k as it is (`return router`). */
function returnsParameter(root: Node, name: string, k: number): boolean {
  for (const statement of root.namedChildren) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== name) continue;
    const param = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p && p.type !== 'comment')[k];
    const id = param?.type === 'identifier' ? param : param?.type === 'typed_parameter' ? param.namedChildren[0] : param?.childForFieldName('name');
    if (id?.type !== 'identifier') return false;
    return new RegExp(`^[ \\t]*return[ \\t]+${id.text}[ \\t]*(?:#.*)?$`, 'm').test(fn.childForFieldName('body')?.text ?? '');
  }
  return false;
}

/** Flask-RESTX: `api.add_namespace(audiences_namespace, "/audiences")`: the namespace's routes under that path. */
function namespaceMount(c: RouteCollector, call: CallInfo, receiver: string): void {
  const [ns, path] = c.s.argumentsOf(call).filter((a) => a.type !== 'keyword_argument');
  const target = ns && ns.type === 'identifier' ? [ns.text] : undefined;
  const prefix = stringValue(path ?? keyword(c.s.argumentsOf(call), 'path'));
  // A path given here replaces the namespace's own (see namespacePath).
  if (target) c.mounts.push({ prefix: prefix ?? '', receiver, target, replacesOwn: prefix !== undefined || undefined });
}

/** `ns = Namespace("todos", path="/v1/todos")`: its own path, else `/` + its name, unless add_namespace gives one. */
function namespacePath(c: RouteCollector, i: number, call: CallInfo): void {
  const args = c.s.argumentsOf(call);
  const name = stringValue(args[0]);
  const assignment = c.s.nodes[i].node.parent;
  const variable = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  const path = stringValue(keyword(args, 'path')) ?? (name !== undefined ? `/${name}` : undefined);
  if (path !== undefined && variable?.type === 'identifier') c.mounts.push({ prefix: path, target: [variable.text], own: true, replaceable: true });
}

/**
 * `CTFd_API_v1 = Api(api_blueprint, …)` (Flask-RESTX, Flask-RESTful): the Api serves on that blueprint or app, so its
 * url_prefix (`Blueprint("api", __name__, url_prefix="/api/v1")`) is the prefix of every namespace and resource.
 */
function apiOnBlueprint(c: RouteCollector, i: number, call: CallInfo): void {
  const first = c.s.argumentsOf(call)[0];
  const assignment = c.s.nodes[i].node.parent;
  const name = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  if (first?.type === 'identifier' && name?.type === 'identifier') c.mounts.push({ prefix: '', receiver: first.text, target: [name.text] });
}

export function methodsOf(verb: string, args: Node[]): string[] | undefined {
  if (FASTAPI_METHODS.has(verb)) return [verb.toUpperCase()];
  if (verb !== 'route' && verb !== 'api_route') return undefined;
  const list = keyword(args, 'methods');
  if (!list) return ['GET'];
  const names = list.namedChildren.map((n) => stringValue(n)?.toUpperCase()).filter((m): m is string => !!m);
  return names.length ? names : ['GET'];
}

/** `settings.API_V1_STR`, `API_PREFIX`: a value given by name (its text is resolved in the join). */
/** `os.getenv("API_PREFIX", "/api")`, `os.environ.get(…)`, `os.environ["API_PREFIX"]`: envParts' named part. */
function envPrefix(node: Node | undefined): string | undefined {
  if (!node || (node.type !== 'call' && node.type !== 'subscript')) return undefined;
  const read = pythonEnvRead(node.text);
  return read ? envPart(read.name, read.fallback) : undefined;
}

function namedValue(node: Node | undefined): string[] | undefined {
  if (node?.type === 'subscript') {
    // Flask's `app.config["AUTH_URL_PREFIX"]`: the default a config class of the service gives it (FlaskBB's
    // `DefaultConfig.AUTH_URL_PREFIX = "/auth"`), read by the join as a settings attribute.
    const key = /^(?:[A-Za-z_]\w*\.)*config\[\s*["']([A-Za-z_]\w*)["']\s*\]$/.exec(node.text)?.[1];
    return key ? ['config', key] : undefined;
  }
  return node && (node.type === 'identifier' || node.type === 'attribute') ? calleeChain(node.text) : undefined;
}


/**
 * `router = APIRouter(prefix="/api")`: applied here (FastAPI bakes it into each route);
 * `bp = Blueprint("x", __name__, url_prefix="/x")`: the blueprint's own prefix, which registration may replace.
 */
function routerPrefix(c: RouteCollector, i: number, call: CallInfo, prefixes: Map<string, string>, blueprint: boolean): void {
  const s = c.s;
  const assignment = s.nodes[i].node.parent;
  if (assignment?.type !== 'assignment') return;
  const left = assignment.childForFieldName('left');
  if (!left) return;
  const name = (calleeChain(left.text) ?? []).pop();
  const args = s.argumentsOf(call);
  const prefixNode = keyword(args, 'prefix') ?? keyword(args, 'url_prefix');
  const named = namedValue(prefixNode);
  let prefix = stringValue(prefixNode) ?? envPrefix(prefixNode) ?? (named ? undefined : pythonPathValue(prefixNode));
  let prefixRef = prefix === undefined ? named : undefined;
  // fides' `def create_router_factory(fides_model, model_type): router = APIRouter(prefix=f"{API_PREFIX}/{model_type}")`:
  // a part given by a parameter of the function around is each call's own, its string default or, with none, not known
  // here (MountFact.prefixUnknown), rather than read as empty (`/api/v1/` for every model).
  let prefixUnknown = false;
  const given = (name: string): string | undefined => {
    const value = parameterDefault(s.nodes[i].node, name);
    if (value === null) prefixUnknown = true;
    return value ?? undefined;
  };
  if (prefixRef?.length === 1) {
    const value = given(prefixRef[0]);
    if (value !== undefined) [prefix, prefixRef] = [value, undefined];
  } else if (prefix?.includes(NAMED_PART)) prefix = prefix.replace(NAMED_NAME, (part, name: string) => given(name) ?? part);
  // Sanic: `Blueprint("orders", url_prefix="/orders", version=1)` serves `/v1/orders/…`.
  const version = blueprint && !prefixRef && importsPython(s, 'sanic') ? /^\d+(?:\.\d+)?$/.exec(keyword(args, 'version')?.text ?? '')?.[0] : undefined;
  if (version) prefix = `/v${version}` + (prefix ?? '');
  // (A blueprint with no url_prefix too: its own '' marks it a blueprint, which a loop's registration may take, see
  // MountFact.looped.)
  if (!name || (prefix === undefined && !prefixRef && !blueprint)) return;
  // The router's own prefix: applied in the join, which sees the router's routes in every statement of the file.
  void prefixes;
  const scope = prefixUnknown ? c.enclosingNames(i)[0] : undefined;
  c.mounts.push({ prefix: (prefix ?? '').replace(/\/$/, ''), prefixRef, target: [name], own: true, replaceable: blueprint || undefined, ...(scope ? { prefixUnknown: true as const, targetScope: scope } : {}) });
}

/** A named part of a path that is one name (not a member chain): a parameter's, maybe. */
const NAMED_NAME = new RegExp(`${NAMED_PART}([A-Za-z_]\\w*)${NAMED_PART}`, 'g');

/** FastAPI and Flask both prepend the prefix as is: `/api` + `/` is `/api/`, `/api` + `` is `/api` (done in the join). */
function joinPrefix(prefix: string | undefined, path: string): string {
  if (!prefix) return path;
  return prefix.replace(/\/$/, '') + (path && !path.startsWith('/') ? '/' + path : path);
}
