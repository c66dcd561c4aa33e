import type { Range } from '../../model/location';
import { positionAt } from '../syntax';

/**
 * Django REST framework: `router = DefaultRouter()` then `router.register(r'users', UserViewSet)` makes the URL
 * patterns of rest_framework/routers.py (SimpleRouter.routes), which the project includes with
 * `path('api/', include(router.urls))` or `urlpatterns += router.urls`. Which of them exist, and with which
 * methods, depends on the viewset class (often in another file): the register call gives a list and a detail
 * route, and the workspace join expands each with the class's facts read here.
 */

/** How a router writes its patterns: `DefaultRouter(trailing_slash=False, use_regex_path=False)`. */
export interface DrfRouter {
  trailingSlash: string;
  regex: boolean;
}

/** What a `register()` call says, kept on its routes for the join. */
export interface DrfRegistration extends DrfRouter {
  /** The viewset as written (`['views', 'UserViewSet']`). */
  chain: string[];
  prefix: string;
  /** The list route (`^users/$`) or the detail route (`^users/(?P<pk>[^/.]+)/$`). */
  detail: boolean;
}

/** An `@action(detail=True, methods=['post'], url_path='set-password')` method of a viewset. */
export interface DrfAction {
  name: string;
  detail: boolean;
  urlPath: string;
  methods: string[];
}

/** A viewset class as far as its routes depend on it. */
export interface ViewSetFact {
  /** Base classes as written (`viewsets.ModelViewSet`, `mixins.ListModelMixin`). */
  bases: string[];
  range: Range;
  lookupField?: string;
  lookupUrlKwarg?: string;
  lookupValueRegex?: string;
  lookupValueConverter?: string;
  actions: DrfAction[];
}

const ROUTER = /^[ \t]*(?:self\.)?(\w+)[ \t]*=[ \t]*(?:[\w.]+\.)?(?:DefaultRouter|SimpleRouter)[ \t]*\(([^)]*)\)/gm;

/** The routers this file makes, by variable name (a file-level fact: register() calls are other statements). */
export function drfRoutersOf(text: string): Map<string, DrfRouter> {
  const out = new Map<string, DrfRouter>();
  if (!text.includes('Router')) return out;
  for (const m of text.matchAll(ROUTER)) {
    const args = m[2];
    const slash = /trailing_slash\s*=\s*(?:(False)|['"]([^'"]*)['"])/.exec(args);
    out.set(m[1], {
      trailingSlash: slash ? (slash[1] ? '' : slash[2]) : '/',
      regex: !/use_regex_path\s*=\s*False/.test(args),
    });
  }
  return out;
}

/** `urlpatterns += router.urls`, `urlpatterns = router.urls`, `[…] + router.urls`: the routers added without include(). */
export function routersAddedToUrlpatterns(text: string): string[] {
  if (!text.includes('.urls')) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(/^urlpatterns[ \t]*\+?=[ \t]*(\w+)\.urls\b/gm)) out.add(m[1]);
  for (const m of text.matchAll(/\+[ \t]*(\w+)\.urls\b/g)) out.add(m[1]);
  return [...out];
}

const CLASS = /^([ \t]*)class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:/gm;
const ACTION = /@action[ \t]*\(((?:[^()]|\([^()]*\))*)\)\s*(?:@[^\n]*\n\s*)*(?:async[ \t]+)?def[ \t]+(\w+)/g;

/** The file's viewset classes (bases naming a ViewSet or a mixin), read from the text. */
export function viewSetFactsOf(text: string, lineStarts: number[]): Record<string, ViewSetFact> | undefined {
  if (!text.includes('ViewSet') && !text.includes('Mixin')) return undefined;
  let out: Record<string, ViewSetFact> | undefined;
  for (const m of text.matchAll(CLASS)) {
    const bases = m[3].split(',').map((b) => b.trim()).filter((b) => b && !b.includes('='));
    if (!bases.some((b) => /ViewSet|Mixin/.test(b))) continue;
    const start = m.index + m[1].length;
    const end = classEnd(text, m.index + m[0].length, m[1].length);
    const body = text.slice(m.index + m[0].length, end);
    const fact: ViewSetFact = { bases, range: { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) }, actions: [] };
    const attr = (name: string) => new RegExp(`^[ \\t]+${name}[ \\t]*=[ \\t]*r?['"]([^'"]+)['"]`, 'm').exec(body)?.[1];
    fact.lookupField = attr('lookup_field');
    fact.lookupUrlKwarg = attr('lookup_url_kwarg');
    fact.lookupValueRegex = attr('lookup_value_regex');
    fact.lookupValueConverter = attr('lookup_value_converter');
    for (const a of body.matchAll(ACTION)) {
      const args = a[1];
      const methods = /methods\s*=\s*[[(]([^\])]*)/.exec(args)?.[1];
      fact.actions.push({
        name: a[2],
        detail: /detail\s*=\s*True/.test(args),
        urlPath: /url_path\s*=\s*r?['"]([^'"]+)['"]/.exec(args)?.[1] ?? a[2],
        methods: methods ? [...methods.matchAll(/['"](\w+)['"]/g)].map((x) => x[1].toUpperCase()) : ['GET'],
      });
    }
    (out ??= {})[m[2]] = fact;
  }
  return out;
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

/** The standard actions of DRF's own classes (rest_framework/viewsets.py, mixins.py). */
const STANDARD_ACTIONS: Record<string, string[]> = {
  ModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'],
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
};

/** A DRF base class by its last name: the standard actions it brings, or undefined when it is not one of DRF's. */
export function standardActionsOf(base: string): string[] | undefined {
  return STANDARD_ACTIONS[base.split('.').pop()!];
}

/** SimpleRouter.routes: the method map of the list and detail routes. */
export const LIST_ACTIONS: readonly (readonly [string, string])[] = [['list', 'GET'], ['create', 'POST']];
export const DETAIL_ACTIONS: readonly (readonly [string, string])[] = [['retrieve', 'GET'], ['update', 'PUT'], ['partial_update', 'PATCH'], ['destroy', 'DELETE']];

/**
 * Methods DRF's generic actions call on the viewset: an override of one is on the request path of the actions
 * that call it (`get_queryset` for every route, `perform_create` for POST on the list route…).
 */
export function hooksOf(action: string): string[] {
  const common = ['get_queryset', 'filter_queryset', 'get_serializer', 'get_serializer_class', 'get_serializer_context'];
  switch (action) {
    case 'create':
      return [...common, 'perform_create'];
    case 'retrieve':
      return [...common, 'get_object'];
    case 'update':
    case 'partial_update':
      return [...common, 'get_object', 'perform_update'];
    case 'destroy':
      return [...common, 'get_object', 'perform_destroy'];
    default:
      return common;
  }
}

/** How a viewset's detail patterns name and match the object (`lookup_field = 'slug'`…), inherited or its own. */
export type DrfLookup = Pick<ViewSetFact, 'lookupField' | 'lookupUrlKwarg' | 'lookupValueRegex' | 'lookupValueConverter'>;

/** The pattern a route of this registration gets (SimpleRouter.get_urls), before any include() prefix. */
export function drfPattern(reg: DrfRegistration, viewSet: DrfLookup | undefined, urlPath?: string): string {
  const kwarg = viewSet?.lookupUrlKwarg ?? viewSet?.lookupField ?? 'pk';
  const lookup = reg.regex ? `(?P<${kwarg}>${viewSet?.lookupValueRegex ?? '[^/.]+'})` : `<${viewSet?.lookupValueConverter ?? 'str'}:${kwarg}>`;
  let url = `^${reg.prefix}${reg.detail ? `/${lookup}` : ''}${urlPath !== undefined ? `/${urlPath}` : ''}${reg.trailingSlash}$`;
  if (!reg.regex) url = url.slice(1, -1);
  // With no prefix the project's urls.py gives the first part: DRF drops the leading slash.
  if (!reg.prefix) url = reg.regex ? url.replace(/^\^\//, '^') : url.replace(/^\//, '');
  return url;
}
