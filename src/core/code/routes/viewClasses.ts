import type { Range } from '../../model/location';
import { positionAt } from '../syntax';
import { listFactsOf, type ListFacts } from './viewListQueries';

/**
 * Python classes that serve requests: Django's class-based views (`path('x/', ItemView.as_view())`), DRF's
 * `APIView`, generic views and viewsets, Flask's `MethodView`. Which methods a route answers, and which of the
 * class's methods a request runs, depend on the class (often in another file) and the framework classes it extends:
 * the file facts are read here, and the workspace join walks them (workspaceLinks.ts).
 */

/** An `@action(detail=True, methods=['post'], url_path='set-password')` method of a viewset. */
export interface DrfAction {
  name: string;
  detail: boolean;
  urlPath: string;
  methods: string[];
}

/** A class as far as routes depend on it. */
export interface ViewClassFact {
  /** Base classes as written (`viewsets.ModelViewSet`, `generics.ListCreateAPIView`, `LoginRequiredMixin`). */
  bases: string[];
  range: Range;
  lookupField?: string;
  lookupUrlKwarg?: string;
  lookupValueRegex?: string;
  lookupValueConverter?: string;
  actions: DrfAction[];
  /**
   * The methods the class allows, upper-case: Django's and DRF's `http_method_names = ['get', 'head']` (a viewset
   * without 'post' has no create route), Flask's `methods = ['GET', 'POST']` (what a `View` serves through
   * `dispatch_request`, and what `add_url_rule` registers by default).
   */
  allowedMethods?: string[];
  /** Its queryset and how it is paged, for DRF's list action and ListView (see viewListQueries). */
  list?: ListFacts;
  /**
   * Classes the framework runs for it, by the attribute that names them, as written: DRF's `serializer_class`
   * (`serializers.AliasSerializer`), django-filter's `filterset_class`, a Django edit view's `form_class`.
   */
  helpers?: Partial<Record<HelperAttribute, string>>;
  /**
   * The serializer classes its own `get_serializer_class()` returns, as written (`PublicUserSerializer`,
   * `UserSerializer`), and whether it may return its base's (`super().get_serializer_class()`): any of them renders.
   */
  chosenSerializers?: { classes: string[]; orBase: boolean };
  /**
   * DRF's save hooks the class overrides, and whether its override saves through the serializer (`serializer.save(…)`,
   * or the base's hook): jumpserver's `UserResetPasswordApi.perform_update` sets the password itself, and never runs
   * the serializer's `update`.
   */
  saves?: Partial<Record<'perform_create' | 'perform_update', boolean>>;
}

export type HelperAttribute = 'serializer_class' | 'filterset_class' | 'form_class';
const HELPER_ATTRIBUTES: HelperAttribute[] = ['serializer_class', 'filterset_class', 'form_class'];

// `http_method_names = ['get', 'head']`, `methods = ["GET", "POST"]` at the top of a class body (any indentation)
const ALLOWED = String.raw`(?:http_method_names|methods)[ \t]*(?::[^=\n]+)?=[ \t]*[[(]([^\])]*)[\])]`;
const CLASS = /^([ \t]*)class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/gm;
// DRF's `@action`, and the `@detail_route`/`@list_route` it replaced (DRF < 3.8; still in older projects, taiga's).
// Also through the module, Tandoor's `@decorators.action(detail=False, methods=['PUT'])`. The `def` it decorates is
// found after it by defAfterDecorators.
const ACTION = /@(?:decorators\.)?(action|detail_route|list_route)[ \t]*\(((?:[^()]|\([^()]*\))*)\)/g;

/**
 * The name of the function defined after `from`, past other decorators, over several lines and nested as deep as they
 * like (paperless-ngx's `@method_decorator(\n condition(…),\n)`), and comments: read by a scan, which a pattern for
 * nested brackets and comments did exponentially on a long comment banner.
 */
function defAfterDecorators(text: string, from: number): string | undefined {
  let i = from;
  for (let decorators = 0; decorators < 20; decorators++) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (text[i] !== '@') break;
    const name = /^@[\w.]+[ \t]*/.exec(text.slice(i, i + 200));
    if (!name) return undefined;
    i += name[0].length;
    if (text[i] === '(') {
      const end = closingBracket(text, i);
      if (end >= text.length) return undefined;
      i = end + 1;
    }
  }
  return /^(?:async[ \t]+)?def[ \t]+(\w+)/.exec(text.slice(i, i + 200))?.[1];
}

/** Base classes with their type arguments taken out (`ModelViewSet[Tag]`, `GenericViewSet[dict[str, int]]`): as the class is named. */
function withoutSubscripts(bases: string): string {
  let out = bases;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\[[^[\]]*\]/g, '');
  }
  return out;
}

/**
 * The classes with bases of a file that names a view, a mixin or a (Flask-RESTful) resource: a view module, or one of the base classes a
 * project's views extend (whose own name need not say View). Files that say neither, such as models, keep none.
 * A class without bases is kept only for what it says about lists (`class UnpagedMixin: pagination_class = None`).
 */
export function viewClassFactsOf(text: string, lineStarts: number[]): Record<string, ViewClassFact> | undefined {
  if (!text.includes('View') && !text.includes('Mixin') && !text.includes('Resource')) return undefined;
  let out: Record<string, ViewClassFact> | undefined;
  // A framework class imported under another name (babybuddy's `from django.contrib.auth.mixins import
  // PermissionRequiredMixin as PermissionRequiredMixinBase`): its own name, which says what it brings.
  const aliases = new Map<string, string>();
  if (text.includes(' as ')) {
    for (const m of text.matchAll(/^from[ \t]+(?!\.)[\w.]+[ \t]+import[ \t]*(?:\(([^)]*)\)|([^(\n]+)$)/gm)) {
      for (const a of (m[1] ?? m[2]).matchAll(/\b(\w+)\s+as\s+(\w+)/g)) if (frameworkBase(a[1]) || bringsNoMethods(a[1])) aliases.set(a[2], a[1]);
    }
  }
  for (const m of text.matchAll(CLASS)) {
    const bases = withoutSubscripts(m[3] ?? '')
      .split(',')
      .map((b) => aliases.get(b.trim()) ?? b.trim())
      .filter((b) => b && !b.includes('=') && b !== 'object');
    const start = m.index + m[1].length;
    const end = classEnd(text, m.index + m[0].length, m[1].length);
    const body = text.slice(m.index + m[0].length, end);
    const fact: ViewClassFact = { bases, range: { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) }, actions: [] };
    const indent = /\n([ \t]+)[^\s#]/.exec(body)?.[1]; // of the body's first line of code
    if (indent !== undefined && body.includes('def perform_')) {
      for (const hook of ['perform_create', 'perform_update'] as const) {
        const def = new RegExp(`^${indent}def[ \\t]+${hook}[ \\t]*\\(\\s*self\\s*,\\s*(\\w+)`, 'm').exec(body);
        if (!def) continue;
        const own = body.slice(def.index, classEnd(body, def.index + def[0].length, indent.length));
        // (Through the serializer it is given: `user.save()` saves the model, not through the serializer's update.)
        (fact.saves ??= {})[hook] = new RegExp(`\\b${def[1]}\\.save\\s*\\(|\\bsuper\\([^)]*\\)\\.${hook}\\s*\\(`).test(own);
      }
    }
    if (body.includes('lookup_')) {
      const attr = (name: string) => new RegExp(`^[ \\t]+${name}[ \\t]*=[ \\t]*r?['"]([^'"]+)['"]`, 'm').exec(body)?.[1];
      fact.lookupField = attr('lookup_field');
      fact.lookupUrlKwarg = attr('lookup_url_kwarg');
      fact.lookupValueRegex = attr('lookup_value_regex');
      fact.lookupValueConverter = attr('lookup_value_converter');
    }
    if (body.includes('method')) {
      // At the body's own indentation: not `methods=[…]` on a line of a multi-line `@action(…)` inside it.
      const allowed = indent !== undefined ? new RegExp(`^${indent}${ALLOWED}`, 'm').exec(body) : null;
      if (allowed) fact.allowedMethods = methodNames(allowed[1]);
    }
    if (body.includes('@action') || body.includes('.action(') || body.includes('_route(')) {
      for (const a of body.matchAll(ACTION)) {
        const [, decorator, args] = a;
        const name = defAfterDecorators(body, a.index + a[0].length);
        if (!name) continue;
        const methods = /methods\s*=\s*[[(]([^\])]*)/.exec(args)?.[1];
        fact.actions.push({
          name,
          detail: decorator === 'detail_route' || (decorator === 'action' && /detail\s*=\s*True/.test(args)),
          urlPath: /url_path\s*=\s*r?['"]([^'"]+)['"]/.exec(args)?.[1] ?? name,
          methods: methods ? methodNames(methods) : ['GET'],
        });
      }
    }
    if (indent !== undefined && body.includes('def get_serializer_class')) {
      const def = new RegExp(`^${indent}def[ \\t]+get_serializer_class[ \\t]*\\(`, 'm').exec(body);
      const own = def ? body.slice(def.index, classEnd(body, def.index + def[0].length, indent.length)) : '';
      // Every serializer class it names (`return A if … else B`, `self.by_action.get(self.action, B)`); none named, or
      // `super()`'s or `self.serializer_class` handed back: also the class's own.
      const classes = [...own.slice(def ? def[0].length : 0).matchAll(/(?<![\w.])([A-Za-z_][\w.]*Serializer)\b(?!\s*\()/g)].map((r) => r[1]).filter((c) => !c.startsWith('self.'));
      if (def) fact.chosenSerializers = { classes: [...new Set(classes)], orBase: !classes.length || /\bsuper\([^)]*\)\.get_serializer_class\s*\(|self\.serializer_class\b/.test(own) };
    }
    if (indent !== undefined && body.includes('_class')) {
      for (const attribute of HELPER_ATTRIBUTES) {
        if (!body.includes(attribute)) continue;
        const named = new RegExp(`^${indent}${attribute}[ \\t]*(?::[^=\\n]+)?=[ \\t]*([A-Za-z_][\\w.]*)[ \\t]*(?:#.*)?$`, 'm').exec(body)?.[1];
        if (named) (fact.helpers ??= {})[attribute] = named;
      }
    }
    if (indent !== undefined) {
      const list = listFactsOf(text, m.index + m[0].length, body, indent, lineStarts);
      if (list) fact.list = list;
    }
    // A mixin with no base class of its own is kept for the actions it gives the viewsets that mix it in.
    if (!bases.length && !fact.list && !fact.actions.length) continue;
    (out ??= {})[m[2]] = fact;
  }
  return out;
}

/**
 * A Django settings module (`INSTALLED_APPS = […]` or `REST_FRAMEWORK = {…}` at the top level), and whether it pages
 * DRF's list actions: `'DEFAULT_PAGINATION_CLASS': '…'` or DRF 3.0's `'PAGINATE_BY': 30` (or assigned as `REST_FRAMEWORK[…] = …`), not None.
 */
export function djangoSettingsOf(text: string): { paged: boolean; rootUrlconf?: string } | undefined {
  if (!/^(INSTALLED_APPS|REST_FRAMEWORK)[ \t]*(?::[^=\n]+)?=/m.test(text)) return undefined;
  // DRF before 3.1 paged with a page size alone: `'PAGINATE_BY': 30` (taiga).
  const paged = /['"](?:DEFAULT_PAGINATION_CLASS|PAGINATE_BY)['"][ \t]*\]?[ \t]*[:=][ \t]*(?!None\b)\S/.test(text);
  // The module whose `urlpatterns` Django serves: every other URL module is served only where one includes it.
  const rootUrlconf = /^ROOT_URLCONF[ \t]*=[ \t]*['"]([\w.]+)['"]/m.exec(text)?.[1];
  return rootUrlconf ? { paged, rootUrlconf } : { paged };
}

/**
 * The middleware a Django settings module lists: `MIDDLEWARE = […]`, `MIDDLEWARE += […]`, `MIDDLEWARE.append(…)` or
 * `.insert(0, …)`, and Django 1's `MIDDLEWARE_CLASSES`, as dotted paths (`shop.middleware.GeoMiddleware`).
 */
export function djangoMiddlewareOf(text: string): string[] | undefined {
  const out: string[] = [];
  const statement = /^[ \t]*MIDDLEWARE(?:_CLASSES)?[ \t]*(?:(?::[^=\n]+)?\+?=[ \t]*(?:\w+[ \t]*\+[ \t]*)?[[(]|\.(?:append|insert)[ \t]*\()/gm;
  for (let m = statement.exec(text); m; m = statement.exec(text)) {
    // Not under `if DEBUG:` (debug toolbars, profilers): production does not run those. A settings class's body
    // (django-configurations) and `if not DEBUG:` are production's.
    if (/^[ \t]/.test(m[0]) && debugOnly(text, m.index)) continue;
    const from = m.index + m[0].length;
    const end = closingBracket(text, from - 1);
    const listed = withoutComments(text.slice(from, end));
    // A list made by filtering (`[m for m in MIDDLEWARE if m != "…"]`) names what it leaves out.
    if (/\bfor\s+\w+\s+in\b/.test(listed)) continue;
    for (const s of listed.matchAll(/(?:^|[^\w.])['"]([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)['"]/g)) if (!out.includes(s[1])) out.push(s[1]);
  }
  return out.length ? out : undefined;
}

/** The statement at `at` is in a block opened by a test of debugging (`if DEBUG:`, `if settings.DEBUG and …`, `if "debug_toolbar" in …`). */
export function debugOnly(text: string, at: number): boolean {
  const indent = /^[ \t]*/.exec(text.slice(at))![0].length;
  for (let end = at - 1; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const own = /^[ \t]*/.exec(line)![0].length;
    if (own >= indent) continue;
    return /^\s*(?:if|elif)\b/.test(line) && /debug/i.test(line) && !/\bnot\b|False/.test(line);
  }
  return false;
}

/** Python source lines without their comments (`# "debug_toolbar.middleware.…",` is no entry). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let quote = '';
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
          if (c === '\\') i++;
          else if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '#') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/**
 * The offset of the bracket closing the one at `open`, past strings (a decorator's `description="Returns :)"`) and
 * comments (`# Django's own`), or the text's length.
 */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      if (end < 0) return text.length;
      i = end;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && --depth === 0) return i;
  }
  return text.length;
}

/** Where a Python class body ends: the first non-blank, non-comment line indented no deeper than `class`. */
function classEnd(text: string, from: number, indent: number): number {
  let end = text.length;
  let i = text.indexOf('\n', from);
  let lastCode = from;
  while (i >= 0 && i < text.length) {
    const lineStart = i + 1;
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (trimmed && !trimmed.startsWith('#')) {
      if (line.length - trimmed.length <= indent) {
        end = lastCode;
        break;
      }
      lastCode = lineEnd;
    }
    if (next < 0) {
      end = lastCode;
      break;
    }
    i = next;
  }
  return end;
}

/**
 * The methods a list names: as strings (`['get', 'post']`), or as a project's constants named for them (jumpserver's
 * `methods=[GET]`, with `from common.const.http import GET`), or Python's `HTTPMethod.GET`.
 */
function methodNames(list: string): string[] {
  return [...list.matchAll(/['"](\w+)['"]|(?<![\w'"])(?:HTTPMethod\.)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b(?!['"])/g)].map((x) => (x[1] ?? x[2]).toUpperCase());
}

/** The standard actions of DRF's viewsets and mixins (rest_framework/viewsets.py, mixins.py). */
const VIEWSET_ACTIONS: Record<string, string[]> = {
  ModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'],
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
  // djangorestframework-bulk (rest_framework_bulk/generics.py, drf3/mixins.py): many rows at once on the list route.
  BulkModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy', 'bulk_update', 'partial_bulk_update', 'bulk_destroy'],
  BulkCreateModelMixin: ['create'],
  BulkUpdateModelMixin: ['bulk_update', 'partial_bulk_update'],
  BulkDestroyModelMixin: ['bulk_destroy'],
};

const DISPLAY = { GET: 'display' };
const FORM = { GET: 'display', POST: 'form', PUT: 'form' };

/**
 * Framework views that handle methods themselves, method → what it runs: a DRF action (rest_framework/generics.py)
 * or a Django generic view's step (django/views/generic: ProcessFormView.put posts the form; DeleteView, 4.0+,
 * deletes on POST and DELETE).
 */
const VIEW_METHODS: Record<string, Record<string, string>> = {
  CreateAPIView: { POST: 'create' },
  ListAPIView: { GET: 'list' },
  RetrieveAPIView: { GET: 'retrieve' },
  DestroyAPIView: { DELETE: 'destroy' },
  UpdateAPIView: { PUT: 'update', PATCH: 'partial_update' },
  ListCreateAPIView: { GET: 'list', POST: 'create' },
  RetrieveUpdateAPIView: { GET: 'retrieve', PUT: 'update', PATCH: 'partial_update' },
  RetrieveDestroyAPIView: { GET: 'retrieve', DELETE: 'destroy' },
  RetrieveUpdateDestroyAPIView: { GET: 'retrieve', PUT: 'update', PATCH: 'partial_update', DELETE: 'destroy' },
  TemplateView: DISPLAY,
  // Its GET renders the whole queryset unless the class sets paginate_by (viewListQueries).
  ListView: { GET: 'listing' },
  // django-filter's list views: a ListView's, filtered.
  FilterView: { GET: 'listing' },
  BaseFilterView: { GET: 'listing' },
  DetailView: DISPLAY,
  ArchiveIndexView: DISPLAY,
  YearArchiveView: DISPLAY,
  MonthArchiveView: DISPLAY,
  WeekArchiveView: DISPLAY,
  DayArchiveView: DISPLAY,
  TodayArchiveView: DISPLAY,
  DateDetailView: DISPLAY,
  FormView: FORM,
  CreateView: FORM,
  UpdateView: FORM,
  DeleteView: { GET: 'display', POST: 'deletion', DELETE: 'deletion' },
  // django.contrib.auth.views (LogoutView is left out: its methods changed in Django 5.0)
  LoginView: FORM,
  PasswordChangeView: FORM,
  PasswordChangeDoneView: DISPLAY,
  PasswordResetView: FORM,
  PasswordResetDoneView: DISPLAY,
  PasswordResetConfirmView: FORM,
  PasswordResetCompleteView: DISPLAY,
  // The bases the generic views are made of, which projects build their own from (pretalx's
  // `CreateOrUpdateView(…, ModelFormMixin, ProcessFormView)`).
  ProcessFormView: FORM,
  BaseFormView: FORM,
  BaseCreateView: FORM,
  BaseUpdateView: FORM,
  BaseDeleteView: { GET: 'display', POST: 'deletion', DELETE: 'deletion' },
  BaseDetailView: DISPLAY,
  BaseListView: { GET: 'listing' },
};

/**
 * Framework classes that answer no method of their own: a subclass answers the methods it defines (`get`, `post`…).
 * Django's and Flask's `View` share the name; a Flask `View` serves through `dispatch_request` the methods its
 * `methods` attribute names (viewClassRoutes.asViewRoutes). Flask-RESTful's `Resource` is a MethodView. Tornado's
 * `RequestHandler` answers 405 to any method its subclass does not define; Starlette's `HTTPEndpoint` and Sanic's
 * `HTTPMethodView` likewise.
 */
const BARE_VIEWS = new Set(['View', 'APIView', 'GenericAPIView', 'MethodView', 'ViewSet', 'GenericViewSet', 'ViewSetMixin', 'Resource', 'RequestHandler', 'HTTPEndpoint', 'HTTPMethodView']);

/** What a base class written in a class statement is, by its last name. */
export type FrameworkBase =
  | { kind: 'viewset'; actions: string[] }
  | { kind: 'view'; methods: Record<string, string> }
  | { kind: 'bare' }
  | undefined;

export function frameworkBase(base: string): FrameworkBase {
  const name = base.split('.').pop()!;
  const actions = VIEWSET_ACTIONS[name];
  if (actions) return { kind: 'viewset', actions };
  const methods = VIEW_METHODS[name];
  if (methods) return { kind: 'view', methods };
  return BARE_VIEWS.has(name) ? { kind: 'bare' } : undefined;
}

/**
 * A base outside the workspace that no table here knows: a mixin (`LoginRequiredMixin`, `PermissionRequiredMixin`)
 * only wraps `dispatch`, anything else (`RedirectView`, `LogoutView`, a library's view) may answer methods of its own.
 */
export function bringsNoMethods(base: string): boolean {
  return base.split('.').pop()!.endsWith('Mixin');
}

/** The methods a Django view or a Flask MethodView answers when it defines them (`head` and `options` too). */
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * The methods of the classes a view names (HelperAttribute) that its step runs, per attribute: none when it runs none.
 * - DRF's `serializer_class` (serializerHooksOf).
 * - django-filter's `filterset_class`: a list filters its queryset through every method of the FilterSet (the
 *   `method='filter_name'` of its filters, its own `filter_queryset`).
 * - A Django edit view's `form_class`: the form is made on GET and POST, and validated (`clean`, `clean_<field>`) and
 *   saved (`save`) on POST.
 */
export function helperHooksOf(attribute: HelperAttribute, step: string): ((method: string) => boolean) | undefined {
  switch (attribute) {
    case 'serializer_class':
      return serializerHooksOf(step);
    case 'filterset_class':
      return step === 'list' || step === 'listing' ? () => true : undefined;
    case 'form_class':
      if (step === 'form') return (m) => m === '__init__' || m === 'clean' || m.startsWith('clean_') || m === 'save';
      return step === 'display' ? (m) => m === '__init__' : undefined;
  }
}

/**
 * The methods of a DRF view's `serializer_class` its step runs: `create` and `update` save through the serializer's
 * own (validating each field with `validate_<field>` first), and every step that answers with the object renders it
 * with `to_representation`, which calls each `SerializerMethodField`'s `get_<field>`.
 */
function serializerHooksOf(step: string): ((method: string) => boolean) | undefined {
  const renders = (m: string) => m === 'to_representation' || m.startsWith('get_');
  const validates = (m: string) => m === 'validate' || m.startsWith('validate_') || m === 'to_internal_value';
  switch (step) {
    case 'list':
    case 'retrieve':
      return renders;
    case 'create':
      return (m) => m === 'create' || validates(m) || renders(m);
    case 'update':
    case 'partial_update':
      return (m) => m === 'update' || validates(m) || renders(m);
    default:
      return undefined;
  }
}

/**
 * Methods the framework's own handler calls on the class: an override of one is on the request path of the
 * methods that run it (`get_queryset` for every DRF action, `perform_create` for create, `form_valid` on POST…).
 */
export function hooksOf(step: string): string[] {
  const drf = ['get_queryset', 'filter_queryset', 'get_serializer', 'get_serializer_class', 'get_serializer_context'];
  switch (step) {
    case 'list':
      return drf;
    case 'create':
      return [...drf, 'perform_create'];
    case 'retrieve':
      return [...drf, 'get_object'];
    case 'update':
      return [...drf, 'get_object', 'perform_update'];
    case 'partial_update':
      // UpdateModelMixin.partial_update calls update(partial=True).
      return [...drf, 'get_object', 'perform_update', 'update'];
    case 'destroy':
      return [...drf, 'get_object', 'perform_destroy'];
    case 'display':
    case 'listing':
      return ['get_queryset', 'get_object', 'get_context_data'];
    case 'form':
      // ProcessFormView.put calls post.
      return ['post', 'get_queryset', 'get_object', 'get_form', 'get_form_kwargs', 'get_initial', 'form_valid', 'form_invalid', 'get_success_url'];
    case 'deletion':
      return ['get_queryset', 'get_object', 'form_valid', 'get_success_url'];
    default:
      return [];
  }
}
