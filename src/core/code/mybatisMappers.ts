import type { FileAnalysis, Hazard, MapperStatement } from './codeModel';
import { selectWithoutLimit, SQL_LIMIT } from './hazards/unboundedQueries';
import { lineStartsOf, positionAt } from './syntax';

/**
 * MyBatis XML mappers: the SQL of a mapper interface's methods (`<mapper namespace="…TagReadService">` with
 * `<select id="all">select name from tags</select>` runs for `TagReadService.all()`). The Java side already makes a
 * call of such a method a query (analyzeFile's mapperEffects); what only the XML says is whether a SELECT is
 * bounded. Each SELECT with no LIMIT is kept as a statement of its method, and the join reports it, in the XML where
 * it is fixed, on the routes that reach a method of that name returning a collection (`List<String> all()`: a method
 * returning one row reads one, whatever the SQL).
 *
 * A `<select>` whose result map has a nested select (`<collection property="children" select="…ByParentId"
 * column="id"/>`, also `<association … select>`) has MyBatis run that select once per row it maps: kept as a
 * `query-in-loop` of the statement, reported on the same routes (vhr's department tree, which selects itself again
 * for every department).
 */

/**
 * An XML file that may be a mapper: one on the class path (under a `resources/` folder, whatever its name, since
 * `mapper-locations` can name any: jshERP's `classpath:./mapper_xml/*.xml` holding `MaterialMapperEx.xml`), or
 * kept or named as mappers are beside the code (`mapper/`, `UserMapper.xml`, `UserDao.xml`), outside build output.
 * Which are mappers their text says (isMapperDocument). Not every XML of a workspace: Android's `res/` layouts and
 * other XML would each be read in every pass for nothing.
 */
export function isMapperXml(file: string): boolean {
  if (!file.endsWith('.xml') || /(^|\/)(target|build|out|bin|node_modules|\.idea)\//.test(file) || /(^|\/)pom\.xml$/.test(file)) return false;
  return /(^|\/)resources\//.test(file) || /(^|\/)mappers?\//i.test(file) || /(Mapper|Dao)\.xml$/.test(file);
}

/** Prolog parts before the root element: the declaration, comments, the DOCTYPE (its internal subset too). */
const PROLOG = /^(\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\b[^[>]*(\[[\s\S]*?\])?\s*>)*/;

/**
 * Whether an XML text is a MyBatis mapper: its root element is `<mapper>` (or its DOCTYPE says so). Only its head is
 * looked at, so a folder of large XML of other kinds costs a read each and no more.
 */
export function isMapperDocument(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return /<!DOCTYPE\s+mapper\b/.test(head) || /^<mapper\b/.test(head.slice(PROLOG.exec(head)![0].length));
}

const NAMESPACE = /<mapper\b[^>]*\bnamespace\s*=\s*["']([\w.$]+)["']/;
const STATEMENT = /<select\b([^>]*)>([\s\S]*?)<\/select\s*>/g;
const CALLER_CRITERIA = /<include\b[^>]*\brefid\s*=\s*["'][\w.]*Example_Where_Clause["']/;
const FRAGMENT = /<sql\b[^>]*\bid\s*=\s*["']([\w.]+)["'][^>]*>([\s\S]*?)<\/sql\s*>/g;
const RESULT_MAP = /<resultMap\b([^>]*)>([\s\S]*?)<\/resultMap\s*>/g;
/** The elements of a result map that map a property from another statement or map (a `<case>` of a discriminator too). */
const MAPPING = /<(collection|association|case)\b([^>]*)>/g;

/** The statements of one mapper file: an analysis with no code of its own, only `links.mapperStatements`. */
export function analyzeMapperXml(file: string, raw: string, quiet: boolean): FileAnalysis {
  // Comments blanked, not removed, so offsets and lines stay those of the file.
  const text = raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const links: FileAnalysis['links'] = { imports: [], exports: {}, functions: [], mounts: [], routeLinks: [], hazardOwners: [], pending: [] };
  const analysis: FileAnalysis = { file, language: 'java', routes: [], hazards: [], envReads: [], links };
  const namespace = NAMESPACE.exec(text)?.[1];
  // (Named even where its statements are not kept: the interface is a mapper all the same, CallMatch.mapperOfPackage.)
  if (namespace) links.mapperNamespace = namespace;
  if (!namespace || quiet) return analysis;
  const owner = namespace.slice(namespace.lastIndexOf('.') + 1);
  const fragments = new Map([...text.matchAll(FRAGMENT)].map((m) => [m[1], m[2]]));
  const lineStarts = lineStartsOf(text);
  const statements: MapperStatement[] = [];
  const maps = nestedSelectsByMap(text, namespace);
  const mapOf = (attributes: string) => localMap(attr(attributes, 'resultMap'), namespace);
  const selects = [...text.matchAll(STATEMENT)].map((m) => ({ m, id: attr(m[1], 'id') }));
  for (const { m, id } of selects) {
    if (!id) continue;
    const start = m.index!;
    const range = { start: positionAt(lineStarts, start), end: positionAt(lineStarts, start + m[0].length) };
    const map = mapOf(m[1]);
    const nested = map ? maps.get(map) : undefined;
    if (map && nested?.length) {
      // Run as a `<collection>`'s select of another statement of the file, it reads many rows whatever its method
      // returns (a department looked up by id, then its children): those statements' routes reach it too.
      const via = selects.filter((o) => o.id && maps.get(mapOf(o.m[1]) ?? '')?.some((n) => n.collection && n.owner === owner && n.method === id)).map((o) => o.id!);
      const hazard: Hazard = {
        code: 'query-in-loop',
        file,
        range,
        callee: `${nested[0].owner}.${nested[0].method}`,
        explanation: nestedSelectExplanation(`${owner}.${id}`, map, nested, lineStarts),
        loop: { kind: 'MyBatis nested select', mode: 'sequential', range },
        routes: [],
        sql: true,
      };
      statements.push({ owner, method: id, hazard, ...(via.length ? { via } : {}) });
    }
    // MyBatis Generator's `selectByExample`: its WHERE is whatever criteria the caller builds, a lookup by name as
    // often as a whole table: the XML cannot say which.
    if (CALLER_CRITERIA.test(m[2])) continue;
    // A LIMIT counts wherever it is; a key or a list compared only under a condition (`<if test="userId != null">
    // AND user_id = #{userId}</if>`, RuoYi's list queries) bounds nothing when the caller gives none.
    if (SQL_LIMIT.test(sqlOf(m[2], fragments)) || !selectWithoutLimit(sqlOf(withoutConditionalParts(m[2]), fragments, 0, withoutConditionalParts))) continue;
    const hazard: Hazard = {
      code: 'unbounded-query',
      file,
      range,
      callee: `${owner}.${id}`,
      explanation: `The MyBatis statement \`${owner}.${id}\` runs a SELECT with no LIMIT: it returns every matching row, so its cost grows with the table.`,
      routes: [],
    };
    statements.push({ owner, method: id, hazard });
  }
  if (statements.length) links.mapperStatements = statements;
  return analysis;
}

/** A select a result map runs per row: the statement (`Owner.method`), the element that names it and where it is. */
interface NestedSelect {
  owner: string;
  method: string;
  /** `<collection>`: the select reads many rows (its own nested selects run per row of those). */
  collection: boolean;
  property?: string;
  lazy: boolean;
  at: number;
}

/**
 * Per result map of the file, the nested selects MyBatis runs for each row it maps: its own `<collection>` and
 * `<association>` elements with a `select`, and those of the maps it extends or maps a property with
 * (`extends="BaseResultMap"`, `<collection resultMap="ItemMap">`, a discriminator's `<case resultMap>`), in this file.
 */
function nestedSelectsByMap(text: string, namespace: string): Map<string, NestedSelect[]> {
  const owner = namespace.slice(namespace.lastIndexOf('.') + 1);
  const own = new Map<string, { selects: NestedSelect[]; uses: string[] }>();
  for (const m of text.matchAll(RESULT_MAP)) {
    const id = attr(m[1], 'id');
    if (!id) continue;
    const uses = [localMap(attr(m[1], 'extends'), namespace)];
    const selects: NestedSelect[] = [];
    const bodyAt = m.index! + m[0].lastIndexOf('</') - m[2].length;
    for (const n of m[2].matchAll(MAPPING)) {
      uses.push(localMap(attr(n[2], 'resultMap'), namespace));
      const select = n[1] !== 'case' ? attr(n[2], 'select') : undefined;
      if (!select) continue;
      const dot = select.lastIndexOf('.');
      const target = dot < 0 ? { owner, method: select } : { owner: select.slice(select.slice(0, dot).lastIndexOf('.') + 1, dot), method: select.slice(dot + 1) };
      const property = attr(n[2], 'property');
      selects.push({ ...target, collection: n[1] === 'collection', ...(property ? { property } : {}), lazy: attr(n[2], 'fetchType') === 'lazy', at: bodyAt + n.index! });
    }
    own.set(id, { selects, uses: uses.filter((u): u is string => !!u && u !== id) });
  }
  const out = new Map<string, NestedSelect[]>();
  const collect = (id: string, seen: Set<string>): NestedSelect[] => {
    const map = own.get(id);
    if (!map || seen.has(id)) return [];
    seen.add(id);
    return [...map.selects, ...map.uses.flatMap((u) => collect(u, seen))];
  };
  for (const id of own.keys()) {
    const selects = collect(id, new Set());
    if (selects.length) out.set(id, selects.sort((a, b) => a.at - b.at));
  }
  return out;
}

/** What MyBatis runs per row of `statement`, mapped with result map `map`. */
function nestedSelectExplanation(statement: string, map: string, nested: NestedSelect[], lineStarts: number[]): string {
  const lazy = nested.every((n) => n.lazy);
  const runs = nested.map((n) => {
    const element = `<${n.collection ? 'collection' : 'association'}${n.property ? ` property="${n.property}"` : ''}>`;
    return `\`${element}\` (line ${positionAt(lineStarts, n.at).line + 1}${n.lazy && !lazy ? ', fetchType="lazy"' : ''}) runs \`${n.owner}.${n.method}\``;
  });
  // fetchType="lazy" defers the select to the first read of the property, not saves it: a response that serializes the
  // rows reads every one.
  const when = lazy
    ? 'for each row whose property is read (fetchType="lazy": a response that renders the rows reads them all), one after another'
    : 'once per row, one after another';
  // A statement mapped with a map that runs it again (vhr's departments and their children): a query per node of a tree.
  const again = nested.some((n) => n.collection && `${n.owner}.${n.method}` === statement);
  const cost = again
    ? ', and again for each row that one reads: a tree of N nodes takes N queries. Reading the rows in one query and building the tree in memory takes one.'
    : ': N rows make N more queries. A join mapped with a nested result map (`<collection resultMap=…>`), or one query of them all by the keys of the rows, reads them together.';
  return `Database query per row: the MyBatis statement \`${statement}\` maps its rows with result map \`${map}\`, whose ${runs.join(' and ')} ${when}${cost}`;
}

/** An attribute of an element's attribute text. */
function attr(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1]?.trim() || undefined;
}

/** A result map of this file, as a statement or another map names it (`DeptMap`, or with the namespace). */
function localMap(name: string | undefined, namespace: string): string | undefined {
  if (!name) return undefined;
  if (name.startsWith(`${namespace}.`)) return name.slice(namespace.length + 1);
  return name.includes('.') ? undefined : name;
}

/**
 * The SQL a statement runs, as far as bounds go: `<include refid>` fragments of the file put in, dynamic tags made
 * their words (`<where>` is a WHERE), every `#{param}` a `?`. A LIMIT under an `<if>` counts: it is the caller's to give.
 */
function sqlOf(body: string, fragments: Map<string, string>, depth = 0, fragment = (text: string) => text): string {
  return body
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<include\b[^>]*\brefid\s*=\s*["']([\w.]+)["'][^>]*\/?>/g, (_, ref: string) => (depth < 4 ? ` ${sqlOf(fragment(fragments.get(ref) ?? ''), fragments, depth + 1, fragment)} ` : ' '))
    .replace(/<where\b[^>]*>/g, ' where ')
    .replace(/<set\b[^>]*>/g, ' set ')
    .replace(/<trim\b[^>]*\bprefix\s*=\s*["'](\w+)["'][^>]*>/gi, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#$]\{[^}]*\}/g, '?')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A statement's SQL with what only runs under a condition left out: `<if>`, and `<choose>`'s `<when>`/`<otherwise>`. */
function withoutConditionalParts(body: string): string {
  let out = body;
  // Innermost first, so nested conditions go with the one that holds them.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/<(if|when|otherwise)\b[^>]*>(?:(?!<(?:if|when|otherwise)\b)[\s\S])*?<\/\1\s*>/g, ' ');
  }
  return out;
}

