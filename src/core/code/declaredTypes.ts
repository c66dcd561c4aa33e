import type { LanguageFamily } from './hazards/callCatalogue';
import { closingBracket, topLevelParts } from './syntax';
import { mentions, textOf, type Searchable } from './wordSearch';

/**
 * Names a file gives to instances of its workspace's classes: `const repo = new OrderRepo()`,
 * `constructor(private readonly repo: OrderRepo)`, `self.repo = OrderRepo()`, `private final OrderRepo repo;`,
 * `repo *orderRepo` in a Go struct. The join follows `repo.byId()` into `OrderRepo.byId` with them, which the
 * layered code of most services needs (handler → service → repository). Read from the text with patterns
 * anchored on the declaration's shape, per file and not per scope: like imports, a miss loses a link and a
 * wrong guess can only land on a method of that name in a class of that name, in the same service.
 */
/** `made` (Python): filled with the names whose class is only made in place (`notifier = Notifier()`), not annotated. */
export function declaredTypes(source: Searchable, family: LanguageFamily, made?: Set<string>): Map<string, string> {
  const text = textOf(source);
  const out = new Map<string, string>();
  const add = (patterns: RegExp[], name = 1, type = 2) => {
    for (const re of patterns) for (const m of text.matchAll(re)) if (!out.has(m[name])) out.set(m[name], m[type]);
  };
  switch (family) {
    case 'js':
      if (mentions(source, 'new ')) add([JS_NEW]);
      if (['private', 'public', 'protected', 'readonly'].some((w) => mentions(source, w))) add([JS_MODIFIED]);
      // Last: a class the file names for it wins (`let repo = {}` in one function, `new Repo()` in another).
      if (['= [', '= {', '=[', '={'].some((w) => mentions(source, w))) {
        for (const m of text.matchAll(JS_LITERAL)) if (!out.has(m[1])) out.set(m[1], m[2] === '[' ? 'Array' : 'Object');
      }
      if (mentions(source, 'ontainer.')) {
        for (const m of text.matchAll(JS_CONTAINER)) {
          const type = m[2] ?? m[3];
          if (type && !out.has(m[1])) out.set(m[1], type);
        }
      }
      break;
    case 'python':
      // The annotation first: `articles_repo: ArticlesRepository = Depends(get_repository(…))` (a FastAPI parameter,
      // on a line of its own) is an ArticlesRepository, not a Depends.
      add([PY_ANNOTATED]);
      if (made) {
        for (const m of text.matchAll(PY_ASSIGNED)) {
          if (out.has(m[1])) continue;
          out.set(m[1], m[2]);
          made.add(m[1]);
        }
      } else add([PY_ASSIGNED]);
      if (mentions(source, 'Session') || mentions(source, 'Client')) {
        add([PY_HTTP_SESSION]);
        add([PY_HTTP_SESSION_WITH], 2, 1);
      }
      break;
    case 'java':
      add([JAVA_DECLARED], 2, 1);
      // `var x = …`: declared, of a type the text does not say ('' — not a class named after it, see WorkspaceLinker).
      if (mentions(source, 'var ')) for (const m of text.matchAll(JAVA_VAR)) if (!out.has(m[1])) out.set(m[1], '');
      // MyBatis-Plus: a `ServiceImpl<M, T>` inherits `baseMapper`, an M (youlai-mall's `this.baseMapper.listExportUsers(q)`).
      if (mentions(source, 'ServiceImpl')) {
        const mapper = SERVICE_IMPL.exec(text)?.[1];
        if (mapper && !out.has('baseMapper')) out.set('baseMapper', mapper);
      }
      break;
    case 'go':
      add([GO_FIELD]);
      // An embedded field is named by its type: `*APIV1Service` is the field `APIV1Service` (memos' connect handler).
      add([GO_EMBEDDED], 2, 1);
      // `type server struct{ q *db.Queries }` on one line, with one or several fields (`a A; b *pkg.B`).
      for (const m of goTypeText(text).matchAll(GO_ONE_LINE_STRUCT)) for (const f of m[1].matchAll(GO_INLINE_FIELD)) if (!out.has(f[1])) out.set(f[1], f[2]);
      break;
  }
  return out;
}

const JAVA_VAR = /\bvar\s+([a-z_$][\w$]*)\s*=/g;
const SERVICE_IMPL = /\bextends\s+(?:[\w.]+\.)?ServiceImpl\s*<\s*([A-Z]\w*)\s*,/;

/**
 * A class named like a database or remote client (`OwnerRepository`, `JdbcTemplate`, `AsyncSession`, `PaymentClient`):
 * a call on an instance of it is read as a call on the class when its own name says nothing (FileStructure.rules).
 */
export function isClientType(type: string): boolean {
  return CLIENT_TYPE.test(type);
}

const CLIENT_TYPE = /(Repository|Repo|Dao|DAO|Template|Client|Session|Pool|DB|Db|Database|Connection|EntityManager|Stub|^Knex|^Knex\.Transaction|^(?:Value|Hash|List|Set|ZSet|Stream|Geo|HyperLogLog|Bound\w+)Operations)$/;

// A variable or field being given a value: `const repo =`, `private readonly cache: Cache<K, V> =`, `#client =`.
const JS_ASSIGNED = String.raw`(?:\b(?:const|let|var)\s+|^[ \t]*(?:(?:private|public|protected|readonly|static)\s+)*#?)([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.]+(?:<[^>\n]*>)?\s*)?=\s*`;
// `const repo = new Repo()`, `private readonly cache = new Cache<K, V>()`, `#client = new Client()`
const JS_NEW = new RegExp(JS_ASSIGNED + String.raw`new\s+([A-Z][\w$]*)`, 'gm');
// `protected cache = {}`, `const seen = []`: a value of the language's own (a type of JS_BUILT_IN_TYPE).
const JS_LITERAL = new RegExp(JS_ASSIGNED + String.raw`([[{])`, 'gm');
/**
 * The language's own types, which no class of the workspace is: what a holder declared or made as one of them
 * (`protected cache = new Map<string, V>()`, `= {}`, `= []`) is, whatever class its name recalls.
 */
export const JS_BUILT_IN_TYPE = /^(?:Map|Set|WeakMap|WeakSet|WeakRef|Array|ReadonlyArray|ReadonlyMap|ReadonlySet|Object|Record|Promise|Date|String|Number|Boolean|RegExp|Error|URL|URLSearchParams|Headers|FormData|Buffer|Uint8Array|ArrayBuffer)$/;
// A dependency-injection container's instance: `public user = Container.get(UserService)` (typedi),
// `const repo = container.resolve(OrderRepo)` (tsyringe), `Container.get<UserService>(…)`.
const JS_CONTAINER = new RegExp(JS_ASSIGNED + String.raw`[cC]ontainer\.(?:get|resolve)\s*(?:<\s*([A-Z][\w$]*)\s*>\s*\(|\(\s*)([A-Z][\w$]*)?`, 'gm');
// `constructor(private readonly repo: OrderRepo)`, `private repo: OrderRepo;`
const JS_MODIFIED = /\b(?:private|public|protected|readonly)\s+(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*:\s*([A-Z][\w$]*)/g;
// `repo = OrderRepo()`, `self.repo = OrderRepo(session)`
const PY_ASSIGNED = /^[ \t]*(?:self\.)?([A-Za-z_]\w*)\s*(?::\s*[\w.[\]]+\s*)?=\s*([A-Z]\w*)\(/gm;
// `http = requests.Session()`, `self.client = httpx.Client(base_url=…)`: the module's functions, with the module's
// defaults (requests has no timeout, httpx's client blocks). `httpx.AsyncClient` is awaited and left out.
const PY_HTTP_SESSION = /^[ \t]*(?:self\.)?([A-Za-z_]\w*)\s*(?::\s*[\w.]+\s*)?=\s*((?:requests|httpx)\.(?:Session|session|Client))\(/gm;
// `with requests.Session() as s:`
const PY_HTTP_SESSION_WITH = /\bwith\s+((?:requests|httpx)\.(?:Session|session|Client))\([^()\n]*\)\s+as\s+([A-Za-z_]\w*)/g;
// `def __init__(self, repo: OrderRepo)`, `repo: OrderRepo = Depends(get_repo)`
const PY_ANNOTATED = /\b([a-z_]\w*)\s*:\s*([A-Z]\w*)\b(?!\s*\[)/g;
// `private final OrderRepository repo;`, `OrderService(OrderRepository repo)`, `Repo repo = new Repo();`, an enhanced
// for's `for (WebhookNotifier n : notifiers)`
const JAVA_DECLARED = /\b([A-Z]\w*)(?:<[^>\n]*>)?\s+([a-z_]\w*)\s*(?:[;=,)]|:(?!:))/g;
// struct fields: `repo *orderRepo`, `store Store`, `DialService wtf.DialService`, a generic type's instance by the
// type (`Client MsgWorkerPool[*Msg]` → `MsgWorkerPool`)
const GO_FIELD = /^[ \t]+([A-Za-z_]\w*)[ \t]+\*?((?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)(?:\[[^\]\n]*\])?[ \t]*(?:`[^`\n]*`)?[ \t]*(?:\/\/.*)?$/gm;

// An embedded struct field, exported: `*APIV1Service`, `store.Store` on a line of its own (field name, then type).
const GO_EMBEDDED = /^[ \t]+\*?((?:[A-Za-z_]\w*\.)?([A-Z]\w*))[ \t]*(?:`[^`\n]*`)?[ \t]*(?:\/\/.*)?$/gm;

const GO_ONE_LINE_STRUCT = /^type[ \t]+[A-Za-z_]\w*[ \t]+struct[ \t]*\{([^}\n]+)\}/gm;
const GO_INLINE_FIELD = /(?:^|;)[ \t]*([A-Za-z_]\w*)[ \t]+\*?((?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)[ \t]*(?:`[^`]*`)?[ \t]*(?=;|$)/g;

// Up to the line that closes it: its comments may hold braces (oapi-codegen's `// (GET /tenants/{tenant}/runs)`).
const GO_INTERFACE = /^type[ \t]+([A-Za-z_]\w*)[ \t]+interface[ \t]*\{([^}]*?$(?:[\s\S]*?)^\}|[^}\n]*\})/gm;

const GO_STRUCT = /^type[ \t]+([A-Za-z_]\w*)[ \t]+struct[ \t]*\{([^}]*)\}/gm;

/**
 * A Go file's text with the specs of each grouped `type ( … )` block also written out on their own, one level less
 * indented and each after a `type` (drone's core package declares `type ( Stage struct{…}; StageStore interface{…} )`):
 * the patterns above, anchored on `^type Name`, then read them as they read declarations of their own.
 */
function goTypeText(text: string): string {
  // (Asked by each Go reader of a file's types in turn, seven of them, for the same text: worked out once.)
  if (text === lastTypeText.text) return lastTypeText.out;
  const out = groupedTypesSpelledOut(text);
  lastTypeText = { text, out };
  return out;
}

let lastTypeText = { text: '', out: '' };

function groupedTypesSpelledOut(text: string): string {
  if (!text.includes('type') || !GO_TYPE_BLOCK_START.test(text)) return text;
  let specs = '';
  for (const m of text.matchAll(GO_TYPE_BLOCK)) {
    const indent = /^([ \t]+)\S/m.exec(m[1])?.[1];
    if (!indent) continue;
    specs += '\n' + m[1].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n').replace(GO_GROUPED_SPEC, 'type ');
  }
  return specs ? text + specs : text;
}

const GO_TYPE_BLOCK_START = /^type[ \t]*\(/m;
const GO_TYPE_BLOCK = /^type[ \t]*\([ \t]*(?:\/\/.*)?\n([\s\S]*?)^\)/gm;
// A spec of a block, once dedented: `StageStore interface {`, `Stage struct{ ID int64 }`.
const GO_GROUPED_SPEC = /^(?=[A-Za-z_]\w*[ \t]+(?:struct|interface)[ \t]*\{)/gm;
// A field named by its type alone, exported or not: `dbbase`, `*Base`, `store.Store`, with a tag or a comment after.
const GO_EMBEDDED_ANY = /^[ \t]+\*?(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)[ \t]*(?:`[^`\n]*`)?[ \t]*(?:\/\/.*)?$/gm;

/**
 * The structs a Go file declares, generic ones too (`type MsgWorkerPool[Msg any] struct {`): the workspace's own types,
 * which a field named like a client may be of (see WorkspaceLinks.goOwnStructHolder).
 */
export function goStructs(text: string): string[] | undefined {
  if (!text.includes('struct')) return undefined;
  const out = [...goTypeText(text).matchAll(GO_STRUCT_NAME)].map((m) => m[1]);
  return out.length ? out : undefined;
}

const GO_STRUCT_NAME = /^type[ \t]+([A-Za-z_]\w*)(?:\[[^\]\n]*\])?[ \t]+struct[ \t]*\{/gm;

/**
 * The types each Go struct of a file embeds (`type SQLiteDatabase struct { dbbase }`): their methods are the struct's
 * too, so it implements an interface with them (shiori's databases get `WriterDB()` from `dbbase`).
 */
export function goEmbeddings(text: string): Record<string, string[]> | undefined {
  if (!text.includes('struct')) return undefined;
  let out: Record<string, string[]> | undefined;
  for (const m of goTypeText(text).matchAll(GO_STRUCT)) {
    const embedded = [...m[2].matchAll(GO_EMBEDDED_ANY)].map((x) => x[1]);
    if (embedded.length) (out ??= {})[m[1]] = embedded;
  }
  return out;
}

/**
 * The slice fields of each Go struct of a file, by the element type (`Views []BackupView` → `BackupView`, `[]*T` and
 * `[]pkg.T` alike): a loop over one, `for _, o := range backup.Views`, gives items of that type (semaphore's backup
 * restore calls each item's own `Restore`).
 */
export function goSliceFields(text: string): Record<string, Record<string, string>> | undefined {
  if (!text.includes('[]')) return undefined;
  let out: Record<string, Record<string, string>> | undefined;
  for (const m of goTypeText(text).matchAll(GO_STRUCT)) {
    for (const f of m[2].matchAll(GO_SLICE_FIELD)) ((out ??= {})[m[1]] ??= {})[f[1]] = f[2];
  }
  return out;
}

/**
 * The named slice types a Go file declares, by their element type (`type widgets []widget` → `widget`, `[]*T` and
 * `[]pkg.T` alike): a struct's field of one (glance's `HeadWidgets widgets`) holds items of that type.
 */
export function goSliceTypes(text: string): Record<string, string> | undefined {
  if (!text.includes('[]')) return undefined;
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(GO_SLICE_TYPE)) (out ??= {})[m[1]] = m[2];
  return out;
}

const GO_SLICE_TYPE = /^type[ \t]+([A-Za-z_]\w*)[ \t]+\[\]\*?((?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)[ \t]*(?:\/\/.*)?$/gm;

// `Views []BackupView `backup:"views"``, `Items []*pkg.Item // …`: name, element type.
const GO_SLICE_FIELD = /^[ \t]+([A-Za-z_]\w*)[ \t]+\[\]\*?((?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)[ \t]*(?:`[^`\n]*`)?[ \t]*(?:\/\/.*)?$/gm;

/**
 * Go interfaces a file declares, with their methods (`type DialService interface { FindDialByID(…) … }`): Go types
 * implement them without saying so, and the join finds the types of the service that have every method.
 */
export function goInterfaces(text: string): Record<string, string[]> | undefined {
  if (!text.includes('interface')) return undefined;
  let out: Record<string, string[]> | undefined;
  for (const m of goTypeText(text).matchAll(GO_INTERFACE)) {
    const methods = [...m[2].matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*\(/gm)].map((x) => x[1]);
    if (methods.length) (out ??= {})[m[1]] = methods;
  }
  return out;
}

/**
 * Go interfaces a file declares whose methods have a database handle's signatures (drone's `Queryer`, `Query(query
 * string, args ...interface{}) (*sql.Rows, error)`; `Execer`, `Exec(query string, args ...interface{}) (sql.Result,
 * error)`): each Query, Exec, Select or Get method returns database/sql's or sqlx's results, or takes the statement
 * first (after a context, and sqlx's `dest`) as `query string` or a string with `args ...interface{}`. Not a shell
 * runner's `Exec(ctx context.Context, host, cmd string) (string, error)` nor a picker's `Select(nodes []string) string`.
 */
export function goHandleInterfaces(text: string): string[] | undefined {
  if (!text.includes('interface')) return undefined;
  let out: string[] | undefined;
  for (const m of goTypeText(text).matchAll(GO_INTERFACE)) {
    const methods = [...m[2].matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*\(([^)\n]*)\)(.*)$/gm)];
    const statements = methods.filter((x) => GO_STATEMENT_METHOD.test(x[1]));
    if (statements.length && statements.every((x) => goHandleSignature(x[2], x[3]))) (out ??= []).push(m[1]);
  }
  return out;
}

/** The methods of a handle that run a statement (the others, Rebind, DriverName, take no statement to run). */
const GO_STATEMENT_METHOD = /^(?:Query|QueryRow|Exec|Select|Get|Queryx|QueryRowx|NamedExec|NamedQuery)(?:Context)?$/;

function goHandleSignature(params: string, results: string): boolean {
  // (pgx's too, as sqlc generates its DBTX: `QueryRow(context.Context, string, ...interface{}) pgx.Row`.)
  if (/(?:^|[\s(*,])(?:sql\.(?:Result|Rows|Row)|sqlx\.\w+|pgx\.(?:Rows|Row)|pgconn\.CommandTag)\b/.test(results)) return true;
  // After a context and sqlx's destination: the statement, named so or followed by its arguments.
  const rest = params.replace(/^\s*(?:\w+\s+)?context\.Context\s*,?/, '').replace(/^\s*\w+\s+(?:interface\{\}|any)\s*,/, '');
  return /^\s*(?:query|stmt|statement|sql|q|qry)\s+string\s*(?:,|$)/.test(rest) || /^\s*(?:\w+\s+)?string\s*,\s*(?:\w+\s+)?\.\.\.(?:interface\{\}|any)\s*$/.test(rest);
}

/**
 * Go interfaces' methods with how many parameters each takes (goParameterCount; none given for a variadic one):
 * gitness' `Check` with `Create(ctx context.Context, session *auth.Session, in *CreateInput) error` takes three, and a
 * type whose `Create(parameters map[string]interface{})` takes one (its storage driver factories) implements no `Check`.
 */
export function goInterfaceArities(text: string): Record<string, Record<string, number>> | undefined {
  if (!text.includes('interface')) return undefined;
  let out: Record<string, Record<string, number>> | undefined;
  for (const m of goTypeText(text).matchAll(GO_INTERFACE)) {
    for (const x of m[2].matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*\(/gm)) {
      const open = x.index! + x[0].length - 1;
      const count = goParameterCount(m[2].slice(open, closingBracket(m[2], open) + 1));
      if (count !== undefined) ((out ??= {})[m[1]] ??= {})[x[1]] = count;
    }
  }
  return out;
}

/**
 * How many parameters a Go parameter list `(ctx context.Context, a, b string)` declares: one per name, or per type
 * where none is named (`(context.Context, string)`). Undefined for a variadic one (`args ...any`), which takes any
 * number from there on.
 */
export function goParameterCount(list: string): number | undefined {
  const inner = list.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim().replace(/^\(/, '').replace(/\)$/, '');
  const parts = topLevelParts(inner).map((p) => p.trim()).filter((p) => p !== '');
  return parts.some((p) => p.includes('...')) ? undefined : parts.length;
}

/**
 * Go package variables a call makes, as a package keeps its services and repositories (1Panel's `var (
 * imageRepoService = service.NewIImageRepoService() )`, `var appDetailRepo = repo.NewIAppDetailRepo()`): name → the
 * function called, `['service', 'NewIImageRepoService']`. The join calls a method on one as on what that function
 * returns (an interface: its implementation's), not on every method of that name in the package.
 */
export function goPackageVarSources(text: string): Record<string, string[]> | undefined {
  if (!/^var\b/m.test(text)) return undefined;
  let out: Record<string, string[]> | undefined;
  const add = (m: RegExpMatchArray) => {
    if (m[3] === 'new' || m[3] === 'make' || m[3] === 'func') return;
    (out ??= Object.create(null) as Record<string, string[]>)[m[1]] ??= m[2] ? [m[2], m[3]] : [m[3]];
  };
  for (const m of text.matchAll(GO_VAR_MADE)) add(m);
  for (const block of text.matchAll(GO_VAR_BLOCK)) for (const m of block[1].matchAll(GO_VAR_BLOCK_MADE)) add(m);
  return out;
}

/**
 * Go package variables declared of a type of another package (CasaOS's `var FileQueue sync.Map`, `var ( rdb
 * *redis.Client )`): name → the type, `sync.Map`. A method called on one is that type's, `FileQueue.Delete(v)` is
 * sync.Map's, not a method of the package that the join would take by its name (a service's `Delete`).
 */
export function goPackageVarTypes(text: string): Record<string, string> | undefined {
  if (!/^var\b/m.test(text)) return undefined;
  let out: Record<string, string> | undefined;
  const add = (m: RegExpMatchArray) => {
    if (!out || !Object.prototype.hasOwnProperty.call(out, m[1])) (out ??= {})[m[1]] = m[2];
  };
  for (const m of text.matchAll(GO_VAR_TYPED)) add(m);
  for (const block of text.matchAll(GO_VAR_BLOCK)) for (const m of block[1].matchAll(GO_VAR_BLOCK_TYPED)) add(m);
  return out;
}

// `var FileQueue sync.Map`, `var rdb *redis.Client = …`: name, `pkg.T` (not `var x = pkg.NewX()`, nor a func or map type).
const GO_VAR_TYPED = /^var[ \t]+([A-Za-z_]\w*)[ \t]+\*?([A-Za-z_]\w*\.[A-Za-z_]\w*)(?![\w.(])/gm;
const GO_VAR_BLOCK_TYPED = /^[ \t]+([A-Za-z_]\w*)[ \t]+\*?([A-Za-z_]\w*\.[A-Za-z_]\w*)(?![\w.(])/gm;

// `var x = pkg.NewX(…)`, `var x pkg.IX = NewX(…)`: name, package, function (one name; not a method's result, `a.b.C()`).
const GO_VAR_MADE = /^var[ \t]+([A-Za-z_]\w*)(?:[ \t]+\*?[\w.]+)?[ \t]*=[ \t]*(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)\(/gm;
const GO_VAR_BLOCK = /^var[ \t]*\(([\s\S]*?)^\)/gm;
const GO_VAR_BLOCK_MADE = /^[ \t]+([A-Za-z_]\w*)(?:[ \t]+\*?[\w.]+)?[ \t]*=[ \t]*(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)\(/gm;

// `class MyBatisArticleRepository implements ArticleRepository {`, `class A extends B implements C<T>, D {`
const IMPLEMENTS = /\bclass\s+(\w+)(?:<[^{]*?>)?(?:\s+extends\s+[\w.]+(?:<[^{]*?>)?)?\s+implements\s+([^{]+)\{/g;
// `interface OidcLocalUserService extends UserService {`, `public interface A<T> extends B<T>, C {`
const INTERFACE_EXTENDS = /\binterface\s+(\w+)(?:<[^{]*?>)?\s+extends\s+([^{]+)\{/g;

/**
 * The interfaces each class of a file implements (Java, TypeScript): a call on a field typed by an interface
 * (`ArticleRepository articleRepository`) lands on its implementation when the workspace has only one.
 */
export function implementedInterfaces(source: Searchable, family: LanguageFamily): Record<string, string[]> | undefined {
  const text = textOf(source);
  if (family !== 'java' && family !== 'js') return undefined;
  const implementing = mentions(source, 'implements');
  // An interface that extends others: its implementations implement those too (apollo's `OidcLocalUserServiceImpl
  // implements OidcLocalUserService`, with `interface OidcLocalUserService extends UserService`, is a UserService).
  const extending = mentions(source, 'interface') && mentions(source, 'extends');
  if (!implementing && !extending) return undefined;
  let out: Record<string, string[]> | undefined;
  for (const m of [...(implementing ? text.matchAll(IMPLEMENTS) : []), ...(extending ? text.matchAll(INTERFACE_EXTENDS) : [])]) {
    const names = m[2]
      .replace(/<[^<>]*>/g, '')
      .split(',')
      .map((n) => n.trim().split('.').pop()!)
      .filter((n) => /^[A-Z]\w*$/.test(n));
    if (names.length) (out ??= {})[m[1]] = names;
  }
  return out;
}

const PY_CLASS = /^[ \t]*class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)[ \t]*:/gm;
const EXTENDS = /\bclass\s+(\w+)(?:<[^{]*?>)?\s+extends\s+([\w.]+)/g;

/**
 * The classes each class of a file extends (Python's bases, `extends` in Java and TypeScript): a method a class
 * inherits (mealie's `RecipeRepo(Generic)`, called as `repo.get_one()`) is found in the class that defines it.
 */
export function baseClasses(source: Searchable, family: LanguageFamily): Record<string, string[]> | undefined {
  const text = textOf(source);
  let out: Record<string, string[]> | undefined;
  if (family === 'python') {
    if (!mentions(source, 'class ')) return undefined;
    for (const m of text.matchAll(PY_CLASS)) {
      const bases = m[2]
        .split(',')
        .map((b) => b.trim().split('.').pop()!.replace(/\[.*$/, ''))
        .filter((b) => /^[A-Z]\w*$/.test(b));
      if (bases.length) (out ??= {})[m[1]] = bases;
    }
  } else if (family === 'java' || family === 'js') {
    if (!mentions(source, 'extends')) return undefined;
    for (const m of text.matchAll(EXTENDS)) (out ??= {})[m[1]] = [m[2].split('.').pop()!];
  }
  return out;
}
