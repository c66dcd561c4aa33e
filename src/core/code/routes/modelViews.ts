/**
 * NetBox's view registry: `@register_model_view(Site, 'edit')` on a view class (or function) registers it for the
 * model, and a URLconf serves every view registered for a model under one pattern, `path('sites/<int:pk>/',
 * include(get_model_urls('dcim', 'site')))`, the list views (`detail=False`) under another. Each registration is a
 * route at the pattern joined with its `path` (its name when it gives none) and a slash: `sites/<int:pk>/edit/`,
 * `sites/add/`, and `sites/` for a path of `''`. NetBox's whole UI is routed so (about 800 routes); plugins use it too.
 */

/** One `@register_model_view(...)` of a file: the model's name as Django keys it (its class name in lower case). */
export interface ModelViewFact {
  model: string;
  path: string;
  detail: boolean;
  /** The class or function registered. */
  view: string;
}

/** An `include(get_model_urls(app, model, detail=…))` in a URLconf: the join serves the registered views there. */
export interface ModelViewsUse {
  app: string;
  model: string;
  detail: boolean;
}

const DECORATOR = /@register_model_view\(\s*([\w.]+)\s*(?:,\s*(?:name\s*=\s*)?(['"])([\w-]*)\2)?([^)]*)\)/g;

/** The view registrations of a module, in order; undefined when it has none. */
export function modelViewFactsOf(text: string): ModelViewFact[] | undefined {
  const out: ModelViewFact[] = [];
  for (const m of text.matchAll(DECORATOR)) {
    // The class or function decorated: the first one after it (other decorators may stand between).
    const target = /^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+(\w+)/m.exec(text.slice(m.index + m[0].length));
    if (!target) continue;
    const rest = m[4];
    const name = m[3] ?? /\bname\s*=\s*['"]([\w-]*)['"]/.exec(rest)?.[1] ?? '';
    const path = /\bpath\s*=\s*['"]([^'"]*)['"]/.exec(rest)?.[1] ?? name;
    out.push({ model: m[1].split('.').pop()!.toLowerCase(), path, detail: !/\bdetail\s*=\s*False\b/.test(rest), view: target[1] });
  }
  return out.length ? out : undefined;
}

/** `get_model_urls('dcim', 'site', detail=False)`, as written in an `include()`; undefined for any other call. */
export function modelViewsUseOf(callText: string): ModelViewsUse | undefined {
  const m = /^(?:[\w.]+\.)?get_model_urls\(\s*(['"])(\w+)\1\s*,\s*(['"])(\w+)\3\s*(?:,\s*(?:detail\s*=\s*)?(True|False)\s*)?,?\s*\)$/.exec(callText.trim());
  return m ? { app: m[2], model: m[4], detail: m[5] !== 'False' } : undefined;
}
