import type { Node } from '@vscode/tree-sitter-wasm';
import { SQLA_RESULT_STEP, type CallInfo, type FileStructure } from '../fileStructure';
import type { CallCatalogue, ListRule } from './callCatalogue';
import { LAZY_METHODS, makesQueryset, outermostCall, refersToOuterRow, turnedIntoSql } from './djangoQuerysets';
import type { FoundHazard } from './loopHazards';
import { iteratedQueries } from './pythonRelations';
import type { GivenStatement, Hazard, ParentFilter } from '../codeModel';
import type { Range } from '../../model/location';

const SQL = /\bselect\b[\s\S]*\bfrom\b/i;
const STRING_TYPES = new Set(['string', 'template_string', 'interpreted_string_literal', 'raw_string_literal', 'string_literal', 'text_block', 'concatenated_string']);

/**
 * `unbounded-query`: a SELECT with no LIMIT (in the SQL text a query call is given), or an ORM list call with
 * nothing bounding it (`findMany` without `take`, `findAll()` without a `Pageable`, a Django queryset used
 * without a slice, GORM `Find` without `Limit`). Its cost grows with the table, not with the request.
 */
export function findUnboundedQueries(s: FileStructure, file: string, catalogue: CallCatalogue): FoundHazard[] {
  const out: FoundHazard[] = [];
  const family = s.spec.family;
  let lastStart = -1;
  let awaitedStart = -1;
  for (const [i, call] of s.calls) {
    if (call.chain.length === 0) continue;
    const start = s.nodes[i].start;
    if (start === lastStart || start === awaitedStart) continue;
    const list = s.rules(call, catalogue).list;
    if (list) {
      // The outermost list call of a chain judges the whole statement: bounded there (`.filter(pk__in=ids)` after
      // `order_by()`), the calls inside it are not judged again without what bounds it. (Nor the call awaited in
      // parentheses it reads on, `(await session.execute(q)).scalars().all()`: part of the same statement.)
      lastStart = start;
      const awaited = s.awaitedCallOf(i);
      if (awaited !== undefined) awaitedStart = s.nodes[awaited].start;
      const outer = outermostChain(s, i);
      const argsText = s.argumentsText(call);
      // A bound set on some paths only (`if ('limit' in query) qb.limit(…)`): said in the explanation.
      const partly: Partly = {};
      // A subquery (`whereNotIn('name', db.select('name').from('features'))`, `.union((qb) => qb.select(…).from(…))`)
      // runs as part of the query it is given to, which is judged on its own.
      if (family === 'js' && (subqueryOfAnother(s.nodes[outer.index].node) || turnedIntoSql(s, i))) continue;
      // Read into a cache on a miss (hertzbeat's silences): once per expiry, not per request.
      if (s.filledOnCacheMiss(i)) continue;
      // `session.execute("SELECT … LIMIT 100").all()`: the SQL along the chain decides.
      const sql = sqlAlongChain(s, i);
      if (sql !== undefined) {
        if (selectWithoutLimit(sql, uniqueKeys(s))) out.push({ at: i, hazard: sqlHazard(s, i, file, call.chain) });
        continue;
      }
      // A bound an optional parameter gives (`take: options && options.length`): judged by each caller in the join.
      let optional: OptionalBound | undefined;
      if (list.boundedByArgs) {
        const bound = new RegExp(list.boundedByArgs);
        if (bound.test(argsText) && !(list.builtEmpty && builtEmpty(s, i, argsText, list.builtEmpty)) && !(family === 'go' && intoGoSlice(s, i, argsText))) {
          optional = family === 'js' ? optionalBound(s, i, argsText, bound) : undefined;
          if (!optional) continue;
        } else if (family === 'js' && (optionsBounded(s, i, argsText, bound, partly) || spreadConditionsBounded(s, i, argsText, bound))) continue;
      }
      if (list.boundedByCallBefore) {
        const f = s.functionOf[i];
        const from = f >= 0 ? s.nodes[s.functions[f].index].start : 0;
        if (new RegExp(list.boundedByCallBefore).test(s.text.slice(from, start))) continue;
      }
      if (list.boundedByCall && s.memo(`re:${list.boundedByCall}`, () => new RegExp(list.boundedByCall!)).test(s.text.slice(start, s.nodes[i].end))) continue;
      if (list.boundedByStatement) {
        const bound = new RegExp(list.boundedByStatement);
        // What a statement before the call would set, set along the chain itself: woodpecker's
        // `s.engine.Where("pipeline_id = ?", pipelineID).Find(&steps)`.
        if (bound.test(s.text.slice(start, call.argsStart > start ? call.argsStart : s.nodes[i].end)) || boundedStatement(s, i, call.chain, bound, partly)) continue;
      }
      if (list.boundedWhereBuilt && boundedStatement(s, i, call.chain, s.memo(`re:${list.boundedWhereBuilt}`, () => new RegExp(list.boundedWhereBuilt!)), partly, true)) continue;
      if (list.boundedByCallArgs && boundedByCallArgs(s, outer.index, list.boundedByCallArgs)) continue;
      if (list.boundedBySqlWhere && boundedBySqlWhere(s, outer.index, list.boundedBySqlWhere, uniqueKeys(s))) continue;
      if (list.boundedByChain) {
        const methods = list.boundedOnlyBefore ? [] : outer.chain.slice(call.chain.length);
        if (outer.subscripted && !list.boundedOnlyBefore) methods.push('[slice]');
        // The chain before the call counts too: GORM `db.Limit(10).Find(&xs)`.
        methods.push(...call.chain.slice(1, -1));
        if (!list.boundedOnlyBefore) methods.push(...methodsAfterParentheses(s.nodes[outer.index].node));
        const bound = new RegExp(`^(?:${list.boundedByChain})$`);
        if (methods.some((m) => bound.test(m))) continue;
      }
      // A knex or Drizzle builder kept in a variable, not awaited, and built on further (hedgedoc's `let qb =
      // this.knex(T).select(); qb = qb.where(…); await qb.andWhere(…).first()`): the query is the finished one.
      if (family === 'js' && list.boundedByChain && boundedLater(s, s.nodes[outer.index].node, list.boundedByChain, partly)) continue;
      // …or returned unrun by a function declared to give a builder (Unleash's `select(): Knex.QueryBuilder { return
      // this.db.select(…).from(T) }`): a builder its callers finish (`.limit(…)`, `.first()`); not judged here.
      if (family === 'js' && returnsBuilder(s.nodes[outer.index].node)) continue;
      // A Django queryset kept in a local variable is judged by what the function does with that variable later
      // (MobSF's `enqueued = EnqueuedTask.objects.all().order_by(…)`, then `for enq in enqueued:`); one kept anywhere
      // else (a keyword, a subscript, an attribute) is usually sliced or paginated later: only flag it used at once.
      const later = family === 'python' && call.chain.includes('objects') ? readLater(s, s.nodes[outer.index].node, list, partly) : undefined;
      if (later === 'bounded') continue;
      if (!later && family === 'python' && call.chain.includes('objects') && (assignedOrPaginated(s.nodes[outer.index].node, s) || attributeReadOnly(s.nodes[outer.index].node))) continue;
      // `X.objects.filter(project_id=OuterRef("pk"))`: a subquery of an outer query, wherever it is written.
      if (family === 'python' && s.mentions('OuterRef') && refersToOuterRow(s.nodes[outer.index].node)) continue;
      const django = family === 'python' && call.chain.includes('objects');
      const parentFilter = django ? parentFilterOf(s, outer.index, call) : undefined;
      const givenStatement = optional?.given ?? (family === 'python' && !django && list.label === SQLA_LIST ? givenStatementOf(s, i, call.chain) : undefined);
      out.push({
        at: i,
        ...(django && (later ? later === 'returned' : returnedUnread(s.nodes[outer.index].node)) ? { returned: true } : {}),
        ...(parentFilter ? { parentFilter } : {}),
        ...(givenStatement ? { givenStatement } : {}),
        hazard: {
          code: 'unbounded-query',
          file,
          range: s.rangeOf(i),
          callee: call.chain.join('.'),
          explanation:
            `\`${call.chain.join('.')}(…)\` returns every matching row (${list.label}): its cost grows with the table, not with the request.` +
            (partly.condition ? ` Its bound is set only when \`${partly.condition}\`: a request without it reads them all.` : '') +
            (optional ? ` Its \`${optional.key}\` is \`${optional.value}\`, which only a caller that gives it sets: a call without it reads them all.` : ''),
          routes: [],
          ...(list.unlessOwnSync ? { unlessOwnSync: true as const } : {}),
          ...(list.serviceBases ? { serviceBases: list.serviceBases } : {}),
        },
      });
      continue;
    }
    const match = s.rules(call, catalogue).match;
    if (match?.kind !== 'query') continue;
    let sql = SQL.test(s.argumentsText(call)) ? s.argumentsOf(call).find((a) => STRING_TYPES.has(a.type))?.text : sqlOfVariable(s, i, call);
    // A statement prepared in the chain and run at once (better-sqlite3's `db.prepare('SELECT * FROM users').all()`):
    // prepare's SQL, written in place or kept in a variable; read whole by `all()` or `iterate()` only.
    if (sql === undefined && family === 'js' && call.chain.length >= 3 && call.chain.includes('prepare')) {
      if (!/^(?:all|iterate)$/.test(call.chain[call.chain.length - 1])) continue;
      sql = preparedSql(s, i);
    }
    if (sql === undefined || !selectWithoutLimit(sql, uniqueKeys(s)) || oneRowOrPaged(s, i, call)) continue;
    // A raw fragment given to another builder (`.where('id', '=', db.raw('(SELECT …)'))`, `.with('t', db.raw(…))`) runs
    // as part of that query, which is judged on its own.
    if (family === 'js' && (subqueryOfAnother(s.nodes[outermostChain(s, i).index].node) || turnedIntoSql(s, i))) continue;
    lastStart = start;
    const hazard = sqlHazard(s, i, file, call.chain);
    out.push({ at: i, hazard: match.goHandleInterface ? { ...hazard, goHandleInterface: match.goHandleInterface } : hazard });
  }
  if (family === 'python') out.push(...iteratedQueryHazards(s, file, catalogue));
  return out;
}

/** A SQLAlchemy query a loop iterates unread (pythonRelations.iteratedQueries): every row, unless its rule's bounds hold. */
function iteratedQueryHazards(s: FileStructure, file: string, catalogue: CallCatalogue): FoundHazard[] {
  const out: FoundHazard[] = [];
  for (const { at, iterable, query, model } of iteratedQueries(s)) {
    // Judged by the rule `.all()` would be: `X.query.all` for Flask-SQLAlchemy's, `session.query.all` otherwise.
    const list = catalogue.lookup(/^\(?\s*[A-Z]\w*\.query\b/.test(query) ? [model, 'query', 'all'] : ['session', 'query', 'all'], 'python').list;
    if (!list || (list.boundedByStatement && s.memo(`re:${list.boundedByStatement}`, () => new RegExp(list.boundedByStatement!)).test(query))) continue;
    const written = iterable.text.replace(/\s+/g, ' ');
    const shown = written.length > 80 ? `${written.slice(0, 77)}…` : written;
    out.push({
      at,
      hazard: {
        code: 'unbounded-query',
        file,
        range: s.rangeOfNode(iterable),
        callee: shown,
        explanation: `The loop over \`${shown}\` reads every row of the query (${list.label}): iterating a query runs it whole, as \`.all()\` would, so its cost grows with the table, not with the request.`,
        routes: [],
      },
    });
  }
  return out;
}

/**
 * The one argument is a variable the function made empty and only ordered or shaped before the call: nothing filtered
 * it. Not when it was handed to another function first (novel's `listRankBooks(wrapper)` adds its conditions).
 */
function builtEmpty(s: FileStructure, i: number, argsText: string, rule: { empty: string; filters: string }): boolean {
  const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(argsText)?.[1];
  if (!name) return false;
  const built = s.assignedBefore(i, name);
  const made = new RegExp(`^[^\\w$.]?${name}\\s*=\\s*${rule.empty}\\s*;`).exec(built);
  if (!made) return false;
  const after = built.slice(made[0].length);
  if (new RegExp(`\\.\\s*(?:${rule.filters})\\s*\\(`).test(after)) return false;
  return !new RegExp(`[(,]\\s*${name}\\s*[,)]|\\b${name}\\s*=`).test(after);
}

/** The keys the file's own schema declares, read once per file and only where it writes one. */
function uniqueKeys(s: FileStructure): UniqueKeys | undefined {
  if (!mayDeclareKeys(s.words)) return undefined;
  return s.memo('sql.uniqueKeys', () => uniqueKeysOf(s.text));
}

/** Whether the text may hold a `CREATE TABLE` or `CREATE UNIQUE INDEX` (in either case) at all. */
export function mayDeclareKeys(words: { has(word: string): boolean }): boolean {
  return words.has('CREATE') || words.has('create table') || words.has('create unique');
}

/**
 * Options built before the call and passed by name or spread (`const params = { where, limit: pagination.limit };
 * Comment.findAll(params)`, `findAll({ include, ...params })`, outline's list endpoints): bounded if the limit is
 * set where they were built, on every path. Options the function is given (`(args) => prisma.post.findMany({ where,
 * ...args })`, a cursor-pagination helper's page arguments) are its caller's to bound: not reported.
 */
function optionsBounded(s: FileStructure, i: number, argsText: string, bound: RegExp, partly: Partly): boolean {
  const names = [...argsText.matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  const whole = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(argsText)?.[1];
  if (whole) names.push(whole);
  if (names.some((name) => boundedAlways(s, i, s.assignedBefore(i, name), bound, partly) || s.isParameterAt(i, name))) return true;
  // `findMany({ where, orderBy })` after `const where: Prisma.XWhereInput = { userId }` (ghostfolio): read as if the
  // where were written in place. What is added to it later (`where.accountId = id`) only narrows it.
  const given = /(?:^|[{,])\s*where\s*(?:(?=[,}])|:\s*([A-Za-z_$][\w$]*)\s*(?=[,}]))/.exec(argsText);
  if (!given) return false;
  const value = /^[^=]*=\s*([^]*)$/.exec(s.assignedBefore(i, given[1] ?? 'where'))?.[1];
  return value !== undefined && bound.test(`{ where: ${value}`);
}

/** A bound given by an optional parameter: the key, its value as written, and the parameter (see optionalBound). */
interface OptionalBound {
  key: string;
  value: string;
  given: GivenStatement;
}

/** `take: x` or `limit: x` in an ORM's options, its value up to the next member (`take: options && options.length`). */
// (Greedy, ending on a character that is no space: a lazy value before `\s*` took the square of a run of spaces.)
const TAKE_VALUE = /(?<![\w$.])(take|limit)\s*:\s*([^,{}()\n]*[^,{}()\s])\s*(?=[,}\n]|$)/;
/** `options && options.length`, `opts?.limit`, or a name alone. */
const OPTIONAL_MEMBER = /^([A-Za-z_$][\w$]*)\s*(?:&&\s*([A-Za-z_$][\w$]*)\s*\.|\?\.)\s*([A-Za-z_$][\w$]*)$|^([A-Za-z_$][\w$]*)$/;

/**
 * JavaScript: the arguments are bounded only by a `take:` (or `limit:`) whose value is an optional parameter of a named
 * function or a member of one (spliit's `getGroupExpenses(groupId, options?: { offset?: number; length?: number })` with
 * `take: options && options.length`, `opts?.limit`, a bare `limit?: number`): undefined where a caller does not give it,
 * and Prisma then reads every row. The parameter, for the join to judge each caller (CallFact.boundedArgs). Not a
 * parameter with a default (`limit = 20`), a required one (`limit: number`), one given a value before the call, nor a
 * value with a fallback (`opts?.limit ?? 50`); nor when something else bounds the call (a key pinned in its `where`).
 */
function optionalBound(s: FileStructure, i: number, argsText: string, bound: RegExp): OptionalBound | undefined {
  if (!argsText.includes('take') && !argsText.includes('limit')) return undefined;
  const m = TAKE_VALUE.exec(argsText);
  const value = m ? OPTIONAL_MEMBER.exec(m[2]) : null;
  if (!m || !value) return undefined;
  const name = value[1] ?? value[4];
  // `options && options.length`: the same name both sides.
  if (value[2] !== undefined && value[2] !== name) return undefined;
  const member = value[3];
  if (bound.test(argsText.slice(0, m.index) + '_' + argsText.slice(m.index)) || s.assignedBefore(i, name) !== '') return undefined;
  const f = s.functionOf[i];
  if (f < 0 || !s.functions[f].name) return undefined;
  const params = s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.namedChildren ?? [];
  let position = 0;
  for (const p of params) {
    if (!p) continue;
    const own = p.type === 'identifier' ? p : p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('pattern') : null;
    if (own?.text === 'this') continue;
    if (own?.text === name && own.type === 'identifier') {
      // Optional: `x?: T`, or untyped with no default (JavaScript's, where any may be left out); a member of one read
      // behind a guard (`options && options.length`, `opts?.limit`) says it may be absent whatever its type.
      const optional = p.type === 'optional_parameter' ? !p.childForFieldName('value') : p.type === 'identifier' || (!p.childForFieldName('value') && (member !== undefined || !p.childForFieldName('type')));
      return optional ? { key: m[1], value: m[2], given: { name, position, ...(member ? { member } : {}) } } : undefined;
    }
    if (p.type === 'rest_pattern') return undefined;
    position++;
  }
  return undefined;
}

/** The longest argument list read for givenArguments: a longer one (a callback written in place) is taken as giving all. */
const GIVEN_ARGS_MAX = 300;
const ABSENT = /^(?:undefined|null|void\s+0)$/;
const MEMBER_KEY = /^(?:['"]([\w$]+)['"]|([A-Za-z_$][\w$]*))\s*(?:[:(,]|$)/;

/**
 * JavaScript: what a call's arguments give (CallFact.givenArgs), from its argument list as written, brackets included:
 * the position of each argument that is not `undefined` or `null`, and of an object literal the members it sets
 * (`{ offset: 0, length: 20 }` second: `'1.offset'`, `'1.length'`; its position too where it spreads others); `'...'`
 * after a spread argument, whose positions are unknown, or for a list too long to read (all taken as given).
 */
export function givenArguments(list: string): (number | string)[] {
  if (list.length > GIVEN_ARGS_MAX) return ['...'];
  const out: (number | string)[] = [];
  const parts = topLevelParts(list, 1, list.length - 1);
  parts.forEach((part, position) => {
    if (!part || ABSENT.test(part)) return;
    if (part.startsWith('...')) {
      out.push('...');
      return;
    }
    if (!part.startsWith('{') || !part.endsWith('}')) {
      out.push(position);
      return;
    }
    for (const member of topLevelParts(part, 1, part.length - 1)) {
      const key = MEMBER_KEY.exec(member);
      if (member.startsWith('...') || !key) out.push(position);
      else out.push(`${position}.${key[1] ?? key[2]}`);
    }
  });
  return out;
}

/** The text between `from` and `to` split at the commas outside brackets and strings, each part trimmed. */
function topLevelParts(text: string, from: number, to: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = from;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '"' || c === "'" || c === '`') {
      for (k++; k < to && text[k] !== c; k++) if (text[k] === '\\') k++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, k).trim());
      start = k + 1;
    }
  }
  const last = text.slice(start, to).trim();
  if (last || parts.length) parts.push(last);
  return parts;
}

/**
 * Drizzle's `where: and(...whereConditions)` with the conditions built in a local array first (openstatus' tinybird
 * router: `const whereConditions: SQL[] = [eq(monitor.workspaceId, id), inArray(monitor.id, ids)]`): read as the
 * `and(…)` of the list's items written in place, and of those pushed onto it on every path to the call
 * (`whereConditions.push(eq(t.userId, id))`; not one pushed under an `if`).
 */
function spreadConditionsBounded(s: FileStructure, i: number, argsText: string, bound: RegExp): boolean {
  const spread = /\band\s*\(\s*\.\.\.\s*([A-Za-z_$][\w$]*)\s*\)/.exec(argsText);
  if (!spread) return false;
  const name = spread[1];
  const built = s.assignedBefore(i, name);
  const open = /^[^=]*=\s*\[/.exec(built);
  const close = open ? closingBracket(built, open[0].length - 1) : -1;
  if (close < 0) return false;
  const items = [built.slice(open![0].length, close)];
  const base = s.nodes[i].start - built.length;
  for (const p of built.slice(close).matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.\\s*push\\(([^;\\n]*)\\)\\s*;?[ \\t]*$`, 'gm'))) {
    if (onlySometimes(s, base + close + p.index!, s.nodes[i].start, bound) === undefined) items.push(p[1]);
  }
  return bound.test(`${argsText.slice(0, spread.index)}and(${items.join(', ')})${argsText.slice(spread.index + spread[0].length)}`);
}

/** The offset of the bracket that closes the one at `open` (`[`, `(` or `{`), or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '[' || c === '(' || c === '{') depth++;
    else if ((c === ']' || c === ')' || c === '}') && --depth === 0) return k;
  }
  return -1;
}

/**
 * The statement a chain runs is bounded: in its arguments, or in what a variable given to it (`session.exec(stmt)`)
 * or holding it (`qb.getMany()`) was built with, up to the call.
 */
function boundedStatement(s: FileStructure, i: number, chain: string[], bound: RegExp, partly: Partly, builtOnly = false): boolean {
  const along = s.argumentsAlongChain(i);
  // The variable the chain starts from; in Go however long the chain (GORM's paging: `db = db.Limit(limit).Offset(
  // offset)`, then `db.Order(order).Find(&list)`), whose assignments are not confused with a parameter's annotation.
  // (Python: also a SQLAlchemy result turned into its rows first, `result.scalars().unique().all()`.)
  const result = s.spec.family === 'python' && chain.length >= 2 && chain.slice(1, -1).every((step) => SQLA_RESULT_STEP.test(step));
  const variable = chain.length >= 2 && chain[0] !== 'this' && chain[0] !== 'self' && (chain.length === 2 || result || (s.spec.family === 'go' && /^[a-z_]\w*$/.test(chain[0])));
  if (builtOnly) return variable && boundedAlways(s, i, s.assignedBefore(i, chain[0]), bound, partly);
  const names = variable ? [...along.names, chain[0]] : [...along.names];
  if (result) {
    // `result = await session.execute(final_query)`, then `result.all()`: what `final_query` was built with counts too.
    const given = /=\s*(?:await\s+)?[\w.]+\(\s*([A-Za-z_]\w*)\s*[,)]/.exec(s.assignedBefore(i, chain[0]))?.[1];
    if (given) names.push(given);
  }
  if (bound.test(along.text)) return true;
  const built = names.map((name) => s.assignedBefore(i, name));
  if (built.some((text) => boundedAlways(s, i, text, bound, partly))) return true;
  // Python: conditions kept in a list the statement spreads, `.where(*predicates)` (tracecat's case comments,
  // `predicates = [CaseComment.case_id == case_id]`): what that list was built with.
  if (s.spec.family !== 'python') return false;
  const spread = new Set<string>();
  for (const text of [along.text, ...built]) if (text.includes('*')) for (const m of text.matchAll(SPREAD_CONDITIONS)) spread.add(m[1]);
  // (Not a list set again on some path, `if is_admin: filters = []`: that path runs the statement with none.)
  const setAgain = (name: string) => {
    const f = s.functionOf[i];
    const before = s.text.slice(f >= 0 ? s.spanOfFunction(f).start : 0, s.nodes[i].start);
    return (before.match(new RegExp(`(?<![\\w.])${name}\\s*(?::[^=\\n]+)?=(?!=)`, 'g')) ?? []).length > 1;
  };
  return [...spread].some((name) => !setAgain(name) && boundedAlways(s, i, s.assignedBefore(i, name), bound, partly));
}

/** A list of conditions spread into a statement's filter: `.where(*predicates)`, `.filter(Item.deleted_at.is_(None), *filters)`. */
const SPREAD_CONDITIONS = /\.(?:where|filter)\(\s*(?:(?:[^()]|\([^()]*\))*?,\s*)?\*\s*([A-Za-z_]\w*)\s*[,)]/g;

/** The label of SQLAlchemy's list rules (callCatalogue), whose statements a helper may be given. */
const SQLA_LIST = 'SQLAlchemy query without limit';

/**
 * The statement a SQLAlchemy list call at `i` runs, when it is a parameter of its function as given, not built on
 * before the call: polar's `RepositoryBase.get_all(self, statement)` (`result = await self.session.execute(statement)`,
 * `result.scalars().unique().all()`), fief's `BaseRepository.list`. Each caller's statement bounds it or not
 * (CallFact.boundedArgs, judged in the join); its position among a call's arguments, not counting `self` or `cls`.
 */
function givenStatementOf(s: FileStructure, i: number, chain: string[]): GivenStatement | undefined {
  const along = s.argumentsAlongChain(i);
  let name = along.names.length === 1 && along.text.trim() === along.names[0] ? along.names[0] : undefined;
  if (!name && !along.text.trim() && chain.length >= 2 && chain.slice(1, -1).every((step) => SQLA_RESULT_STEP.test(step))) {
    // `result = await self.session.execute(statement)`, then `result.all()`.
    name = /^[^=]*=\s*(?:await\s+)?[\w.]+\(\s*([A-Za-z_]\w*)\s*\)/.exec(s.assignedBefore(i, chain[0]))?.[1];
  }
  if (!name || s.assignedBefore(i, name) !== '') return undefined;
  const f = s.functionOf[i];
  const params = f >= 0 ? s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.namedChildren : undefined;
  if (!params) return undefined;
  let position = 0;
  let keywordOnly = false;
  for (const [k, p] of params.entries()) {
    if (!p) continue;
    if (p.type === 'list_splat_pattern' || p.type === 'keyword_separator' || (p.type === 'typed_parameter' && p.namedChildren[0]?.type === 'list_splat_pattern')) {
      keywordOnly = true;
      continue;
    }
    const own = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'));
    const param = own?.text;
    // A method's receiver is no argument its callers give.
    if (k === 0 && (param === 'self' || param === 'cls')) continue;
    if (param === name) return { name, position: keywordOnly || p.type === 'dictionary_splat_pattern' ? -1 : position };
    position++;
  }
  return undefined;
}

/**
 * The arguments of a Python call that are SQLAlchemy statements bounded as the session's list rule says: written in
 * place (`get_all(select(Tenant).limit(10))`) or built before the call on every path (`statement = select(X).where(
 * X.user_id == user)`, then `self.list(statement)`). By position, or a keyword's name. See CallFact.boundedArgs.
 */
export function boundedStatementArgs(s: FileStructure, call: CallInfo, catalogue: CallCatalogue): (number | string)[] | undefined {
  if (call.argsStart < 0 || call.argsEnd - call.argsStart <= 2) return undefined;
  const source = catalogue.lookup(['session', 'execute', 'all'], 'python').list?.boundedByStatement;
  if (!source) return undefined;
  const bound = s.memo(`re:${source}`, () => new RegExp(source));
  const out: (number | string)[] = [];
  let position = 0;
  for (const a of s.argumentsOf(call)) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') {
      position = Number.NaN; // what follows a `*args` has no position the callee's parameters can be matched to
      continue;
    }
    const keyword = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    const value = keyword !== undefined ? a.childForFieldName('value') : a;
    const at = keyword ?? position++;
    if (!value || (typeof at === 'number' && Number.isNaN(at))) continue;
    // (Also a statement finished in place, polar's `self.get_all(statement.options(*options))`: what it was built with.)
    const held = /^([A-Za-z_]\w*)\s*(?:\.|$)/.exec(value.text)?.[1];
    if (bound.test(value.text) || (held && held !== 'self' && boundedAlways(s, call.index, s.assignedBefore(call.index, held), bound))) out.push(at);
  }
  return out.length ? out : undefined;
}

/**
 * A bound set on the statement between its variable's assignment and the call, on every path: one set only under an
 * `if` (`if ('limit' in query) qb.limit(query.limit)`, nestjs-realworld's article list) leaves the other path
 * unbounded, unless its `else` sets one too.
 */
function boundedAlways(s: FileStructure, i: number, text: string, bound: RegExp, partly?: Partly): boolean {
  if (!text) return false;
  const callStart = s.nodes[i].start;
  const base = callStart - text.length;
  const all = new RegExp(bound.source, bound.flags.includes('g') ? bound.flags : bound.flags + 'g');
  for (const m of text.matchAll(all)) {
    const condition = onlySometimes(s, base + m.index!, callStart, bound);
    if (condition === undefined) return true;
    if (partly && partly.condition === undefined && condition) partly.condition = condition;
  }
  return false;
}

/** What a bound found on some paths only is set under (the `if`'s condition, as written; '' when not an `if`). */
type Partly = { condition?: string };

const CONDITIONAL = new Set(['if_statement', 'ternary_expression', 'conditional_expression', 'switch_case', 'catch_clause', 'except_clause']);

/** Undefined when the bound at `at` holds on every path to the call; else the condition it is set under ('' unknown). */
function onlySometimes(s: FileStructure, at: number, callStart: number, bound: RegExp): string | undefined {
  for (let n: Node | null = s.tree.rootNode.descendantForIndex(at, at), from: Node | null = null; n; from = n, n = n.parent) {
    if (n.startIndex <= callStart && callStart < n.endIndex) return undefined; // reached what holds the call too
    if (!CONDITIONAL.has(n.type)) continue;
    // `if (limit) qb.limit(limit) else qb.limit(20)`: bounded on both paths.
    const alternative = n.type === 'if_statement' ? n.childForFieldName('alternative') : null;
    const consequence = n.type === 'if_statement' ? n.childForFieldName('consequence') : null;
    if (alternative && bound.test(alternative.text) && bound.test(consequence?.text ?? '')) return undefined;
    if (n.type !== 'if_statement' || !from) return '';
    // The bound in the body: the `if`'s condition. In a Python `elif`: its own. In the `else` (langflow's `if
    // AUTO_LOGIN: … else: …where(Flow.user_id == user_id)`): the condition's negation, unknown after `elif`s.
    const inBody = !!consequence && from.startIndex >= consequence.startIndex && from.endIndex <= consequence.endIndex;
    if (inBody) return quotedCondition(n.childForFieldName('condition')?.text ?? '');
    if (from.type === 'elif_clause') return quotedCondition(from.childForFieldName('condition')?.text ?? '');
    if (n.namedChildren.some((c) => c?.type === 'elif_clause')) return '';
    return quotedCondition(n.childForFieldName('condition')?.text ?? '', s.spec.family === 'python' ? 'not ' : '!');
  }
  return undefined;
}

/** An `if`'s condition as quoted in a warning (negated with `not`/`!` when given), or '' when too long to quote. */
function quotedCondition(condition: string, negation?: string): string {
  // Written with its parentheses in JavaScript, Go and Java; a long condition is not quoted whole.
  let plain = condition.replace(/^\(\s*([\s\S]*?)\s*\)$/, '$1').replace(/\s+/g, ' ');
  if (negation) plain = /^[\w.$]+(?:\(\))?$/.test(plain) ? negation + plain : `${negation}(${plain})`.replace(/^not\(/, 'not (');
  return plain && plain.length <= 60 ? plain : '';
}

function sqlHazard(s: FileStructure, i: number, file: string, chain: string[]): FoundHazard['hazard'] {
  return {
    code: 'unbounded-query',
    file,
    range: s.rangeOf(i),
    callee: chain.join('.'),
    explanation: `\`${chain.join('.')}(…)\` runs a SELECT with no LIMIT: it returns every matching row, so its cost grows with the table.`,
    routes: [],
  };
}

/**
 * The SQL a call is given in a variable set once before it in the function to a string, and not changed since:
 * `query := "SELECT name FROM tag;"; rows, err := s.db.Query(query)` (Sock Shop's catalogue). A query built up
 * (`query += " LIMIT ?"`, assigned again) is not read.
 */
function sqlOfVariable(s: FileStructure, i: number, call: CallInfo): string | undefined {
  const args = s.argumentsText(call);
  // Go: a package-level constant, also after the context (`q.db.QueryContext(ctx, listAuthors)`, sqlc's code).
  if (s.spec.family === 'go') {
    const constants = s.memo<Record<string, string>>('go.constants', () => ({}));
    for (const m of args.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*(?=,|$)/g)) if (constants[m[1]] !== undefined && SQL.test(constants[m[1]])) return constants[m[1]];
  }
  const name = /^\s*([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(args)?.[1];
  if (!name) return undefined;
  const assigned = s.assignedBefore(i, name);
  const literal = /^[^=]*=\s*("[^"\\\n]*"|'[^'\\\n]*'|`[^`]*`)\s*(?:;|\n)/.exec(assigned.slice(assigned.indexOf(name)));
  if (!literal || !SQL.test(literal[1])) return undefined;
  const after = assigned.slice(assigned.indexOf(literal[1]) + literal[1].length);
  return new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?:\\+|:)?=(?!=)`).test(after) ? undefined : literal[1];
}

/** The SQL the chain at `i` prepares (`db.prepare(sql).all()`), written in place or kept in a variable as sqlOfVariable reads. */
function preparedSql(s: FileStructure, i: number): string | undefined {
  const start = s.nodes[i].start;
  for (let j = i + 1; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const call = s.calls.get(j);
    if (!call || call.argsStart < 0 || call.chain[call.chain.length - 1] !== 'prepare') continue;
    const given = s.argumentsOf(call)[0];
    return given && STRING_TYPES.has(given.type) ? (SQL.test(given.text) ? given.text : undefined) : sqlOfVariable(s, j, call);
  }
  return undefined;
}

/** The SQL text given to a call chained with this one (same start), if any. */
function sqlAlongChain(s: FileStructure, i: number): string | undefined {
  const awaited = s.awaitedCallOf(i);
  return sqlAlongChainFrom(s, i, i + 1, s.nodes[i].start) ?? (awaited === undefined ? undefined : sqlAlongChainFrom(s, i, awaited, s.nodes[awaited].start));
}

/** …from scan index `from` on, among the calls that start at `start`. */
function sqlAlongChainFrom(s: FileStructure, i: number, from: number, start: number): string | undefined {
  for (let j = from; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const call = s.calls.get(j);
    if (!call || call.argsStart < 0) continue;
    // GORM's `db.Raw(sql).Find(&rows)`: whatever statement Raw is given decides, a SELECT or not (gin-vue-admin's
    // `PRAGMA database_list`), also one kept in a local variable first.
    if (call.chain.at(-1) === 'Raw') {
      const given = s.argumentsOf(call)[0];
      if (given && STRING_TYPES.has(given.type)) return given.text;
      const kept = given?.type === 'identifier' ? new RegExp(`^\\s*${given.text}\\s*:?=\\s*("[^"\\n]*"|\`[^\`]*\`)`).exec(s.assignedBefore(i, given.text))?.[1] : undefined;
      if (kept) return kept;
    }
    if (!SQL.test(s.argumentsText(call))) continue;
    const sqlNode = s.argumentsOf(call).find((a) => STRING_TYPES.has(a.type));
    if (sqlNode && SQL.test(sqlNode.text)) return sqlNode.text;
  }
  return undefined;
}

/** What bounds a SELECT's rows: `LIMIT`, `TOP`, `FETCH FIRST`, `OFFSET`, Oracle's `ROWNUM`. */
export const SQL_LIMIT = /\b(limit|top|fetch\s+(first|next)|offset|rownum)\b/i;

/**
 * A SELECT … FROM with no LIMIT/TOP/FETCH FIRST, that is not a primary-key lookup or a plain aggregate. `unique`:
 * the keys the schema in the same text declares (see uniqueKeysOf), so a lookup on one of them is bounded too.
 */
export function selectWithoutLimit(raw: string, unique?: UniqueKeys): boolean {
  // Comments first (sqlc's `-- name: ListAuthors :many` heads each query), then one line.
  const sql = raw.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ');
  const select = /\bselect\b/i.exec(sql);
  if (!select || !/^[^a-z]*$/i.test(sql.slice(0, select.index).replace(/^[a-z]{0,2}(?=["'`])/i, ''))) return false;
  if (!/\bfrom\b/i.test(sql)) return false;
  // A UNION returns every branch's rows: bounded only if each branch is (mall-swarm's coupons, `… WHERE use_type = 0
  // UNION (… AND cp.product_id = #{productId})`, whose first branch reads every coupon of the type), or if the last
  // branch, unparenthesised, ends in a LIMIT, which takes the whole. A UNION inside a subquery is judged with it.
  const branches = /\bunion\b/i.test(sql) ? unionBranches(sql) : undefined;
  if (branches) {
    if (SQL_LIMIT.test(outsideParentheses(branches[branches.length - 1]))) return false;
    return branches.some((b) => selectWithoutLimit(withoutParentheses(b), unique));
  }
  if (SQL_LIMIT.test(sql)) return false;
  // A lookup by key, or of one parent's children (`WHERE order_id = $1`): bounded by the data model, not the table.
  // Names may be quoted (`"id" = $1`, `` `user_id` = ? ``, `[Id] = @p0`); a camel-case key is `userId`, not `paid`.
  // A natural key is one too: a login looks its user up by `email` or `username`, an article by its `slug`, a
  // setting (uptime-kuma's `` WHERE `key` = ? ``) or a cached entry by its `key`; JHipster's users by their `login`
  // (`where bankAccount.user.login = ?#{authentication.name}`: the accounts of one user); a session or API token, by
  // the token (ntfy's `WHERE tk.token = ?` on every authenticated request).
  // (Equal to a value, not to another table's column where the statement reads several: `from menu m1, menu m2 where
  // m1.id = m2.parentId` joins, vhr's menu tree, and bounds nothing. A condition alone, gotify's GORM `Where("messages.
  // application_id = applications.id")` after a join scoped elsewhere, is not judged so.)
  const joins = SEVERAL_TABLES.test(sql);
  if ((joins ? KEY_EQUALS_VALUE : KEY_EQUALS).test(sql)) return false;
  if ((joins ? CAMEL_KEY_EQUALS_VALUE : CAMEL_KEY_EQUALS).test(sql)) return false;
  // `WHERE operation IN :operations`, `id = ANY($1)`: as many rows as the list the caller gives; also with a
  // placeholder written in per item, `IN (${ids.map(() => "?").join(",")})`, `IN ({marks})`.
  if (/\bwhere\b.*?((?<!\bnot\s+)\bin\s*\(?\s*(:\w+|\?\d*|\$\d+|@\w+|%s|%\(\w+\)s)\s*\)?|(?<!\bnot\s+)\bin\s*\(\s*(?:\$\{|\{\w*\})|=\s*any\s*\(\s*(\$\d+|:\w+|\?|%s))/i.test(sql)) return false;
  // (The statement from its SELECT on: not a string's prefix, Python's `f'SELECT COUNT(*) …'`, rotki's.)
  const statement = sql.slice(select.index);
  if (/^select\s+(1|true|null)\b/i.test(statement)) return false; // existence checks
  // An aggregate, also with a default for no rows (`SELECT IFNULL(SUM(size), 0) FROM …`): one row.
  // (Grouped only inside a subquery, `SELECT EXISTS(… GROUP BY …)`, it is still one row.)
  if (/^select\s+(?:(?:ifnull|coalesce|isnull|nvl)\s*\(\s*)?(count|sum|avg|min|max|exists|total)\s*\(/i.test(statement) && !/\bgroup\s+by\b/i.test(outsideParentheses(sql))) return false;
  // …wherever it is in the list (redash's `SELECT 'queries' AS name, count(0) AS value FROM queries`): ungrouped, an
  // aggregate makes the answer one row. Not one of a subquery in the list, `(SELECT count(*) FROM x) AS n, t.*`.
  if (AGGREGATE_IN_LIST.test(sql) && !/\bgroup\s+by\b/i.test(outsideParentheses(sql)) && aggregatesTopLevel(sql)) return false;
  if (unique?.size && pinsUniqueKey(sql, unique)) return false;
  if (readsCatalogOnly(sql)) return false;
  return true;
}

const AGGREGATE_IN_LIST = /\b(?:count|sum|avg|min|max|total)\s*\(/i;

/** A statement that reads two tables or more: a JOIN, or a list in FROM (`from menu m1, menu m2`). */
const SEVERAL_TABLES = /\bjoin\b|\bfrom\s+["`[]?[\w.]+["`\]]?(?:\s+(?:as\s+)?(?!where\b)\w+)?\s*,/i;
/**
 * A key compared with a value: the row's own key or a natural key (`id`, `email`, `slug`…) with any, a foreign key
 * (`order_id`, `userId`) with anything but a constant. A parent's key equal to a constant (`WHERE parent_id = 0`,
 * mall-swarm's category tree, also `'0'`, `-1`) picks every root of a tree, not one parent's children; the row's own
 * key so (`id = 1`) is still one row. `…_VALUE`: and not equal to another table's column (see selectWithoutLimit).
 */
const KEY_AT = '\\b(\\w+["`\\]]?\\.["`[]?)?';
const OWN_KEY = '(?:id|uuid|pk|email|username|user_name|login|slug|key|token)["`\\]]?\\s*=';
// (A quoted string holding a placeholder, `'${req.params.id}'`, `'{uid}'`, `'#{id}'`, `'%s'`, is the caller's value.)
const NOT_CONSTANT = "(?!\\s*(?:[-+]?\\s*\\d+(?:\\.\\d+)?|'(?![^'\\n]*(?:[$#]?\\{|%s|\\?|:[A-Za-z_]))[^'\\n]*')(?![\\w.']))";
const NOT_COLUMN = '(?!\\s*["`[]?[a-z_]\\w*["`\\]]?\\.["`[]?[a-z_])';
const KEY_EQUALS = new RegExp(`\\bwhere\\b.*?${KEY_AT}(?:${OWN_KEY}|\\w+_id["\`\\]]?\\s*=${NOT_CONSTANT})`, 'i');
const KEY_EQUALS_VALUE = new RegExp(`\\bwhere\\b.*?${KEY_AT}(?:${OWN_KEY}|\\w+_id["\`\\]]?\\s*=${NOT_CONSTANT})${NOT_COLUMN}`, 'i');
const CAMEL_KEY_EQUALS = new RegExp(`\\b(?:where|WHERE|Where)\\b.*?${KEY_AT}[a-z]\\w*(?:Id|ID)["\`\\]]?\\s*=${NOT_CONSTANT}`);
const CAMEL_KEY_EQUALS_VALUE = new RegExp(`\\b(?:where|WHERE|Where)\\b.*?${KEY_AT}[a-z]\\w*(?:Id|ID)["\`\\]]?\\s*=${NOT_CONSTANT}${NOT_COLUMN.replace(/a-z_/g, 'a-zA-Z_')}`);

/** Whether the outer query's select list calls an aggregate itself, outside any subquery it holds. */
function aggregatesTopLevel(sql: string): boolean {
  // Calls' arguments first, innermost out, then the subqueries they leave: `(SELECT count[] FROM x)` goes whole.
  let text = sql;
  for (let round = 0; round < 20 && text.includes('('); round++) {
    // (An aggregate a call wraps, `COALESCE(SUM(size), 0)`, is kept as `[agg]`.)
    const next = text
      .replace(/\(\s*select\b[^()]*\)/gi, ' ')
      .replace(/\b(min|max)\s*\(([^()]*,[^()]*)\)/gi, 'scalar_$1[]')
      .replace(/\((?!\s*select\b)([^()]*)\)/gi, (_, inner: string) => (LIST_AGGREGATE.test(inner) ? '[agg]' : '[]'));
    if (next === text) break;
    text = next;
  }
  const list = /\bselect\s+([\s\S]*?)\bfrom\b/i.exec(text)?.[1] ?? '';
  return LIST_AGGREGATE.test(list);
}

/**
 * An aggregate call, not a window function's (`COUNT(*) OVER ()`, a value on each row) nor SQLite's two-value
 * `max(a, b)` (kept `[]`: see aggregatesTopLevel, which marks only one-argument calls so).
 */
const LIST_AGGREGATE = /\b(?:count|sum|avg|min|max|total)\s*\[(?:agg)?\](?!\s*over\b)|\[agg\](?!\s*over\b)/i;

/** The parts of a statement between its UNIONs (`UNION ALL`, `UNION DISTINCT`) outside parentheses; undefined if none. */
function unionBranches(sql: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // (A quoted string is skipped whole: `pay_type = 'UNION'`, `LIKE '%trade union%'`, and its brackets.)
  for (const m of sql.matchAll(/'[^'\n]*'|\bunion(?:\s+(?:all|distinct)\b)?|[()]/gi)) {
    if (m[0].startsWith("'")) continue;
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      out.push(sql.slice(start, m.index));
      start = m.index! + m[0].length;
    }
  }
  if (!out.length) return undefined;
  out.push(sql.slice(start));
  return out;
}

/** A UNION's branch without the parentheses it is written in whole (`(SELECT … LIMIT 5)`), else as it is. */
function withoutParentheses(branch: string): string {
  const text = branch.trim();
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text;
  }
  return text.slice(1, -1);
}

/** The SQL with what its parentheses hold taken out, nested too (subqueries, calls' arguments). */
function outsideParentheses(sql: string): string {
  let out = '';
  let depth = 0;
  for (const c of sql) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

/**
 * The database's own catalog (`information_schema.tables`, `pg_catalog.pg_class`, `pg_stat_activity`, `sqlite_master`,
 * SQLite's `pragma_page_count()`, MySQL's `mysql.*`, SQL Server's `sys.*`): as many rows as the schema has tables or
 * settings, not as the data grows (wakapi's database size query).
 */
const CATALOG = /^["`]?(?:information_schema\b|pg_catalog\b|pg_\w+|sqlite_(?:master|schema|sequence|temp_master)\b|pragma_\w+|mysql\.|sys\.)/i;

function readsCatalogOnly(sql: string): boolean {
  const sources: string[] = [];
  for (const m of sql.matchAll(/\bfrom\s+(.+?)(?=\bwhere\b|\bgroup\s+by\b|\border\s+by\b|\bhaving\b|\bunion\b|\bwindow\b|[;)]\s*$|$)/gi)) {
    // The sources of the FROM list and of its joins, by their first name: `a, b`, `a JOIN b ON …`.
    for (const part of m[1].split(/,|\bjoin\b/i)) sources.push(part.trim());
  }
  return sources.length > 0 && sources.every((source) => CATALOG.test(source));
}

/** Per table (lower case), its keys: each a list of columns that together name one row. */
export type UniqueKeys = Map<string, string[][]>;

const NAME = '["`\\[]?(\\w+)["`\\]]?';
const CREATE_TABLE = new RegExp(`\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?${NAME}\\s*\\(`, 'gi');
const UNIQUE_INDEX = new RegExp(`\\bcreate\\s+unique\\s+index\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?\\w+\\s+on\\s+(?:\\w+\\.)?${NAME}\\s*\\(([^)]*)\\)`, 'gi');

/**
 * The keys a schema written in the code declares (ntfy keeps its `CREATE TABLE` statements in the Go file that
 * queries them): a column's `PRIMARY KEY` or `UNIQUE`, a table's `PRIMARY KEY (a, b)` or `UNIQUE (a)`, and
 * `CREATE UNIQUE INDEX … ON t (a)`. A SELECT that pins all the columns of one returns at most one row.
 */
export function uniqueKeysOf(text: string): UniqueKeys {
  const out: UniqueKeys = new Map();
  const add = (table: string, columns: string[]) => {
    const key = columns.map((c) => c.trim().replace(/["`[\]]/g, '').split(/\s+/)[0].toLowerCase()).filter(Boolean);
    if (!key.length || key.some((c) => !/^\w+$/.test(c))) return;
    const keys = out.get(table.toLowerCase()) ?? [];
    keys.push(key);
    out.set(table.toLowerCase(), keys);
  };
  for (const m of text.matchAll(CREATE_TABLE)) {
    const body = balanced(text, m.index + m[0].length - 1);
    if (body === undefined) continue;
    for (const part of splitTopLevel(body)) {
      const def = part.trim();
      const constraint = /^(?:constraint\s+\w+\s+)?(?:primary\s+key|unique)\s*\(([^)]*)\)/i.exec(def);
      if (constraint) add(m[1], constraint[1].split(','));
      else if (/^["`[]?\w+["`\]]?\s+\w/.test(def) && /\b(primary\s+key|unique)\b/i.test(def)) add(m[1], [def]);
    }
  }
  for (const m of text.matchAll(UNIQUE_INDEX)) add(m[1], m[2].split(','));
  return out;
}

/** The text inside the parentheses opening at `open`, or undefined when they do not close. */
function balanced(text: string, open: number): string | undefined {
  let depth = 0;
  for (let k = open; k < text.length && k < open + 20_000; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return text.slice(open + 1, k);
  }
  return undefined;
}

/** A column list split on its own commas, not those inside `DECIMAL(10, 2)` or `CHECK (a IN (1, 2))`. */
function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < body.length; k++) {
    if (body[k] === '(') depth++;
    else if (body[k] === ')') depth--;
    else if (body[k] === ',' && depth === 0) {
      out.push(body.slice(from, k));
      from = k + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

/**
 * `SELECT … FROM user u … WHERE u.user = ?` with a unique key on user(user): every column of one key of the table
 * read from is given a value, and no OR lets other rows in.
 */
function pinsUniqueKey(sql: string, unique: UniqueKeys): boolean {
  const from = /\bfrom\s+(?:\w+\.)?["`[]?(\w+)["`\]]?(?:\s+(?:as\s+)?(?!where\b|join\b|left\b|inner\b|right\b|on\b|group\b|order\b)(\w+))?/i.exec(sql);
  const keys = from && unique.get(from[1].toLowerCase());
  const where = /\bwhere\b(.*?)(?:\bgroup\s+by\b|\border\s+by\b|\bhaving\b|$)/i.exec(sql)?.[1];
  if (!keys || !where || /\bor\b/i.test(where)) return false;
  const aliases = new Set([from[1].toLowerCase(), (from[2] ?? '').toLowerCase()]);
  const pinned = new Set<string>();
  for (const m of where.matchAll(/(?:["`[]?(\w+)["`\]]?\.)?["`[]?(\w+)["`\]]?\s*=\s*(?:\?|\$\d+|:\w+|@\w+|%s|'[^']*'|\d+\b)/g)) {
    if (m[1] === undefined || aliases.has(m[1].toLowerCase())) pinned.add(m[2].toLowerCase());
  }
  return keys.some((key) => key.every((c) => pinned.has(c)));
}

/** A call of the chain whose outermost call is `outer` is named `method` and given arguments matching `args`. */
/** What a keyword of `filter(…)` is given that names one object: a variable, `self.event`, `request.user`, `rows[0]`. */
const ONE_OBJECT = new Set(['identifier', 'attribute', 'subscript']);

/**
 * The keywords of a Django chain's `filter(…)` calls that may follow relations from its model to one object
 * (`Check.objects.filter(project=project)`, `filter(schedule__event=self.event)`): the join decides whether they do.
 */
function parentFilterOf(s: FileStructure, outer: number, call: CallInfo): ParentFilter | undefined {
  const model = call.chain[call.chain.indexOf('objects') - 1];
  if (!model || !/^[A-Z]/.test(model)) return undefined;
  const paths: string[] = [];
  const start = s.nodes[outer].start;
  for (let j = outer; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const c = s.calls.get(j);
    if (!c || c.chain[c.chain.length - 1] !== 'filter') continue;
    for (const a of s.argumentsOf(c)) {
      const name = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
      const value = a.childForFieldName('value');
      if (name && value && ONE_OBJECT.has(value.type)) paths.push(name);
    }
  }
  return paths.length ? { model, paths } : undefined;
}

function boundedByCallArgs(s: FileStructure, outer: number, rule: { method: string; args: string }): boolean {
  const method = new RegExp(`^(?:${rule.method})$`);
  const args = new RegExp(rule.args);
  const start = s.nodes[outer].start;
  for (let j = outer; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const call = s.calls.get(j);
    if (call && method.test(call.chain[call.chain.length - 1] ?? '') && args.test(s.argumentsText(call).trim())) return true;
  }
  return false;
}

/**
 * A call of the chain named `method` whose condition, first argument and a string, bounds a SELECT as its WHERE
 * (`Where("media_id = ?", obj.ID)`, `Where("id IN (?)", ids)`): the rules of selectWithoutLimit, read once.
 */
function boundedBySqlWhere(s: FileStructure, outer: number, method: string, unique: UniqueKeys | undefined): boolean {
  const name = new RegExp(`^(?:${method})$`);
  const start = s.nodes[outer].start;
  // `.Or(…)` widens what every condition before it narrowed.
  if (s.calls.get(outer)?.chain.includes('Or')) return false;
  for (let j = outer; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const call = s.calls.get(j);
    if (!call || !name.test(call.chain[call.chain.length - 1] ?? '')) continue;
    const [first, ...values] = s.argumentsOf(call);
    if (first && pinsKeyByLiteral(first.text)) return true;
    let condition = first ? conditionText(first) : undefined;
    if (condition === undefined) continue;
    // A subquery given for the placeholder (`Where("album_id IN (?)", tx.Select("album_id")…)`), or one a function
    // builds (`Where("user_id IN (?)", activeUserIds(DB))`), is no list of the caller's; a list a value's method gives
    // is (new-api's `Where("id IN ?", channelIds.Items())`), as is one of a function of the file declared to give a slice.
    if (values.some((v) => v.type === 'call_expression' && (GORM_BUILDING.test(v.text) || mayGiveSubquery(s, v)))) continue;
    // GORM's shorthand, a bare column and one value (`Where("user_id", id)`): `user_id = ?`.
    if (/^\s*[A-Za-z_][\w.]*\s*$/.test(condition) && values.length === 1) condition = `${condition.trim()} = ?`;
    if (!selectWithoutLimit(`SELECT * FROM t WHERE ${condition}`, unique)) return true;
  }
  return false;
}

/**
 * A bare function's call (`activeUserIds(DB)`), not a method of a value: it may build a subquery, unless a function of
 * the file by that name is declared to give a slice (`func requestedIds(c *gin.Context) []int`). Read once per file.
 */
function mayGiveSubquery(s: FileStructure, call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier') return false;
  const slices = s.memo('go.sliceResults', () => {
    const out = new Set<string>();
    for (const f of s.functions) {
      if (f.name && !f.owner && s.nodes[f.index].node.childForFieldName('result')?.type === 'slice_type') out.add(f.name);
    }
    return out;
  });
  return !slices.has(fn.text);
}

/** A call that builds a GORM query: `tx.Select("album_id").Where(…)`, `DB.Model(&T{})`, `db.Table("t")`. */
const GORM_BUILDING = /\.\s*(?:Model|Table|Select|Where|Raw|Distinct|Joins|Group|Having|Scopes|Unscoped|Session|Order|Limit|Offset)\s*\(/;

/**
 * The text of a condition written as a string, also as strings joined with names between them (new-api's
 * `Where(commonKeyCol+" IN ?", keys)`, the column kept in a variable for each dialect's quoting): each name as written.
 * Undefined for anything else (a call's result, a value formatted in).
 */
function conditionText(n: Node, inner = false): string | undefined {
  if (STRING_TYPES.has(n.type)) return n.text.slice(1, -1);
  // (A name alone is no condition written: `Where(cond, v)` says nothing of what `cond` holds.)
  if (inner && (n.type === 'identifier' || n.type === 'selector_expression')) return n.text;
  if (n.type !== 'binary_expression' || n.childForFieldName('operator')?.text !== '+') return undefined;
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  const a = left ? conditionText(left, true) : undefined;
  const b = right ? conditionText(right, true) : undefined;
  return a === undefined || b === undefined || !/["'`]/.test(n.text) ? undefined : a + b;
}

/**
 * A GORM condition given as a struct or a map that pins a key or a parent's key (wakapi's `Where(&models.Heartbeat{UserID:
 * user.ID})`, `Where(map[string]interface{}{"user_id": id})`): bounded as `Where("user_id = ?", id)` is. Its own fields
 * only (not a nested struct's), and not set to nothing (`nil`, `""`, `0`).
 */
function pinsKeyByLiteral(text: string): boolean {
  const open = /^&?\s*(?:[\w.]+|map\s*\[\s*string\s*\]\s*(?:interface\s*\{\s*\}|any))\s*\{/.exec(text);
  if (!open || !text.endsWith('}')) return false;
  let inner = text.slice(open[0].length, -1);
  for (let was = ''; was !== inner; ) [was, inner] = [inner, inner.replace(/\{[^{}]*\}/g, '')];
  const value = '\\s*:(?!\\s*(?:nil\\b|""|0\\b))\\s*[^,\\s]';
  return new RegExp(`(?:^|,)\\s*(?:(?:ID|UUID|[A-Z]\\w*(?:ID|Id)|Slug|Email|Username)|"(?:id|uuid|slug|email|username|\\w+_id)")${value}`).test(inner);
}

/**
 * Go: `Find(&doc)` into a value the function declares a slice (`var doc []SysTables`, `doc := []T{}`, `make([]T, 0)`):
 * every row, whatever its name says (go-admin's `doc`, `data`).
 */
function intoGoSlice(s: FileStructure, i: number, argsText: string): boolean {
  const name = /^\(?\s*&(\w+)\s*\)?$/.exec(argsText.trim())?.[1];
  const f = s.functionOf[i];
  if (!name || f < 0) return false;
  const fn = s.nodes[s.functions[f].index];
  const body = s.text.slice(fn.start, s.nodes[i].start);
  return new RegExp(`\\bvar\\s+${name}\\s+\\[\\]|(?:^|[\\s;(])${name}\\s*:?=\\s*(?:make\\(\\s*)?\\[\\]`).test(body);
}

/** The outermost call of a chain this call starts (`X.find({}).sort().limit(10)`), and whether it is indexed. */
function outermostChain(s: FileStructure, i: number): { chain: string[]; index: number; subscripted: boolean } {
  const index = outermostCall(s, i);
  const after = s.text.slice(s.nodes[index].end, s.nodes[index].end + 2).trimStart();
  return { chain: s.calls.get(index)!.chain, index, subscripted: after.startsWith('[') };
}

/** The methods of a query builder (knex, Drizzle) that take another query, or a callback building one, as part of theirs. */
const SUBQUERY_HOSTS =
  /^(?:with|withRecursive|withMaterialized|union|unionAll|intersect|except|from|join|innerJoin|leftJoin|rightJoin|fullJoin|fullOuterJoin|leftOuterJoin|rightOuterJoin|crossJoin|where\w*|andWhere\w*|orWhere\w*|having\w*|on|andOn|orOn|select|inArray|notInArray|exists|notExists|as)$/;

/** The chain is what its function returns, unawaited, and that function is declared to return a query builder. */
function returnsBuilder(chain: Node): boolean {
  const ret = chain.parent;
  if (ret?.type !== 'return_statement') return false;
  let fn: Node | null = ret.parent;
  while (fn && fn.type !== 'method_definition' && fn.type !== 'function_declaration' && fn.type !== 'function_expression' && fn.type !== 'arrow_function') fn = fn.parent;
  const annotation = fn?.childForFieldName('return_type')?.text ?? '';
  return BUILDER_TYPE.test(annotation);
}

/** A return annotation naming a query builder: knex's `Knex.QueryBuilder`, TypeORM's `SelectQueryBuilder<T>`. */
const BUILDER_TYPE = /^:\s*(?:[\w$]+\.)?(?:\w*QueryBuilder|QB)\b(?![^<]*\[\])/;

/**
 * Methods that take a raw fragment among their values or as their SQL text (teable's `.update({ [col]: knex.raw(…) })`,
 * `builder.orderByRaw(orderByColumn)`, `countDistinct(groupByColumn)`, a raw given as another raw's binding): the
 * fragment is part of their statement.
 */
const RAW_HOSTS = /^(?:\w+Raw|raw|update|insert|upsert|merge|returning|orderBy|groupBy|column|columns|distinct|first|pluck|count\w*|min|max|sum\w*|avg\w*)$/;
/** An array's methods whose callback's result is collected (`ids.map((id) => knex.select(…))`): the array decides. */
const COLLECTORS = /^(?:map|flatMap)$/;
/** Where a chain's own function ends: nothing above it decides whether the chain runs. */
const FUNCTION_TYPES = new Set(['function_declaration', 'method_definition', 'class_body']);

/**
 * The query builder is written in the arguments of another one's method (Unleash's `.whereNotIn('feature_name',
 * this.db.select('name').from('features'))`, `.union((db) => { db.select(…).from(…) })`, Drizzle's `inArray(t.id,
 * db.select(…).from(…))`): a subquery of that query, not a query of its own. Also one made per item into an array
 * given to one (teable's `knex.unionAll(ids.map((id) => knex.select({ id: knex.raw('?', id) })))`), and one kept
 * in a variable that is only given to such methods or turned into SQL (`const order = knex.raw(…)`, then
 * `qb.orderByRaw(order)`; `const parts = ids.map(…)`, then `knex.unionAll(parts)`): knex sends a builder only
 * when it is awaited or `then`'d.
 */
export function subqueryOfAnother(node: Node, raw = rawFragment(node), held = 0): boolean {
  let n: Node | null = node.parent;
  let from: Node = node;
  for (let depth = 0; n && depth < 16; depth++, from = n, n = n.parent) {
    // Awaited where it is written: sent there, whatever it is then given to.
    if (n.type === 'await_expression') return false;
    if (n.type === 'arguments') {
      const host = n.parent;
      const fn = host?.type === 'call_expression' ? host.childForFieldName('function') : null;
      const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text;
      if (!name || !host) return false;
      if (SUBQUERY_HOSTS.test(name) || (raw && RAW_HOSTS.test(name))) return true;
      // The callback's results are the array's elements: where the array goes decides (not a builder the callback
      // only runs, `ids.map(async (id) => { await knex(…) })`, which stops at its await).
      if (!COLLECTORS.test(name) || (from.type !== 'arrow_function' && from.type !== 'function_expression')) return false;
      n = host;
      continue;
    }
    if (n.type === 'variable_declarator' && n.childForFieldName('value')?.id === from.id) return held < 2 && onlyBuiltOn(n, raw, held + 1);
    // Inside a callback: the arguments it is given in decide; inside any other function, nothing above does.
    if (FUNCTION_TYPES.has(n.type)) return false;
  }
  return false;
}

/** A knex raw fragment: `knex.raw(…)`, `this.knex.raw(…)`, `db.raw(…)`. */
function rawFragment(node: Node): boolean {
  const fn = node.type === 'call_expression' ? node.childForFieldName('function') : null;
  return fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'raw';
}

/**
 * `const name = …builder…`: every later use of the name in its function is given to another builder's method, or turned
 * into SQL (`name.toQuery()`). Not when it is never used, nor used any other way (awaited, returned, built on).
 */
function onlyBuiltOn(declarator: Node, raw: boolean, held: number): boolean {
  const id = declarator.childForFieldName('name');
  if (id?.type !== 'identifier') return false;
  let scope: Node | null = declarator.parent;
  while (scope && !['statement_block', 'program'].includes(scope.type)) scope = scope.parent;
  if (!scope) return false;
  const text = scope.text;
  const base = scope.startIndex;
  const word = new RegExp(`(?<![\\w$.])${id.text.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  let uses = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const at = base + m.index;
    if (at < declarator.endIndex) continue;
    const use = scope.descendantForIndex(at, at + id.text.length);
    if (!use || use.type !== 'identifier' || use.text !== id.text) continue;
    uses++;
    const parent = use.parent;
    if (parent?.type === 'member_expression' && parent.childForFieldName('object')?.id === use.id && BUILT_ONLY_METHODS.test(parent.childForFieldName('property')?.text ?? '') && parent.parent?.type === 'call_expression') continue;
    if (!subqueryOfAnother(use, raw, held)) return false;
  }
  return uses > 0;
}

/** What turns a knex builder into its SQL text without sending it. */
const BUILT_ONLY_METHODS = /^(?:toQuery|toSQL|toString|toNative)$/;

/** Calls that read one row (or value) of what they run, whatever the SQL says (RedBeanNode's `R.getRow`, `R.getCell`). */
const ONE_ROW = /^(?:queryForObject|queryForMap|queryForLong|queryForInt|getSingleResult|uniqueResult|fetchrow|fetchval|fetchone|fetch_one|QueryRow|QueryRowContext|QueryRowx|QueryRowxContext|Get|GetContext|getRow|getCell)$/;
/** What bounds a statement kept in a variable before it runs: JPA's `setMaxResults`, Hibernate's, jOOQ's `limit`. */
const PAGED_LATER = /^(?:setMaxResults|setFetchSize|getSingleResult|uniqueResult|setFirstResult)$/;

/**
 * A SELECT whose call reads one row (`jdbcTemplate.queryForObject("… WHERE name = :name")`, Go's `QueryRow`), or
 * whose statement is paged before it runs (`Query q = em.createQuery("SELECT …"); q.setMaxResults(size)`, or
 * chained: `em.createQuery(…).setMaxResults(20).getResultList()`): not every row.
 */
function oneRowOrPaged(s: FileStructure, i: number, call: CallInfo): boolean {
  // (`get` only as the query's own method, node-sqlite3's `db.get(sql)`, better-sqlite3's `prepare(sql).get()`: later in
  // the chain it takes an item of the rows already read, `queryForList(…).get(0)`, or waits for them, `future.get()`.)
  const last = call.chain[call.chain.length - 1] ?? '';
  if (last === 'get' || ONE_ROW.test(last)) return true;
  const outer = outermostChain(s, i);
  if (outer.chain.slice(call.chain.length).some((m) => PAGED_LATER.test(m) || ONE_ROW.test(m))) return true;
  const start = s.nodes[i].start;
  const lineBefore = s.text.slice(s.text.lastIndexOf('\n', start - 1) + 1, start);
  const f = s.functionOf[i];
  const end = f >= 0 ? s.spanOfFunction(f).end : s.span.end;
  if (s.spec.family === 'go') {
    // `rows, err := db.Query(…)` then only `if !rows.Next() { … }`, never a loop over them (ntfy's message lookup by
    // id, then `readMessage(rows)` of the row it stands on): the first row is read, and no other.
    const rows = /(?:^|[\s(])([A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)?:?=\s*$/.exec(lineBefore)?.[1];
    if (rows && rows !== '_') {
      const after = s.text.slice(s.nodes[i].end, end);
      if (new RegExp(`\\bif\\s+!?${rows}\\.Next\\(\\)`).test(after) && !new RegExp(`\\bfor\\s+${rows}\\.Next\\(\\)`).test(after)) return true;
    }
  }
  const holder = /(?:^|[\s(])([A-Za-z_$][\w$]*)\s*=\s*$/.exec(lineBefore)?.[1];
  // A DB-API cursor (or the result kept) whose next use reads one row of this execute (rotki's `cursor.execute('SELECT
  // … WHERE name=?', …)` then `if (result := cursor.fetchone()) is None:`), as `cursor.execute(…).fetchone()` does.
  if (s.spec.family === 'python' && fetchedOneNext(s, i, end, holder)) return true;
  if (!holder) return false;
  return new RegExp(`(?<![\\w$.])${holder.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:setMaxResults|setFirstResult|getSingleResult|uniqueResult)\\s*\\(`).test(s.text.slice(s.nodes[i].end, end));
}

/**
 * A Python `X.execute(…)` whose cursor `X` (or the name its result is kept in) is next used, before the function ends,
 * to read one row: `X.fetchone()`. Any other next use (`fetchall()`, iterating it, another `execute`) reads its own way.
 */
function fetchedOneNext(s: FileStructure, i: number, end: number, holder: string | undefined): boolean {
  const fn = s.nodes[i].node.childForFieldName('function');
  if (fn?.type !== 'attribute' || !/^execute$/.test(fn.childForFieldName('attribute')?.text ?? '')) return false;
  const receiver = fn.childForFieldName('object')?.text ?? '';
  const after = s.text.slice(s.nodes[i].end, end);
  for (const name of [receiver, holder]) {
    if (!name || !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(name)) continue;
    const word = new RegExp(`(?<![\\w.])${name.replace(/\./g, '\\.')}(?!\\w)`, 'g');
    const use = word.exec(after);
    if (!use || !/^\s*\.\s*fetchone\s*\(/.test(after.slice(use.index + use[0].length))) continue;
    // The only read of this execute: no other use (a second fetchone, fetchall, iteration) before the cursor's next
    // execute or the function's end (`row = cursor.fetchone()` then `while row is not None: … row = cursor.fetchone()`
    // reads every row), and not read again and again by a loop that does not run the execute too.
    let other = false;
    for (let m = word.exec(after); m; m = word.exec(after)) {
      const rest = after.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (/^\s*\.\s*execute(?:many)?\s*\(/.test(rest)) break;
      if (/^\s*\.\s*close\s*\(/.test(rest)) continue;
      other = true;
      break;
    }
    if (!other && !inLoopWithout(s.nodes[i].node, s.nodes[i].end + use.index)) return true;
  }
  return false;
}

/** The node at `at` is in a loop (below the function of `from`) that `from` is not in. */
function inLoopWithout(from: Node, at: number): boolean {
  let fn: Node | null = from.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'module') fn = fn.parent;
  for (let n: Node | null = fn?.descendantForIndex(at, at) ?? null; n && n.id !== fn?.id; n = n.parent) {
    if ((n.type === 'while_statement' || n.type === 'for_statement') && !(n.startIndex <= from.startIndex && from.endIndex <= n.endIndex)) return true;
  }
  return false;
}

/**
 * The methods called on a chain's result past the parentheses it is written in, which end its text: plane's
 * `issue = (Issue.objects.filter(…)\n.annotate(…)\n).first()` reads one row.
 */
function methodsAfterParentheses(expr: Node): string[] {
  const out: string[] = [];
  let node = expr;
  let parent: Node | null = node.parent;
  if (parent?.type !== 'parenthesized_expression') return out;
  for (;;) {
    while (parent?.type === 'parenthesized_expression') {
      node = parent;
      parent = parent.parent;
    }
    if (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === node.id) {
      out.push('[slice]');
      return out;
    }
    const member = parent?.type === 'attribute' ? 'attribute' : parent?.type === 'member_expression' ? 'property' : undefined;
    if (!member || parent!.childForFieldName('object')?.id !== node.id) return out;
    const name = parent!.childForFieldName(member)?.text;
    const call: Node | null = parent!.parent;
    if (!name || (call?.type !== 'call' && call?.type !== 'call_expression')) return out;
    out.push(name);
    node = call;
    parent = call.parent;
  }
}

/** `return X.objects.filter(…)` in a function: the chain is what the function returns, not yet run. */
function returnedUnread(expr: Node): boolean {
  let parent = expr.parent;
  while (parent?.type === 'parenthesized_expression') parent = parent.parent;
  return parent?.type === 'return_statement';
}

/** Functions given a queryset that make a query or one row of it, not a list: the caller reads no table whole. */
const QUERY_CONSUMER = /^(get_object_or_404|Subquery|Exists|Prefetch|OuterRef|union|intersection|difference)$/;

/**
 * A builder assigned to a variable without `await` that a later statement of the function bounds (`qb = qb.where(…)`),
 * on every path; one bounded only under an `if` is noted in `partly`, as a bound before the call would be.
 */
function boundedLater(s: FileStructure, expr: Node, bounds: string, partly: Partly): boolean {
  const parent = expr.parent;
  const name =
    parent?.type === 'variable_declarator' && parent.childForFieldName('value')?.id === expr.id
      ? parent.childForFieldName('name')?.text
      : parent?.type === 'assignment_expression' && parent.childForFieldName('right')?.id === expr.id
        ? parent.childForFieldName('left')?.text
        : undefined;
  if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  let fn: Node | null = parent;
  while (fn && !s.spec.functionTypes.includes(fn.type)) fn = fn.parent;
  const from = expr.endIndex;
  const after = s.text.slice(from, fn ? fn.endIndex : s.text.length);
  // `qb.where(…)`, `qb = qb.orderBy(…).limit(n)`: a bounding method along a chain that starts at the variable.
  const chained = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\??\\.(?:[^;]*?\\.)?\\s*(?:${bounds})\\s*\\(`, 'g');
  const method = new RegExp(`\\.\\s*(?:${bounds})\\s*\\(`);
  for (const m of after.matchAll(chained)) {
    const condition = onlySometimes(s, from + m.index!, expr.startIndex, method);
    if (condition === undefined) return true;
    if (partly.condition === undefined && condition) partly.condition = condition;
  }
  return false;
}

function assignedOrPaginated(expr: Node, s: FileStructure): boolean {
  const at = querysetHeld(expr, s);
  const parent = at.parent;
  return !!parent && keptOrPaginated(at, parent, s);
}

/** The expression that holds a queryset written as `expr` as a queryset still, up to where it is kept or read. */
function querysetHeld(expr: Node, s: FileStructure): Node {
  let parent = expr.parent;
  // `variants = (X.objects.filter(…).values("id"))`, a chain written over several lines in parentheses; also one of
  // the values of a conditional expression (`groups = X.objects.filter(…) if allowed else []`), not its condition,
  // and what a lazy method makes of that (paperless-ngx's `(X.objects.all() if ok else X.objects.filter(…)).filter(…)`);
  // or the default a mapping's `get` gives back (`self.context.get("queryset", X.objects.all())`).
  let at: Node = expr;
  while (parent) {
    let next: Node | null | undefined;
    if (parent.type === 'parenthesized_expression' || (parent.type === 'conditional_expression' && parent.namedChildren[1]?.id !== at.id)) next = parent;
    else if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === at.id && parent.parent?.type === 'call' && LAZY_METHODS.test(parent.childForFieldName('attribute')?.text ?? '')) next = parent.parent;
    else if (parent.type === 'argument_list' && parent.namedChildren.length === 2 && parent.namedChildren[1]?.id === at.id && /\.(?:get|pop|setdefault)$/.test(parent.parent?.childForFieldName('function')?.text ?? '')) next = parent.parent;
    // …or what a helper makes of it that is given as a queryset (baserow's `Prefetch("field_set", queryset=
    // specific_queryset(Field.objects.all()))`): a queryset still, which that parameter takes unrun.
    else if (parent.type === 'argument_list' && parent.namedChildren[0]?.id === at.id && querysetArgument(parent.parent)) next = parent.parent;
    // …or what a helper named or declared to make a queryset makes of it (baserow's `CoreHandler().filter_queryset(user,
    // op, Element.objects.all(), workspace=…)`, imported, declared `-> QuerySet`): narrowed, not run, and what the
    // caller does with that result decides, as it would with a lazy method's.
    else if (parent.type === 'argument_list' && parent.parent?.type === 'call' && s.memo(`makes:${parent.parent.childForFieldName('function')?.text}`, () => querysetHelper(parent!.parent!, s.text))) next = parent.parent;
    if (!next) break;
    at = next;
    parent = next.parent;
  }
  return at;
}

/**
 * How a function reads the Django queryset it keeps in a local variable (`qs = X.objects.filter(…)`), judged by the
 * variable's later uses in that function, through the lazy methods it is refined with (plane's `cycles =
 * cycles.filter(…)` under an `if`, then `return cycles.order_by(…).values(…)`): 'whole' when some use reads every row
 * (iterated, `list(qs)`, `len(qs)`, `Serializer(qs, many=True)`), 'returned' when it is handed back shaped by
 * `.values(…)` (its callers decide, as for `return X.objects…`), 'bounded' when none does or some use pages or slices it (`qs[:n]`,
 * `paginate(qs)`, `qs = qs.filter(pk=…)`), and what is only counted, tested, read a row of or passed elsewhere says
 * nothing. Undefined for a queryset not kept in a local variable of a function.
 */
function readLater(s: FileStructure, expr: Node, list: ListRule, partly: Partly): 'whole' | 'returned' | 'bounded' | undefined {
  const held = querysetHeld(expr, s);
  const assignment = held.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== held.id) return undefined;
  const name = assignment.childForFieldName('left');
  if (name?.type !== 'identifier') return undefined;
  let fn: Node | null = assignment.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'class_definition') fn = fn.parent;
  if (fn?.type !== 'function_definition') return undefined;
  const bounds = new RegExp(`^(?:${list.boundedByChain ?? '\\[slice\\]'})$`);
  const narrowing = list.boundedByCallArgs ? new RegExp(list.boundedByCallArgs.args) : undefined;
  const listed = list.boundedByStatement ? new RegExp(list.boundedByStatement) : undefined;
  const uses = new RegExp(`(?<![\\w.])${name.text}\\b`, 'g');
  // (What pages or narrows it in both branches of an `if`/`else`.)
  const paging = new RegExp(`\\b${name.text}\\s*=\\s*\\(?\\s*${name.text}\\b[^\\n]*(?:\\[[^\\]\\n]*:|\\.filter\\(\\s*(?:pk|id|\\w+_id)\\s*=)|paginat\\w*\\([^)]*\\b${name.text}\\b`);
  const from = assignment.endIndex;
  const body = s.text.slice(from, fn.endIndex);
  let whole = false;
  let returned = false;
  for (const m of body.matchAll(uses)) {
    const use = s.tree.rootNode.descendantForIndex(from + m.index, from + m.index + name.text.length);
    if (!use || use.type !== 'identifier' || use.text !== name.text) continue;
    const parent = use.parent;
    // Bound to something else (`qs = other`): what follows is not this queryset.
    // Only `qs = qs.filter(…)` (its lazy methods, a slice) keeps it the queryset followed here; through a call,
    // `qs = limited(qs, request)` (a helper that slices it), or anything else, it is another value: nothing more said.
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === use.id) {
      if (!refinedFrom(parent.childForFieldName('right'), name.text)) break;
      continue;
    }
    // Bound again with others, `qs, total = apply_page(qs, request)`: another value from here on.
    if (inAssignedPattern(use)) break;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === use.id) continue;
    // A parameter of the same name, plane's `on_results=lambda exporter_history: S(exporter_history, many=True).data`.
    if (shadowed(use, name.text, fn)) continue;
    // Up the lazy methods it is refined with, to a method that bounds what it reads: one that pages it (`[a:b]`,
    // `.paginate(…)`, or a filter by key kept as the queryset, `qs = qs.filter(pk=pk)`) bounds every read; one that
    // reads a row or a number (`.count()`, `.first()`, `qs[0]`) only itself.
    let at: Node = use;
    let bounded: 'read' | 'paged' | 'narrowed' | undefined;
    let shaped = false;
    for (;;) {
      const up = at.parent;
      if (up?.type === 'parenthesized_expression') {
        at = up;
        continue;
      }
      if (up?.type === 'subscript' && up.childForFieldName('value')?.id === at.id) {
        bounded = up.namedChildren.some((c) => c?.type === 'slice') ? 'paged' : 'read';
        break;
      }
      const method = up?.type === 'attribute' && up.childForFieldName('object')?.id === at.id ? up.childForFieldName('attribute')?.text : undefined;
      const call = up?.parent;
      if (!method || call?.type !== 'call' || call.childForFieldName('function')?.id !== up!.id) break;
      const args = call.childForFieldName('arguments')?.text.slice(1, -1).trim() ?? '';
      if (/^paginat/.test(method)) bounded = 'paged';
      else if (bounds.test(method)) bounded = 'read';
      else if ((method === list.boundedByCallArgs?.method && narrowing?.test(args)) || (method === 'filter' && listed?.test(args))) bounded = 'narrowed';
      if (bounded) {
        at = call;
        break;
      }
      if (!LAZY_METHODS.test(method)) break;
      if (method === 'values') shaped = true;
      at = call;
    }
    if (bounded === 'paged' || (bounded === 'narrowed' && at.parent?.type === 'assignment' && at.parent.childForFieldName('left')?.text === name.text)) {
      // …on every path; one under an `if` only (plane's `if workspace_search == "false" and project_id: cycles =
      // cycles.filter(project_id=project_id)`) leaves the others reading every row, as for knex's (boundedLater).
      const condition = onlySometimes(s, use.startIndex, held.startIndex, paging);
      if (condition === undefined) return 'bounded';
      if (partly.condition === undefined && condition) partly.condition = condition;
    }
    if (bounded) continue;
    const where = at.parent;
    // Given to what pages it, by position or by keyword (plane's `self.paginate(request=request, queryset=qs, …)`).
    const given = where?.type === 'keyword_argument' ? where.parent : where;
    if (given?.type === 'argument_list' && /paginat|Paginator/i.test(given.parent?.childForFieldName('function')?.text ?? '')) return 'bounded';
    if (where?.type === 'argument_list') {
      const callee = where.parent?.childForFieldName('function')?.text ?? '';
      const first = where.namedChildren[0]?.id === at.id;
      if (first && /^(?:list|tuple|set|sorted|len)$/.test(callee)) whole = true;
      else if (first && /Serializer$|(?:^|\.)get_serializer$/.test(callee) && /\bmany\s*=\s*True\b/.test(where.text)) whole = true;
      continue;
    }
    if ((where?.type === 'for_statement' || where?.type === 'for_in_clause') && where.childForFieldName('right')?.id === at.id) whole = true;
    // Returned shaped into rows for a response (plane's `return cycles.order_by(…).values(…)`); a queryset returned as
    // it is may be a helper's, its caller's to narrow or page, like one passed elsewhere.
    else if (where?.type === 'return_statement' && shaped && fn.childForFieldName('name')?.text !== 'get_queryset' && !makesQueryset(fn)) returned = true;
  }
  return whole ? 'whole' : returned ? 'returned' : 'bounded';
}

/**
 * `qs.filter(…).order_by(…)`, `qs[:n]`, `(qs.filter(…) if x else qs)`: the queryset held in `name` refined by its lazy
 * methods or sliced, still that queryset.
 */
function refinedFrom(node: Node | null, name: string): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'identifier':
      return node.text === name;
    case 'parenthesized_expression':
      return node.namedChildren.length === 1 && refinedFrom(node.namedChildren[0], name);
    case 'subscript':
      return refinedFrom(node.childForFieldName('value'), name);
    case 'conditional_expression': {
      // (`a if cond else b`: the values, not the condition.)
      const [a, , b] = node.namedChildren;
      return refinedFrom(a, name) && refinedFrom(b, name);
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      return fn?.type === 'attribute' && LAZY_METHODS.test(fn.childForFieldName('attribute')?.text ?? '') && refinedFrom(fn.childForFieldName('object'), name);
    }
    default:
      return false;
  }
}

/** A name among others bound by an assignment's left side, `qs, total = …`. */
function inAssignedPattern(use: Node): boolean {
  let at: Node = use;
  for (let up = use.parent; up; at = up, up = up.parent) {
    if (up.type === 'pattern_list' || up.type === 'tuple_pattern' || up.type === 'list_pattern' || up.type === 'parenthesized_expression') continue;
    return at.id !== use.id && up.type === 'assignment' && up.childForFieldName('left')?.id === at.id;
  }
  return false;
}

/** A use of `name` inside a lambda or a function, within `fn`, that takes a parameter of that name: another variable. */
function shadowed(use: Node, name: string, fn: Node): boolean {
  for (let n = use.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'lambda' && n.type !== 'function_definition') continue;
    const params = n.childForFieldName('parameters');
    if (params && new RegExp(`(?<![\\w.])${name}\\b`).test(params.text)) return true;
  }
  return false;
}

function keptOrPaginated(at: Node, parent: Node, s: FileStructure): boolean {
  if (parent.type === 'assignment' || parent.type === 'keyword_argument' || parent.type === 'subscript') return true;
  // Kept in a mapping by `setdefault` (nautobot's filter `kwargs.setdefault("queryset", X.objects.all())`), as
  // `kwargs["queryset"] = …` or `queryset=…` would give it: the queryset, not its rows.
  if (parent.type === 'expression_statement' && at.type === 'call' && /\.setdefault$/.test(at.childForFieldName('function')?.text ?? '')) return true;
  if (parent.type === 'argument_list') {
    // Given to what pages it, or to what makes a query or one row of it: `get_object_or_404(Dashboard.objects.all(),
    // user=u)`, `Subquery(…)`, `Prefetch(…)`, a manager's own method (netbox's `X.objects.add_related_count(X.objects.all(), …)`).
    const callee = parent.parent?.childForFieldName('function')?.text ?? '';
    if (/Paginator|paginate/.test(callee) || QUERY_CONSUMER.test(callee.split('.').pop() ?? '') || /\.objects\.\w+$/.test(callee)) return true;
    // …or to a helper of this file that narrows or counts it (DefectDojo's `_filter_by_authorized_products(
    // Engagement.objects.all(), …)`, plane's `self.get_filtered_counts(qs)`): run there, filtered or counted.
    // (A bare name is a function of the module, not a builtin nor a method of that name: `list(X.objects.all())`.)
    const helper = /^(self\.)?([a-z_]\w*)$/.exec(callee);
    if (!helper) return false;
    // (The parameter the queryset is bound to: by its keyword, or by its position.)
    const keyword = at.parent?.type === 'keyword_argument' ? at.parent.childForFieldName('name')?.text : undefined;
    const position = keyword === undefined ? parent.namedChildren.findIndex((a) => a?.id === at.id) : -1;
    return s.memo(`narrows:${callee}:${keyword ?? position}`, () => narrowsQueryset(s.text, helper[2], !!helper[1], keyword ?? position));
  }
  // `def get_queryset(self): return X.objects.filter(…)`: the method form of a view's `queryset = …`, which the
  // generic view slices into pages when the project configures pagination (not visible here). A function declared to
  // return a queryset (`-> QuerySet[App]`, `-> ProductsQueryset`) or named for one (`user_qs_select_for_update`,
  // saleor's lock helpers) hands its caller a query to finish: filtered, sliced or paged there, not read here.
  if (parent.type === 'return_statement') {
    let fn: Node | null = parent.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    return fn?.childForFieldName('name')?.text === 'get_queryset' || makesQueryset(fn);
  }
  return false;
}

/** A call whose result is given as a keyword argument named for a queryset (`queryset=…`, `base_queryset=…`). */
function querysetArgument(call: Node | null): boolean {
  const kw = call?.type === 'call' ? call.parent : null;
  return kw?.type === 'keyword_argument' && kw.childForFieldName('value')?.id === call!.id && /^(?:\w+_)?queryset$/.test(kw.childForFieldName('name')?.text ?? '');
}

/**
 * A helper named for the queryset it makes of what it is given (`filter_queryset`, `specific_queryset`,
 * `enhance_queryset`), wherever it is written, or a function or a method of this file declared to return one
 * (`def visible(self, qs) -> QuerySet:`). Not one named for what it does with the rows (`serialize_queryset`,
 * `export_queryset`, `delete_queryset`), which runs the query.
 */
function querysetHelper(call: Node, text: string): boolean {
  const callee = call.childForFieldName('function')?.text ?? '';
  const name = /(?:^|\.)([A-Za-z_]\w*)$/.exec(callee)?.[1];
  if (!name) return false;
  if (/[a-z0-9]_queryset$/i.test(name)) return !/^_?(?:serializ|export|dump|iterat|process|delete|update|render|print|log|write|save|send|count|bulk|paginat)/i.test(name);
  // (Declared here: `def name(…) -> QuerySet[X]:`, `-> "QuerySet"`, `-> ProductsQueryset`.)
  const def = new RegExp(`^[ \\t]*(?:async\\s+)?def\\s+${name}\\s*\\([^)]*\\)\\s*->\\s*([^:\\n]+):`, 'm').exec(text);
  return !!def && /Query[sS]et\b/.test(def[1]) && (callee === name || /^self\.\w+$/.test(callee) || /^cls\.\w+$/.test(callee));
}

/**
 * A queryset of which only an attribute that runs nothing is read: nautobot's `X.objects.all().model` (its model
 * class), `.query` (its SQL, built, not sent), `.db` (the database alias).
 */
function attributeReadOnly(expr: Node): boolean {
  let at = expr;
  while (at.parent?.type === 'parenthesized_expression') at = at.parent;
  const parent = at.parent;
  return parent?.type === 'attribute' && parent.childForFieldName('object')?.id === at.id && /^(?:model|query|db)$/.test(parent.childForFieldName('attribute')?.text ?? '') && parent.parent?.type !== 'call';
}

/**
 * A function of the module (`def name(`), or a method of a class of the file, whose body filters, counts, slices or
 * pages what it is given, and does not iterate over it: the queryset handed to it is finished there.
 */
function narrowsQueryset(text: string, name: string, method: boolean, param: string | number): boolean {
  const def = new RegExp(`^(${method ? '[ \\t]+' : ''})(?:async\\s+)?def\\s+${name}\\s*\\(([^)]*)\\)`, 'm').exec(text);
  if (!def) return false;
  // The parameter it is given as (a method's `self` is no argument).
  const params = def[2].split(',').map((p) => p.trim().split(/[:=\s]/)[0]).filter((p) => p && !p.startsWith('*'));
  if (method && params[0] === 'self') params.shift();
  const p = typeof param === 'string' ? (params.includes(param) ? param : undefined) : params[param];
  if (!p || !/^\w+$/.test(p)) return false;
  const from = def.index + def[0].length;
  // The body: up to the next line indented no deeper than the `def`.
  const end = new RegExp(`\\n${def[1]}(?=\\S)`, 'g');
  end.lastIndex = from;
  const next = end.exec(text);
  const body = text.slice(from, next ? next.index : text.length);
  // That parameter narrowed, counted, sliced or paged; not iterated, listed, serialised or handed back whole.
  // (Also along a chain of its lazy methods first: saleor's `qs.order_by("?").first()`.)
  const narrowed = new RegExp(`\\b${p}(?:\\s*\\.\\s*\\w+\\([^()\\n]*\\))*\\s*\\.\\s*(?:filter|exclude|count|exists|first|last|aggregate|in_bulk|values_list|get)\\s*\\(|\\b${p}\\s*\\[\\s*[\\w.-]*\\s*:|paginat\\w*\\([^)]*\\b${p}\\b`);
  const whole = new RegExp(`\\bfor\\s+[\\w, ]+\\s+in\\s+${p}\\b|\\b(?:list|tuple|set|sorted|len)\\(\\s*${p}\\s*\\)|serializ\\w*\\([^)]*\\b${p}\\b|\\breturn\\s+${p}\\s*$`, 'm');
  return narrowed.test(body) && !whole.test(body);
}

const UNPAGED_BECAUSE = {
  'drf-settings': "DRF's list action returns it whole (the view sets no `pagination_class`, the REST_FRAMEWORK settings no `DEFAULT_PAGINATION_CLASS`)",
  'drf-off': "DRF's list action returns it whole (the view sets `pagination_class = None`)",
  'drf-own-list': "the view's own `list()` returns it whole (it reads `self.get_queryset()` without `self.paginate_queryset()`)",
  'list-view': 'ListView renders it whole (the view sets no `paginate_by`)',
} as const;

/**
 * `unbounded-query` on a view class's queryset (`queryset = Product.objects.all()`) that a list route returns with
 * no pagination (routes/viewListQueries.ts decides; the join gives it its routes).
 */
/**
 * The ParentFilter of a Django queryset written as text (a view class's `UserConfig.objects.filter(user=self.request.user)`,
 * whose list route returns it whole): its model and the keywords of its `filter(…)` calls given a name or an attribute.
 */
export function parentFilterOfText(text: string): ParentFilter | undefined {
  const model = /^\s*([A-Z]\w*)\.objects\./.exec(text)?.[1];
  if (!model) return undefined;
  const paths: string[] = [];
  for (const call of text.matchAll(/\.filter\(([^()]*)\)/g)) {
    for (const m of call[1].matchAll(/(?:^|,)\s*(\w+)\s*=\s*(?!None\b|True\b|False\b)[A-Za-z_][\w.]*\s*(?=,|$)/g)) paths.push(m[1]);
  }
  return paths.length ? { model, paths } : undefined;
}

export function unpagedListHazard(file: string, u: { range: Range; text: string; why: keyof typeof UNPAGED_BECAUSE }): Hazard {
  const text = unparenthesized(u.text);
  // `Product.objects.filter(active=True).order_by("name")` → `Product.objects.filter.order_by`
  let callee = text.replace(/\s+/g, '');
  for (let before = ''; before !== callee; ) [before, callee] = [callee, callee.replace(/\([^()]*\)/g, '')];
  return {
    code: 'unbounded-query',
    file,
    range: u.range,
    callee: callee.split('.').slice(0, 4).join('.'),
    explanation: `\`${text.length > 60 ? callee : text.replace(/\s+/g, ' ')}\` lists every matching row and ${UNPAGED_BECAUSE[u.why]}, so each request's cost grows with the table.`,
    routes: [],
  };
}

/**
 * A chain written in parentheses over several lines, as Black formats it (`return (\n  X.objects.filter(…)\n  .order_by(…)\n)`):
 * the chain inside, whose calls name the query (stripping every `(…)` had left nothing of it).
 */
function unparenthesized(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && closingOf(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

/** Where the parenthesis opened at `open` closes (strings are not looked into: a chain's arguments rarely hold one that matters here). */
function closingOf(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
