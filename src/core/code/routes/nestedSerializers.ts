/**
 * DRF serializers that render others as fields: `author = AuthorSerializer(read_only=True)`, `comments =
 * serializers.CommentSerializer(many=True)` in a serializer's class body. Rendering a row renders each of them, so
 * their `get_<field>` methods run per row of a list too (workspaceLinks' perRowHazards).
 */

/** Per serializer class of the file: the serializer classes its fields are made of, as written. */
export function nestedSerializersOf(text: string): Record<string, string[]> | undefined {
  if (!text.includes('Serializer(')) return undefined;
  let out: Record<string, string[]> | undefined;
  for (const { name, body, fieldIndent } of serializerBodies(text)) {
    const nested = [...body.matchAll(new RegExp(`^${fieldIndent}\\w+[ \\t]*=[ \\t]*([A-Za-z_][\\w.]*Serializer)\\(`, 'gm'))].map((f) => f[1]).filter((cls) => !isDrfSerializer(cls));
    if (nested.length) (out ??= {})[name] = [...new Set(nested)];
  }
  return out;
}

/** Each serializer class of the file: its name, its body (from `bodyStart` in the text) and its fields' indentation. */
export function* serializerBodies(text: string): Generator<{ name: string; bodyStart: number; body: string; fieldIndent: string }> {
  for (const m of text.matchAll(SERIALIZER_CLASS)) {
    const indent = m[1];
    const bodyStart = m.index + m[0].length;
    // The class body: up to the next line indented no deeper than `class` (blank lines and comments aside).
    const end = new RegExp(`\\n(?!${indent}[ \\t]|[ \\t]*(?:#|\\n|$))`, 'g');
    end.lastIndex = bodyStart;
    const body = text.slice(bodyStart, end.exec(text)?.index ?? text.length);
    const fieldIndent = /\n([ \t]+)[^\s#]/.exec(body)?.[1];
    if (fieldIndent) yield { name: m[2], bodyStart, body, fieldIndent };
  }
}

/** DRF's own serializers used as fields (`serializers.ListSerializer(child=…)`): not classes of the workspace. */
export function isDrfSerializer(name: string): boolean {
  return DRF_FIELDS.test(name);
}

/** `class XSerializer(…Serializer…):` at any indentation. */
const SERIALIZER_CLASS = /^([ \t]*)class[ \t]+(\w+)[ \t]*\([^)]*Serializer[^)]*\)[ \t]*:/gm;
/** DRF's own serializers used as fields: not classes of the workspace. */
const DRF_FIELDS = /(?:^|\.)(?:ModelSerializer|HyperlinkedModelSerializer|ListSerializer|Serializer)$/;
