import type { ViewClassFact } from './viewClasses';

/**
 * Django REST framework: `router = DefaultRouter()` then `router.register(r'users', UserViewSet)` makes the URL
 * patterns of rest_framework/routers.py (SimpleRouter.routes), which the project includes with
 * `path('api/', include(router.urls))` or `urlpatterns += router.urls`. Which of them exist, and with which
 * methods, depends on the viewset class (often in another file): the register call gives a list and a detail
 * route, and the workspace join expands each with the class's facts (viewClasses.ts).
 */

/** How a router writes its patterns: `DefaultRouter(trailing_slash=False, use_regex_path=False)`. */
export interface DrfRouter {
  trailingSlash: string;
  regex: boolean;
  /** djangorestframework-bulk's BulkRouter: its list route also updates and deletes many (BULK_LIST_ACTIONS). */
  bulk?: boolean;
}

/** What a `register()` call says, kept on its routes for the join. */
export interface DrfRegistration extends DrfRouter {
  /** The viewset as written (`['views', 'UserViewSet']`). */
  chain: string[];
  prefix: string;
  /** The list route (`^users/$`) or the detail route (`^users/(?P<pk>[^/.]+)/$`). */
  detail: boolean;
  /**
   * On a router the function around is handed (DefectDojo's `def add_user_urls(router): router.register(…)`), at the
   * function's key enclosingNames gives (`add_user_urls(0)`): served only where a call hands it a router of this kind
   * (MountFact.drfRouter), whose settings it then takes, not this registration's defaults.
   */
  handed?: string;
  /**
   * On a router another module makes and this one imports by name (ralph's `from ralph.api import router` then
   * `router.register(r'supports', SupportViewSet)`): served only where the name leads to a DRF router, whose settings
   * it then takes, not this registration's defaults.
   */
  imported?: true;
}

// DRF's routers and a project's own subclass of one (netbox's `NetBoxRouter()`); not FastAPI's APIRouter, nor a
// nested router (drf-nested-routers), whose routes hang under a parent's.
const ROUTER = /^[ \t]*(?:self\.)?(\w+)[ \t]*=[ \t]*(?:[\w.]+\.)?(?!APIRouter\b|Nested)(?:\w*Router)[ \t]*\(([^)]*)\)/gm;

/** The routers this file makes, by variable name (a file-level fact: register() calls are other statements). */
export function drfRoutersOf(text: string): Map<string, DrfRouter> {
  const out = new Map<string, DrfRouter>();
  if (!text.includes('Router')) return out;
  // …and one the file subclasses under any name (babybuddy's `class CustomRouterWithExtraPaths(routers.DefaultRouter)`).
  const own = [...text.matchAll(/^class[ \t]+(\w+)[ \t]*\([^)]*\b(?!APIRouter\b)\w*Router\b/gm)].map((m) => m[1]).filter((name) => !/Router$/.test(name));
  const made = own.length ? new RegExp(`^[ \\t]*(?:self\\.)?(\\w+)[ \\t]*=[ \\t]*(?:${own.join('|')})[ \\t]*\\(([^)]*)\\)`, 'gm') : undefined;
  for (const m of [...text.matchAll(ROUTER), ...(made ? text.matchAll(made) : [])]) {
    const args = m[2];
    const slash = /trailing_slash\s*=\s*(?:(False)|['"]([^'"]*)['"])/.exec(args);
    out.set(m[1], {
      trailingSlash: slash ? (slash[1] ? '' : slash[2]) : '/',
      regex: !/use_regex_path\s*=\s*False/.test(args),
      ...(/\bBulkRouter\b/.test(m[0]) ? { bulk: true } : {}),
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

/** SimpleRouter.routes: the method map of the list and detail routes. */
export const LIST_ACTIONS: readonly (readonly [string, string])[] = [['list', 'GET'], ['create', 'POST']];
/** rest_framework_bulk's BulkRouter: the list route's other methods (its `routes[0].mapping`). */
export const BULK_LIST_ACTIONS: readonly (readonly [string, string])[] = [['bulk_update', 'PUT'], ['partial_bulk_update', 'PATCH'], ['bulk_destroy', 'DELETE']];
export const DETAIL_ACTIONS: readonly (readonly [string, string])[] = [['retrieve', 'GET'], ['update', 'PUT'], ['partial_update', 'PATCH'], ['destroy', 'DELETE']];

/** How a viewset's detail patterns name and match the object (`lookup_field = 'slug'`…), inherited or its own. */
export type DrfLookup = Pick<ViewClassFact, 'lookupField' | 'lookupUrlKwarg' | 'lookupValueRegex' | 'lookupValueConverter'>;

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
