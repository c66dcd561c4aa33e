import { isMap } from 'yaml';
import { normalise } from './compose';
import type { RecipeSet } from './recipeTypes';
import { asString, type YamlSource } from './yamlSource';
import { OPS_LENS_YAML } from '../config/opsLensConfig';
import type { Located } from '../model/location';

/**
 * The `services:` section of `.ops-lens.yaml`: links from services to code, written by hand:
 *   services:
 *     orders: { code: services/orders }        # replaces the automatic links
 *     billing: { alsoCode: [libs/billing] }    # adds to them
 */
export function readServiceLinks(src: YamlSource, into: RecipeSet): void {
  const doc = src.documents[0];
  if (!doc) return;
  for (const { key: service, keyNode, value } of src.pairs(doc, ['services'])) {
    if (!isMap(value)) {
      src.problems.push({ location: src.locate(value) ?? src.at(0), message: `services.${service} in ${OPS_LENS_YAML} should be a map with code: or alsoCode:` });
      continue;
    }
    for (const [key, replace] of [['code', true], ['alsoCode', false]] as const) {
      const node = src.node(value, [key]);
      if (!node) continue;
      const roots: Located<string>[] = [];
      const one = asString(src.scalar(node, []));
      const items = one ? [one] : src.items(node, []).map((n) => asString(src.scalar(n, [])));
      for (const r of items) {
        if (!r) continue;
        const root = normalise(r.value);
        if (root.startsWith('..') || root.startsWith('/')) {
          src.problems.push({ location: r.location, message: `${root} is outside the workspace folder: links must name a folder inside it` });
          continue;
        }
        roots.push({ value: root, location: r.location });
      }
      if (roots.length) into.links.push({ service, roots, replace, location: src.locate(keyNode) ?? src.at(0) });
    }
  }
}
