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
 */

/** Where mapper XML lives by convention (`resources/mapper/`, `mappers/`) or how it is named (`UserMapper.xml`, `UserDao.xml`). */
export function isMapperXml(file: string): boolean {
  return file.endsWith('.xml') && (/(^|\/)mappers?\//i.test(file) || /(Mapper|Dao)\.xml$/.test(file)) && !/(^|\/)(target|build|out|bin)\//.test(file);
}

const NAMESPACE = /<mapper\b[^>]*\bnamespace\s*=\s*["']([\w.$]+)["']/;
const STATEMENT = /<select\b([^>]*)>([\s\S]*?)<\/select\s*>/g;
const CALLER_CRITERIA = /<include\b[^>]*\brefid\s*=\s*["'][\w.]*Example_Where_Clause["']/;
const FRAGMENT = /<sql\b[^>]*\bid\s*=\s*["']([\w.]+)["'][^>]*>([\s\S]*?)<\/sql\s*>/g;

/** The statements of one mapper file: an analysis with no code of its own, only `links.mapperStatements`. */
export function analyzeMapperXml(file: string, raw: string, quiet: boolean): FileAnalysis {
  // Comments blanked, not removed, so offsets and lines stay those of the file.
  const text = raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const links: FileAnalysis['links'] = { imports: [], exports: {}, functions: [], mounts: [], routeLinks: [], hazardOwners: [], pending: [] };
  const analysis: FileAnalysis = { file, language: 'java', routes: [], hazards: [], envReads: [], links };
  const namespace = NAMESPACE.exec(text)?.[1];
  if (!namespace || quiet) return analysis;
  const owner = namespace.slice(namespace.lastIndexOf('.') + 1);
  const fragments = new Map([...text.matchAll(FRAGMENT)].map((m) => [m[1], m[2]]));
  const lineStarts = lineStartsOf(text);
  const statements: MapperStatement[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const id = /\bid\s*=\s*["']([\w$]+)["']/.exec(m[1])?.[1];
    // MyBatis Generator's `selectByExample`: its WHERE is whatever criteria the caller builds, a lookup by name as
    // often as a whole table: the XML cannot say which.
    if (!id || CALLER_CRITERIA.test(m[2])) continue;
    // A LIMIT counts wherever it is; a key or a list compared only under a condition (`<if test="userId != null">
    // AND user_id = #{userId}</if>`, RuoYi's list queries) bounds nothing when the caller gives none.
    if (SQL_LIMIT.test(sqlOf(m[2], fragments)) || !selectWithoutLimit(sqlOf(withoutConditionalParts(m[2]), fragments, 0, withoutConditionalParts))) continue;
    const start = m.index!;
    const hazard: Hazard = {
      code: 'unbounded-query',
      file,
      range: { start: positionAt(lineStarts, start), end: positionAt(lineStarts, start + m[0].length) },
      callee: `${owner}.${id}`,
      explanation: `The MyBatis statement \`${owner}.${id}\` runs a SELECT with no LIMIT: it returns every matching row, so its cost grows with the table.`,
      routes: [],
    };
    statements.push({ owner, method: id, hazard });
  }
  if (statements.length) links.mapperStatements = statements;
  return analysis;
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

