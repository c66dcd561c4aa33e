import type { FileStructure } from '../fileStructure';
import type { FoundHazard } from './loopHazards';
import { selectWithoutLimit } from './unboundedQueries';

/** What a query method returns when it returns every row it matches (a `Page` needs a `Pageable`). */
const MANY = /^(List|Collection|Set|Iterable|Stream|Flux)\s*</;
/** Spring Data's own limits: a `Pageable`, a `Limit`, a `ScrollPosition` parameter. */
const LIMITED_BY_PARAMETER = /\b(Pageable|PageRequest|Limit|ScrollPosition|KeysetScrollPosition)\b/;
/** `findTop10By…`, `findFirst5ByOrderByIdDesc`: derived queries with a limit in their name. */
const LIMITED_BY_NAME = /^[a-z]+(All|Distinct)?(Top|First)\d*/;
/**
 * `findByOwnerId`, `findAllByArticleIdOrderByCreatedAt`: the children of one parent, bounded by the data model;
 * `findByPetIdIn(petIds)`: of the parents the caller lists; `findByUid`, `findByEmail`: a natural key's row.
 */
const BY_PARENT_KEY = /By\w*?(Id|ID|Uid|Uuid|Email|Username|Slug|Key)(In)?(And\w*)?$/;
/**
 * `findCollectorsByNameIn(List<String> names)` (hertzbeat): the rows of the values the caller lists, on any property;
 * given a collection (a property that only ends in `In`, `findAllByLoggedIn`, is none), and not `NotIn`.
 */
const BY_LISTED = /By\w*?(?<!Not)In$/;
const COLLECTION_PARAMETER = /\b(?:Collection|List|Set|Iterable)\s*<|\[\]\s*\w|\.\.\.\s*\w/;
const SQL_LIMIT = /\b(limit|fetch\s+(first|next)|top\s+\d|rownum)\b/i;

/**
 * `unbounded-query` on Spring Data repository interfaces: a query method of their own that returns every matching
 * row. That is a `List`, `Collection`, `Set`, `Iterable`, `Stream` or `Flux` with no `Pageable`/`Limit` parameter,
 * no `Top`/`First` in its name and no LIMIT in its `@Query`. petclinic's `@Query("SELECT ptype FROM PetType ptype
 * ORDER BY ptype.name") List<PetType> findPetTypes()` is one. The hazard is on the declaration, and the join puts it
 * on the routes that call it. `findAll` is left to the call-site rule, which sees whether a `Pageable` is passed.
 */
export function findRepositoryMethods(s: FileStructure, file: string): FoundHazard[] {
  const out: FoundHazard[] = [];
  const mybatis = s.mentions('org.apache.ibatis') && s.mentions('@Select');
  if (!s.mentions('Repository') && !mybatis) return out;
  for (const fn of s.functions) {
    const n = s.nodes[fn.index];
    if (n.type !== 'method_declaration' || !fn.name || !fn.owner) continue;
    const node = n.node;
    if (node.childForFieldName('body')) continue;
    if (mybatis) {
      const found = mybatisSelect(s, file, fn.index, node.text, `${fn.owner}.${fn.name}`);
      if (found) out.push(found);
      continue;
    }
    if (fn.name === 'findAll' || !isRepositoryInterface(s, fn.index)) continue;
    const returns = node.childForFieldName('type')?.text ?? '';
    const parameters = node.childForFieldName('parameters')?.text ?? '';
    if (!MANY.test(returns) || LIMITED_BY_PARAMETER.test(parameters) || LIMITED_BY_NAME.test(fn.name)) continue;
    const query = /@Query\s*\(([\s\S]*?)\)\s*(?:@|\w)/.exec(node.text)?.[1];
    // A JPQL or native query is read as SQL is: `WHERE o.id IN :ids` or `WHERE v.petId = :petId` is bounded.
    // Not a MongoDB query (`@Query("{ $and: […] }")`), which is no SQL.
    const statement = query && [...query.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(' ');
    const sql = statement && /\bselect\b[\s\S]*\bfrom\b/i.test(statement) ? statement : undefined;
    // (The filter's own part of the name: an `OrderBy…` after it pins nothing, `findAllByStatusOrderByEmail`.)
    const filter = fn.name.replace(/OrderBy\w*$/, '');
    if (query ? SQL_LIMIT.test(query) || (sql !== undefined && !selectWithoutLimit(sql)) : BY_PARENT_KEY.test(filter) || (BY_LISTED.test(filter) && COLLECTION_PARAMETER.test(parameters))) continue;
    const callee = `${fn.owner}.${fn.name}`;
    out.push({
      at: fn.index,
      hazard: {
        code: 'unbounded-query',
        file,
        range: s.rangeOf(fn.index),
        callee,
        explanation: `\`${callee}(…)\` returns every matching row (a Spring Data query method returning ${returns.split('<')[0]} without a Pageable): its cost grows with the table, not with the request.`,
        routes: [],
      },
    });
  }
  return out;
}

/**
 * MyBatis: a mapper method whose `@Select` has no LIMIT and returns a `List` (`@Select("select * from cat")
 * List<Cat> selectAll()`), with no `RowBounds` parameter: every row, wherever it is called. Not a lookup by key or
 * by a parent's key (selectWithoutLimit's rules for SQL).
 */
function mybatisSelect(s: FileStructure, file: string, at: number, text: string, callee: string): FoundHazard | undefined {
  const select = /@Select\s*\(\s*(?:\{\s*)?([\s\S]*?)\)\s*(?:@|\w)/.exec(text)?.[1];
  if (!select) return undefined;
  const sql = [...select.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(' ');
  const declaration = text.slice(text.indexOf(select) + select.length);
  if (!/\b(List|Collection|Set|Iterable|Stream|Cursor)\s*</.test(declaration) || /\bRowBounds\b/.test(declaration) || !selectWithoutLimit(sql)) return undefined;
  return {
    at,
    hazard: {
      code: 'unbounded-query',
      file,
      range: s.rangeOf(at),
      callee,
      explanation: `\`${callee}(…)\` runs a SELECT with no LIMIT (its MyBatis \`@Select\`) and returns every matching row: its cost grows with the table, not with the request.`,
      routes: [],
    },
  };
}

/** The method is declared in an interface that extends a Spring Data repository (`JpaRepository<Owner, Integer>`). */
export function isRepositoryInterface(s: FileStructure, method: number): boolean {
  for (let p = s.nodes[method].parent; p >= 0; p = s.nodes[p].parent) {
    if (s.nodes[p].type !== 'interface_declaration') continue;
    const header = s.text.slice(s.nodes[p].start, s.text.indexOf('{', s.nodes[p].start));
    return /\bextends\b[^{]*\b\w*Repository\s*</.test(header);
  }
  return false;
}
