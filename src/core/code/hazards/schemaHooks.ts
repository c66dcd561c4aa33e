import type { Node } from '@vscode/tree-sitter-wasm';

/**
 * marshmallow runs a schema's hooks when it loads or dumps: `@pre_load`, `@post_load`, `@validates("name")` and
 * `@validates_schema` on `load`, `@pre_dump` and `@post_dump` on `dump` (CTFd's UserSchema, whose `@post_dump` reads
 * every custom field). They are on the request path of the handler that calls `UserSchema(…).load(data)`. A schema
 * made with `many=True` runs each hook not given `pass_many=True` once per item of the list.
 */
export const SCHEMA_MANY = 'marshmallow many=True';
/** The loop kind of a DRF serializer given rows (`many=True`), which renders them one by one (also its `get_<field>`s). */
export const SERIALIZER_MANY = 'DRF serializer many=True';

/** The schema methods that run hooks, and which hooks. */
export const SCHEMA_CALLS = new Map<string, 'load' | 'dump'>([
  ['load', 'load'],
  ['loads', 'load'],
  ['validate', 'load'],
  ['dump', 'dump'],
  ['dumps', 'dump'],
]);

const HOOK = /^@(?:[\w.]+\.)?(pre_load|post_load|validates|validates_schema|pre_dump|post_dump)\b(?:\((.*)\))?\s*$/s;

/** The hook a method is, from its decorators (undefined for none): when it runs, and whether once per item. */
export function schemaHookOf(fn: Node): { on: 'load' | 'dump'; perItem: boolean } | undefined {
  const decorated = fn.parent;
  if (decorated?.type !== 'decorated_definition') return undefined;
  for (const d of decorated.namedChildren) {
    if (d?.type !== 'decorator') continue;
    const m = HOOK.exec(d.text);
    if (!m) continue;
    return { on: m[1].includes('dump') ? 'dump' : 'load', perItem: !/\bpass_many\s*=\s*True\b/.test(m[2] ?? '') };
  }
  return undefined;
}

/** A schema made with `many=True` in the callee itself: `UserSchema(view="user", many=True).dump(users)`. */
export function dumpsMany(callee: string): boolean {
  return /\(\s*[^()]*\bmany\s*=\s*True\b[^()]*\)\s*\.\s*(?:dump|dumps|load|loads|validate)\s*$/.test(callee);
}
