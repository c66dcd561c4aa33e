import type { FileStructure } from '../fileStructure';

/**
 * Whether a Python module imports a package (`from tornado.web import …`, `import sanic`): a framework's registrations
 * are read only in modules that use it, since their names (`route`, `add_route`, `Route`) are common. Once per file.
 */
export function importsPython(s: FileStructure, pkg: string): boolean {
  return s.memo(`py.imports.${pkg}`, () => s.mentions(pkg) && new RegExp(`^\\s*(?:from\\s+${pkg}(?:\\.[\\w.]+)?\\s+import|import\\s+${pkg})\\b`, 'm').test(s.text));
}
