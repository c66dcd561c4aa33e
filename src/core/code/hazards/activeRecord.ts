import type { Range } from '../../model/location';
import type { Hazard } from '../codeModel';
import type { CallMatch } from './callCatalogue';

/**
 * Quarkus's Panache active record: an entity class extends `PanacheEntity` (or `PanacheEntityBase`, the reactive and
 * MongoDB ones) and its static methods query (`Fruit.listAll()`, `Fruit.findById(id)`, `Fruit.find("name", n)`).
 * Where a resource calls them, nothing in its file says `Fruit` is an entity: the workspace join does (the class's
 * bases), and these say which calls are queries and which read every matching row. Inside the entity class the
 * same methods are called unqualified; the catalogue knows those (its Panache rules, limited to such files).
 */

/** The base classes that make a class a Panache entity. */
export const PANACHE_ENTITY = /^(?:Reactive)?Panache(?:Mongo)?Entity(?:Base)?$/;

/** Static methods of a Panache entity that run a query (reads and writes); the catalogue's rule for them inside an entity too. */
export const PANACHE_QUERY_METHODS = [
  'findAll', 'findById', 'findByIdOptional', 'find', 'list', 'listAll', 'stream', 'streamAll', 'count',
  'persist', 'persistAndFlush', 'delete', 'deleteAll', 'deleteById', 'update',
] as const;
const QUERY_METHODS = new Set<string>(PANACHE_QUERY_METHODS);

/** Java classes whose static methods share those names and query nothing (`Files.list(dir)`, `Collections.list(e)`). */
const NOT_ENTITIES = new Set(['Files', 'Collections', 'Arrays', 'Stream', 'IntStream', 'LongStream', 'List', 'Set', 'Map', 'Optional', 'Objects', 'String', 'Pattern']);

/** A call `Entity.method…` that would query if `Entity` is a Panache entity: the class named, or undefined. */
export function activeRecordClass(chain: string[]): string | undefined {
  return chain.length >= 2 && chain.length <= 3 && /^[A-Z]\w*$/.test(chain[0]) && !NOT_ENTITIES.has(chain[0]) && QUERY_METHODS.has(chain[1]) ? chain[0] : undefined;
}

/**
 * The calls that read every matching row: `listAll()`/`streamAll()`, a static `list(…)`/`stream(…)`, and a query's
 * `.list()`/`.stream()` straight after `find…`/`findAll…` (a `.page(…)` or `.range(…)` between makes the chain longer
 * than this, and bounds it; `firstResult()` reads one row).
 */
export function readsWholeList(chain: string[]): boolean {
  if (activeRecordClass(chain) === undefined) return false;
  if (chain.length === 2) return /^(?:list|stream)(?:All)?$/.test(chain[1]);
  return (chain[1] === 'find' || chain[1] === 'findAll') && (chain[2] === 'list' || chain[2] === 'stream');
}

export const PANACHE_QUERY: CallMatch = { kind: 'query', label: 'Panache query' };

/** `unbounded-query` at such a call, once the join knows its class is an entity. */
export function activeRecordListHazard(file: string, chain: string[], range: Range, python = false): Hazard {
  const callee = chain.join('.');
  const what = python ? 'a Tortoise model query without `limit`' : 'a Panache query without `page` or `range`';
  return {
    code: 'unbounded-query',
    file,
    range,
    callee,
    explanation: `\`${callee}(…)\` returns every matching row (${what}): its cost grows with the table, not with the request.`,
    routes: [],
  };
}

/**
 * Python's active-record ORMs, Tortoise ORM and peewee: a model class (`class User(Model)`, with `Model` from
 * `tortoise` or `peewee`, or a project base that extends it) queries through its class methods:
 * `await User.get(id=i)`, `User.filter(…).first()`, `Tweet.select().where(…).count()`, `User.create(…)`.
 */
export const PY_ACTIVE_RECORD_FILE = /^[ \t]*(?:from[ \t]+(?:tortoise|peewee|playhouse)\b|import[ \t]+(?:tortoise|peewee)\b)/m;

/** The class methods of a Tortoise or peewee model that query (Tortoise's once awaited), or start a query read at once. */
const PY_QUERY_METHODS = new Set([
  'all', 'filter', 'exclude', 'get', 'get_or_none', 'get_or_create', 'update_or_create', 'create', 'bulk_create', 'bulk_update',
  'first', 'count', 'exists', 'annotate', 'in_bulk', 'raw', 'select_for_update',
  'select', 'get_by_id', 'insert', 'insert_many', 'update', 'delete', 'delete_by_id', 'replace',
]);

/** Python classes whose class methods share those names and query nothing (`Path.exists`, `Decimal`…). */
const PY_NOT_MODELS = new Set(['Path', 'PurePath', 'Decimal', 'Counter', 'OrderedDict', 'Enum', 'Session', 'Q', 'F']);

/** A call `Model.method…` that queries if `Model` is a Tortoise or peewee model: the class named, or undefined. */
export function pythonActiveRecordClass(chain: string[]): string | undefined {
  return chain.length >= 2 && chain.length <= 3 && /^[A-Z]\w*$/.test(chain[0]) && !PY_NOT_MODELS.has(chain[0]) && PY_QUERY_METHODS.has(chain[1]) ? chain[0] : undefined;
}

/** What a Tortoise query may go through and still read every matching row (not `limit`, `first`, `count`, `update`…). */
const PY_READ_STEPS = /^(?:all|filter|exclude|order_by|prefetch_related|select_related|values|distinct|annotate|only|group_by|using_db)$/;

/**
 * Tortoise's `await User.all()`, `await User.filter(…)`, `await User.filter(…).order_by(…)`: every matching row. Not
 * a write (`User.filter(id=i).update(…)`, `.delete()`), nor one row or an aggregate along it.
 */
export function readsWholePythonList(chain: string[]): boolean {
  if (pythonActiveRecordClass(chain) === undefined || !/^(?:all|filter|exclude)$/.test(chain[1])) return false;
  return chain.slice(2).every((m) => PY_READ_STEPS.test(m));
}

/** A filter on the primary key along a query's source (`User.filter(id=i).prefetch_related(…)`): one row. */
export const FILTERS_ON_KEY = /\bfilter\s*\(\s*(?:id|pk)\s*=/;

export const PY_ACTIVE_RECORD_QUERY: CallMatch = { kind: 'query', label: 'Tortoise/peewee model query' };
