import { posix } from 'node:path';
import { familyOf } from './analyzeFile';
import type { FileAnalysis } from './codeModel';
import { NAMED_PART } from './routes/routeCollector';

/**
 * JSON files a JavaScript module imports for a route path or a mount prefix: outline's plugins register
 * `router.get(config.id, …)` and `` router.get(`${config.id}.callback`, …) `` with `import config from
 * "../../plugin.json"` holding `{ "id": "google", … }`. Such a file is read as a module whose default export is the
 * object: its string members are constants (`default.id`, also `id` for `import { id } from …`), which the join reads
 * where the path names them, as it reads a TypeScript module's. Only the files a path names this way are read, not
 * every JSON file of the workspace (translations, fixtures, lock files).
 */
export function jsonModulesForPaths(analyses: readonly FileAnalysis[]): string[] {
  const out = new Set<string>();
  for (const a of analyses) {
    const links = a.links;
    if (!links || familyOf(a.language) !== 'js') continue;
    for (const imp of links.imports) {
      // (Relative: the plugin's own file beside it. A package's JSON is not the workspace's.)
      if (!imp.module.endsWith('.json') || !imp.module.startsWith('.') || imp.imported === '*') continue;
      const named = (text: string) => text.includes(`${NAMED_PART}${imp.local}.`) || text.includes(`${NAMED_PART}${imp.local}${NAMED_PART}`);
      if (!a.routes.some((r) => named(r.path)) && !links.mounts.some((m) => named(m.prefix))) continue;
      const dir = a.file.includes('/') ? a.file.slice(0, a.file.lastIndexOf('/')) : '';
      const file = posix.normalize(posix.join(dir || '.', imp.module));
      if (!file.startsWith('../')) out.add(file);
    }
  }
  return [...out].sort();
}

/** A JSON file's string members, nested up to 4 deep, as a module's constants; undefined when it holds no object. */
export function analyzeJsonModule(file: string, text: string): FileAnalysis | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const constants: Record<string, string> = Object.create(null);
  const exports: Record<string, string> = Object.create(null);
  exports.default = 'default';
  // Also by name: TypeScript's `resolveJsonModule` imports the top-level members so (`import { id } from …`).
  const members = (object: object, path: string, depth: number) => {
    for (const [key, member] of Object.entries(object)) {
      const at = path ? `${path}.${key}` : key;
      if (depth === 0) exports[key] = key;
      if (typeof member === 'string') constants[`default.${at}`] = constants[at] = member;
      else if (member && typeof member === 'object' && !Array.isArray(member) && depth < 3) members(member as object, at, depth + 1);
    }
  };
  members(value, '', 0);
  return {
    file,
    language: 'javascript',
    routes: [],
    hazards: [],
    envReads: [],
    links: { imports: [], exports, functions: [], mounts: [], routeLinks: [], hazardOwners: [], pending: [], constants },
  };
}
