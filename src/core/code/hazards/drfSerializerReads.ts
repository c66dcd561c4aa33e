import type { Range } from '../../model/location';
import { isDrfSerializer, serializerBodies } from '../routes/nestedSerializers';
import { positionAt } from '../syntax';
import { argumentsFrom } from './pythonRelations';

/**
 * The relations a DRF serializer reads on each object it renders: a field made of another serializer (`author =
 * AuthorSerializer()`), a field whose `source` goes through a relation (`source='author.name'`, `source='project.id'`),
 * a `StringRelatedField` or `SlugRelatedField`, and any related field with `many=True`. Rendering a list renders
 * every row, so each such relation is loaded with a query per row unless the view's queryset loads it with the rows
 * (`select_related`, `prefetch_related`): the classic N+1 of DRF APIs. The join decides, with the model's relations
 * and the view's queryset (workspaceLinks' relationReadHazards).
 */
export interface SerializerReads {
  /** The `Meta.model` as written last (`Exercise` for `models.Exercise`). */
  model: string;
  fields: SerializerRead[];
  /**
   * `fields = '__all__'` (or `exclude = […]`) in its Meta: DRF renders every forward ManyToManyField of the model but
   * those named here (excluded, or declared by the class), as a list of keys read with a query per row. `at` is where
   * it says so.
   */
  allFields?: { except: string[]; at: Range };
}

export interface SerializerRead {
  /** The relation of the model read first: `author` for `source='author.name'` or for `author = AuthorSerializer()`. */
  relation: string;
  /** Many objects (`many=True`): only `prefetch_related` loads them with the rows. */
  many: boolean;
  /** The field, short, for the message: `exercise_uuid = serializers.ReadOnlyField(source='exercise.uuid')`, `author = AuthorSerializer(…)`. */
  written: string;
  /** The field's name, to its class's opening bracket; for a name in `Meta.fields`, the name. */
  range: Range;
  /**
   * Named in `Meta.fields` only: DRF makes the field itself, which for a relation to many (a `ManyToManyField`, a
   * reverse relation) lists their keys, read with a query per row. A forward `ForeignKey` gives its key without one.
   */
  implicit?: true;
}

/** Fields that render the related object itself (its `__str__`, a slug), not only its key. */
const OBJECT_FIELDS = /(?:^|\.)(?:StringRelatedField|SlugRelatedField)$/;
/** Fields that read a relation's keys only (DRF reads `author_id`, no query), unless `many=True`. */
const KEY_FIELDS = /(?:^|\.)(?:PrimaryKeyRelatedField|HyperlinkedRelatedField|RelatedField|ManyRelatedField)$/;

/** Per serializer class of the file with a `Meta.model`, the relations its fields read on each object. */
export function serializerReadsOf(text: string, lineStarts: number[]): Record<string, SerializerReads> | undefined {
  if (!text.includes('Serializer') || !text.includes('model')) return undefined;
  let out: Record<string, SerializerReads> | undefined;
  for (const { name, bodyStart, body, fieldIndent } of serializerBodies(text)) {
    const model = /^[ \t]+model[ \t]*=[ \t]*(?:[A-Za-z_]\w*\.)*([A-Z]\w*)[ \t]*(?:#.*)?$/m.exec(body)?.[1];
    if (!model) continue;
    const fields: SerializerRead[] = [];
    for (const f of body.matchAll(new RegExp(`^${fieldIndent}(\\w+)[ \\t]*=[ \\t]*([A-Za-z_][\\w.]*)\\(`, 'gm'))) {
      const [, field, cls] = f;
      const args = argumentsFrom(text, bodyStart + f.index + f[0].length);
      if (/\bwrite_only\s*=\s*True\b/.test(args)) continue;
      const source = /\bsource\s*=\s*['"]([\w.*]+)['"]/.exec(args)?.[1];
      if (source === '*') continue;
      const path = (source ?? field).split('.');
      const many = /\bmany\s*=\s*True\b/.test(args);
      const nested = /Serializer$/.test(cls) && !isDrfSerializer(cls);
      const reads = path.length > 1 || nested || OBJECT_FIELDS.test(cls) || (many && KEY_FIELDS.test(cls));
      if (!reads || !/^[a-z_]\w*$/.test(path[0])) continue;
      const start = bodyStart + f.index + fieldIndent.length;
      const end = bodyStart + f.index + f[0].length;
      fields.push({
        relation: path[0],
        // A `source` with a dot reads one object through the first relation, whatever the field says of many.
        many: many && path.length === 1,
        written: `${field} = ${cls}(${source !== undefined ? `source='${source}'` : many ? 'many=True' : '…'})`,
        range: { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) },
      });
    }
    const declared = new Set<string>();
    for (const f of body.matchAll(new RegExp(`^${fieldIndent}(\\w+)[ \\t]*(?::[^=\\n]+)?=`, 'gm'))) declared.add(f[1]);
    const implicit = implicitFields(text, bodyStart, body, lineStarts, declared);
    fields.push(...implicit.fields);
    if (fields.length || implicit.all) (out ??= {})[name] = { model, fields, ...(implicit.all ? { allFields: implicit.all } : {}) };
  }
  return out;
}

/**
 * The names of `Meta.fields = (…)` the class does not declare itself, each a possible relation (see `implicit`); or,
 * for `fields = '__all__'` and `exclude = (…)`, the names every field but which DRF renders.
 */
function implicitFields(text: string, bodyStart: number, body: string, lineStarts: number[], declared: Set<string>): { fields: SerializerRead[]; all?: NonNullable<SerializerReads['allFields']> } {
  const none = { fields: [] };
  const meta = /^([ \t]+)class[ \t]+Meta\b[^\n]*:/m.exec(body);
  if (!meta) return none;
  const metaBody = body.slice(meta.index);
  // `depth = 1` nests every relation: what it loads is not written anywhere.
  if (/^[ \t]+depth[ \t]*=[ \t]*[1-9]/m.test(metaBody)) return none;
  const range = (start: number, length: number): Range => ({ start: positionAt(lineStarts, start), end: positionAt(lineStarts, start + length) });
  const all = /^[ \t]+fields[ \t]*=[ \t]*(['"])__all__\1/m.exec(metaBody);
  const exclude = /^[ \t]+exclude[ \t]*=[ \t]*[([]/m.exec(metaBody);
  if (all || exclude) {
    const m = (all ?? exclude)!;
    const at = bodyStart + meta.index + m.index + m[0].search(/\S/);
    const excluded = exclude ? [...argumentsFrom(text, bodyStart + meta.index + exclude.index + exclude[0].length).matchAll(/['"](\w+)['"]/g)].map((x) => x[1]) : [];
    return { fields: [], all: { except: [...new Set([...excluded, ...declared])], at: range(at, m[0].trim().length) } };
  }
  const list = /^[ \t]+fields[ \t]*=[ \t]*[([]/m.exec(metaBody);
  if (!list) return none;
  const from = bodyStart + meta.index + list.index + list[0].length;
  const items = argumentsFrom(text, from);
  const fields: SerializerRead[] = [];
  for (const m of items.matchAll(/(['"])(\w+)\1/g)) {
    if (declared.has(m[2])) continue;
    const start = from + m.index + 1;
    fields.push({ relation: m[2], many: true, written: `'${m[2]}' in Meta.fields`, range: range(start, m[2].length), implicit: true });
  }
  return { fields };
}

/** The message of a field of a list's serializer that reads relations per row (several for `fields = '__all__'`). */
export function relationReadExplanation(serializer: string, model: string, reads: SerializerRead[]): string {
  const relations = reads.map((r) => `${model}.${r.relation}`).join(', ');
  if (reads.length > 1 && reads.every((r) => r.implicit)) {
    // The names of Meta.fields, one warning for them all.
    return `Database query per row: \`${serializer}\` renders each ${model} of the list with ${reads.length} relations named in Meta.fields, ${relations}, each loaded with a query of its own for every row (the view's queryset does not ${howToLoad(reads)}), one after another.`;
  }
  return `Database query per row: \`${serializer}\` renders each ${model} of the list with \`${reads[0].written}\`, which loads ${relations} with a query of its own for every row (the view's queryset does not ${howToLoad(reads)}), one after another.`;
}

/** `select_related('a')` or `prefetch_related('b', 'c')`, as the relations need. */
function howToLoad(reads: SerializerRead[]): string {
  const relations = [...new Set(reads.map((r) => r.relation))];
  const one = relations.filter((r) => reads.some((x) => x.relation === r && !x.many));
  const many = relations.filter((r) => !one.includes(r));
  const call = (name: string, list: string[]) => (list.length ? `\`${name}(${list.map((r) => `'${r}'`).join(', ')})\`` : '');
  return [call('select_related', one), call('prefetch_related', many)].filter(Boolean).join(' or ');
}

/** The message of a serializer given a queryset's rows with `many=True` whose fields read relations it does not load. */
export function serializedListExplanation(written: string, serializer: string, model: string, reads: SerializerRead[]): string {
  const relations = [...new Set(reads.map((r) => r.relation))];
  const fields = reads.slice(0, 3).map((r) => `\`${r.written}\``).join(', ') + (reads.length > 3 ? ` and ${reads.length - 3} more` : '');
  const how = howToLoad(reads);
  return `Database query per row: \`${written}\` renders each ${model} with \`${serializer}\`, whose fields ${fields} load ${relations.map((r) => `${model}.${r}`).join(', ')} with a query of their own for every row, one after another. The queryset does not load them: ${how} would, with the rows.`;
}