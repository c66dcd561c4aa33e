import type { Node } from '@vscode/tree-sitter-wasm';
import { ASCII_NAME } from './assignments';

/**
 * The type a Go function gives a local value before calling its methods: `x := T{…}`, `x := &pkg.T{…}`,
 * `x := NewT(…)` / `x, err := pkg.NewT(…)` (Go's constructor convention), `x := new(T)`, `var x T`. Read from the function's own
 * text, so each handler's `serializer` has its own type. A type from another package comes back qualified
 * (`admin.API`): two packages often have a type of the same name.
 */
export function goLocalType(body: string, name: string): string | undefined {
  if (!body.includes(name)) return undefined;
  // `name` is a Go identifier: letters, digits and _ only.
  // What a request holds: `params := r.URL.Query()`, `h := r.Header` (wakapi's handlers, whose `params.Get("range")` is
  // no handler's Get).
  const held = new RegExp(`(?:^|[\\s;(,])${name}\\s*:?=\\s*\\w+\\.(URL\\.Query\\(\\)|(?:Post)?Form(?![\\w.(])|Header(?![\\w.(]))`).exec(body);
  if (held) return held[1] === 'Header' ? 'http.Header' : 'url.Values';
  const m =
    new RegExp(`(?:^|[\\s;(,])${name}\\s*:?=\\s*&?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*\\{`).exec(body) ??
    new RegExp(`(?:^|[\\s;(,])${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*(?:(\\w+)\\.)?[Nn]ew([A-Z]\\w*)\\(`).exec(body) ??
    new RegExp(`(?:^|[\\s;(,])${name}\\s*:?=\\s*new\\(\\s*(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*\\)`).exec(body) ??
    goGenericResult(body, name) ??
    new RegExp(`\\bvar\\s+${name}\\s+\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)`).exec(body) ??
    // A type assertion: `rs := ctx.Get(r, "result").(models.Result)`, `u, ok := v.(*pkg.User)` (gophish's handlers).
    new RegExp(`(?:^|[\\s;(,])${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*[^\\n;]*?\\.\\(\\s*\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*\\)\\s*(?:$|[;\\n])`, 'm').exec(body) ??
    // A parameter: `func NewGRPCServer(c *conf.Server, s *service.CatalogService) *grpc.Server`.
    new RegExp(`^\\s*func\\b[^{]*?[(,]\\s*${name}\\s+\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*[,)]`).exec(body) ??
    goRangeElement(body, name);
  if (!m?.[2] || GO_NOT_TYPES.has(m[2])) return undefined;
  return m[1] ? `${m[1]}.${m[2]}` : m[2];
}

/**
 * A generic function given the type it returns (cloudreve's `service := ParametersFromContext[*explorer.
 * DeleteFileService](c, key)`, `do.MustInvoke[*Service](i)`): one type argument, a pointer or another package's type,
 * which an index of a map of functions is not (`handlers[Kind](c)`: the two read alike). Groups as goLocalType's.
 */
function goGenericResult(body: string, name: string): (string | undefined)[] | null {
  const m = new RegExp(`(?:^|[\\s;(,])${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*(?:\\w+\\.)?[A-Za-z_]\\w*\\[\\s*(?:\\*\\s*(?:(\\w+)\\.)?([A-Za-z_]\\w*)|(\\w+)\\.([A-Z]\\w*))\\s*\\]\\s*\\(`).exec(body);
  return m && [m[0], m[1] ?? m[3], m[2] ?? m[4]];
}

/**
 * An element of a slice the function made of a named type (vikunja's `fs := []*files.File{}`, filled by
 * `Find(&fs)`, then `for _, f := range fs { f.Delete(s) }`; `make([]T, n)`, `var xs []T`): that type. Groups as
 * goLocalType's: the package, the type.
 */
function goRangeElement(body: string, name: string): RegExpExecArray | null {
  return rangedElement(body, new RegExp(`\\bfor\\s+\\w+\\s*,\\s*${name}\\s*:=\\s*range\\s+(\\w+)\\s*\\{`).exec(body)?.[1]);
}

/** The element type of the slice `slice` the function made (goRangeElement, for the loop's slice). */
function rangedElement(body: string, slice: string | undefined): RegExpExecArray | null {
  if (!slice) return null;
  return (
    new RegExp(`(?:^|[\\s;(,])${slice}\\s*:?=\\s*(?:make\\(\\s*)?\\[\\]\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*[{,)]`).exec(body) ??
    new RegExp(`\\bvar\\s+${slice}\\s+\\[\\]\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)`).exec(body)
  );
}

/**
 * The holder and field of the slice the nearest `for _, name := range holder.Field {` around a call ranges over
 * (semaphore's `for i, o := range backup.Views { o.Restore(…) }` in a method of `backup *BackupFormat`): its items are
 * of the field's element type, which the join reads in the struct's declaration (FileLinks.goSliceFields). Null when
 * the nearest loop binding the name ranges over something else, or none does: a function's other loops that use the
 * same name (`o` over `backup.Keys`) say nothing of this one.
 */
export function goRangedField(call: Node, name: string): { holder: string; field: string } | null {
  let from = call;
  for (let n = call.parent; n && n.type !== 'function_declaration' && n.type !== 'method_declaration'; from = n, n = n.parent) {
    const clause = n.type === 'for_statement' ? n.namedChildren[0] : null;
    // (Not the loop whose range expression holds the call: its variable is not bound there yet.)
    if (clause?.type !== 'range_clause' || from.id === clause.id) continue;
    const bound = clause.childForFieldName('left')?.namedChildren ?? [];
    if (!bound.some((b) => b?.text === name)) continue;
    const right = clause.childForFieldName('right');
    const holder = right?.type === 'selector_expression' ? right.childForFieldName('operand') : null;
    const field = right?.childForFieldName('field');
    return bound.length === 2 && bound[1]?.text === name && holder?.type === 'identifier' && field ? { holder: holder.text, field: field.text } : null;
  }
  return null;
}

const GO_NOT_TYPES = new Set(['struct', 'map', 'func', 'interface', 'chan']);

/**
 * goLocalType for every name of one function, each pattern run once: asked per local name, up to eight patterns ran
 * over the whole function each time, which made a long function quadratic. Gives what goLocalType gives.
 */
export class GoLocalTypes {
  /** Per pattern of GO_LOCAL_PATTERNS, in goLocalType's order: the first match of each name. */
  private readonly found: Map<string, RegExpExecArray>[];
  /** `for _, x := range xs {`: the slice each name ranges over (its first such loop). */
  private readonly ranged: Map<string, RegExpExecArray>;

  private constructor(private readonly body: string) {
    this.found = GO_LOCAL_PATTERNS.map((p) => firstByName(p, body));
    this.ranged = firstByName(GO_RANGED, body);
  }

  static of(body: string): GoLocalTypes {
    return new GoLocalTypes(body);
  }

  /** goLocalSource's answer for the name, from the same reading of the function. */
  sourceOf(name: string, depth = 0): string[] | undefined {
    if (!this.body.includes(name)) return undefined;
    this.sources ??= firstByName(GO_SOURCE, this.body);
    const m = this.sources.get(name);
    if (m && m[3] !== 'new' && m[3] !== 'make') return m[2] ? [m[2], m[3]] : [m[3]];
    const element = depth === 0 ? this.ranged.get(name) : undefined;
    const slice = element && this.sourceOf(element[2], depth + 1);
    return slice ? [...slice, '[]'] : undefined;
  }

  private sources?: Map<string, RegExpExecArray>;

  /** `o := backup.Templates[i]`: the holder and the slice field the name is an item of (see goRangedField). */
  indexedFieldOf(name: string): { holder: string; field: string } | undefined {
    if (!this.body.includes(`${name} :=`) && !this.body.includes(`${name} =`)) return undefined;
    this.indexed ??= firstByName(GO_INDEXED_FIELD, this.body);
    const m = this.indexed.get(name);
    return m && { holder: m[2], field: m[3] };
  }

  private indexed?: Map<string, RegExpExecArray>;

  /**
   * The constructor typeOf read the name's type from (`a := v1.NewControllerV1(db)`: `['v1', 'NewControllerV1']`):
   * its type is only guessed from its name, and the function may declare another (homebox's `*V1Controller`).
   */
  constructorOf(name: string): string[] | undefined {
    const [, literal, constructed] = this.found.map((f) => f.get(name));
    if (literal || !constructed) return undefined;
    const fn = /([Nn]ew[A-Z]\w*)\($/.exec(constructed[0])?.[1];
    return fn ? (constructed[2] ? [constructed[2], fn] : [fn]) : undefined;
  }

  typeOf(name: string): string | undefined {
    if (!this.body.includes(name)) return undefined;
    const [held, literal, constructed, newed, generic, declared, asserted] = this.found.map((f) => f.get(name));
    if (held) return held[2] === 'Header' ? 'http.Header' : 'url.Values';
    // The groups as goLocalType's: the whole match, the package, the type.
    const groups = (m: RegExpExecArray | undefined) => m && [m[0], m[2], m[3]];
    const m =
      groups(literal) ??
      groups(constructed) ??
      groups(newed) ??
      (generic && [generic[0], generic[2] ?? generic[4], generic[3] ?? generic[5]]) ??
      groups(declared) ??
      groups(asserted) ??
      // A parameter: anchored at the function's start, so read in its header only.
      new RegExp(`^\\s*func\\b[^{]*?[(,]\\s*${name}\\s+\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*[,)]`).exec(this.body) ??
      rangedElement(this.body, this.ranged.get(name)?.[2]);
    if (!m?.[2] || GO_NOT_TYPES.has(m[2])) return undefined;
    return m[1] ? `${m[1]}.${m[2]}` : m[2];
  }
}

/** The first match of each name (group 1), trying every place a match can start, as the search for one name finds it. */
function firstByName(pattern: RegExp, body: string): Map<string, RegExpExecArray> {
  const out = new Map<string, RegExpExecArray>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    if (!out.has(m[1])) out.set(m[1], m);
    pattern.lastIndex = m.index + 1;
  }
  pattern.lastIndex = 0;
  return out;
}

/** goLocalType's patterns with the name captured first (group 1), in its order. */
const GO_LOCAL_PATTERNS = [
  /(?:^|[\s;(,])([A-Za-z_]\w*)\s*:?=\s*\w+\.(URL\.Query\(\)|(?:Post)?Form(?![\w.(])|Header(?![\w.(]))/g,
  /(?:^|[\s;(,])([A-Za-z_]\w*)\s*:?=\s*&?(?:(\w+)\.)?([A-Za-z_]\w*)\s*\{/g,
  /(?:^|[\s;(,])([A-Za-z_]\w*)(?:\s*,\s*\w+)?\s*:?=\s*(?:(\w+)\.)?[Nn]ew([A-Z]\w*)\(/g,
  /(?:^|[\s;(,])([A-Za-z_]\w*)\s*:?=\s*new\(\s*(?:(\w+)\.)?([A-Za-z_]\w*)\s*\)/g,
  /(?:^|[\s;(,])([A-Za-z_]\w*)(?:\s*,\s*\w+)?\s*:?=\s*(?:\w+\.)?[A-Za-z_]\w*\[\s*(?:\*\s*(?:(\w+)\.)?([A-Za-z_]\w*)|(\w+)\.([A-Z]\w*))\s*\]\s*\(/g,
  /\bvar\s+([A-Za-z_]\w*)\s+\*?(?:(\w+)\.)?([A-Za-z_]\w*)/g,
  /(?:^|[\s;(,])([A-Za-z_]\w*)(?:\s*,\s*\w+)?\s*:?=\s*[^\n;]*?\.\(\s*\*?(?:(\w+)\.)?([A-Za-z_]\w*)\s*\)\s*(?:$|[;\n])/gm,
];
const GO_INDEXED_FIELD = /(?:^|[\s;(,])([A-Za-z_]\w*)\s*:?=\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\[[^\]\n]*\][ \t]*$/gm;
const GO_RANGED = /\bfor\s+\w+\s*,\s*([A-Za-z_]\w*)\s*:=\s*range\s+(\w+)\s*\{/g;
/** goLocalSource's pattern with the name captured first. */
const GO_SOURCE = /(?:^|[\s;(,])([A-Za-z_]\w*)(?:\s*,\s*\w+)?\s*:?=\s*(?:\w+\.)*?(?:(\w+)\.)?([A-Za-z_]\w*)\(/g;

/**
 * The function a Go function calls to get a local value when nothing says its type (`_store :=
 * store.FromContext(c)`, `repo, err := newRepo(db)`): the join reads the type that function returns.
 */
export function goLocalSource(body: string, name: string, depth = 0): string[] | undefined {
  if (!body.includes(name)) return undefined;
  // (From a field's method too, `client, err := fs.conn.getClient()`: its last two names.)
  const m = new RegExp(`(?:^|[\\s;(,])${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*(?:\\w+\\.)*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\(`).exec(body);
  if (m && m[2] !== 'new' && m[2] !== 'make') return m[1] ? [m[1], m[2]] : [m[2]];
  // An element of a slice a function returned: `projects, err := getProjectsToDelete(s, u)` then `for _, p :=
  // range projects` (vikunja): that function's element type, marked by a last `[]`.
  const element = depth === 0 ? new RegExp(`\\bfor\\s+\\w+\\s*,\\s*${name}\\s*:=\\s*range\\s+(\\w+)\\s*\\{`).exec(body) : null;
  const slice = element && goLocalSource(body, element[1], depth + 1);
  return slice ? [...slice, '[]'] : undefined;
}

/** A Go function's result, when it is one named type (or a slice of one) and maybe an error: `Store`, `*db.Queries`. */
export function goResultType(result: string | undefined): string | undefined {
  if (!result) return undefined;
  // Named results too (`(projectsToDelete []*Project, err error)`): the last word of each is its type.
  const types = result.trim().replace(/^\(([\s\S]*)\)$/, '$1').split(',').map((part) => part.trim().split(/\s+/).pop() ?? '');
  if (types.length > 2 || (types.length === 2 && types[1] !== 'error')) return undefined;
  // A slice of one (`[]*Project`): `[]Project`, for the methods called on its elements (see goLocalSource).
  const single = /^(\[\])?\*?((?:\w+\.)?[A-Za-z_]\w*)$/.exec(types[0]);
  return single && !GO_BUILTIN_TYPES.has(single[2]) ? (single[1] ?? '') + single[2] : undefined;
}

const GO_BUILTIN_TYPES = new Set(['error', 'string', 'bool', 'byte', 'rune', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'any']);

/**
 * Python: the class a function gives a local name before calling its methods (`r = RecipeRepo(session)`), read from
 * the function's own text, so two functions' `r` keep their own classes.
 */
export function pyLocalType(body: string, name: string): string | undefined {
  return pyLocalTypes(body, name)[0];
}

/** Class methods that make an instance of their class, by the names they are usually given. */
const PY_FACTORIES = 'from_\\w+|create|build|get_instance|instance|for_\\w+';
/**
 * What makes an instance, after `=`: `Type(…)`, `mod.Type(…)`, `Type.create(…)`, and an async factory awaited
 * (tracecat's `sync_service = await WorkspaceSyncService.for_workspace(…)`, a classmethod that returns `cls(…)`).
 */
const PY_MADE_VALUE = `(?:await\\s+(?=(?:\\w+\\.)?[A-Z]\\w*\\.(?:${PY_FACTORIES})\\())?(?:\\w+\\.)?([A-Z]\\w*)(?:\\.(?:${PY_FACTORIES}))?\\(`;

/**
 * The same, with each class the function may give the name: `importer = JiraAgileImporter(…)` in one branch and
 * `importer = JiraNormalImporter(…)` in the other (taiga's Jira import), then `importer.import_project()`.
 */
export function pyLocalTypes(body: string, name: string): string[] {
  if (!body.includes(name)) return [];
  // Its annotation first (`repo: OrderRepo = Depends(get_repo)`: the parameter's default is not its class).
  const annotated = new RegExp(`(?:^|[\\s;(,])${name}\\s*:\\s*([A-Z]\\w*)\\b(?!\\s*[[.])`).exec(body)?.[1];
  if (annotated) return [annotated];
  // Also a class's own factory (polar's `repository = ProductRepository.from_session(session)`, `Cls.create(…)`).
  const made = body.matchAll(new RegExp(`(?:^|[\\s;(])${name}\\s*(?::\\s*[\\w.]+\\s*)?=\\s*${PY_MADE_VALUE}`, 'g'));
  return [...new Set([...made].map((m) => m[1]))];
}

/**
 * pyLocalTypes for every name of one function, each pattern run once: asked name by name, they ran over the whole
 * function once per local name, which made a long function (skyvern's) quadratic. Gives what pyLocalTypes gives
 * (names of ASCII letters: those of other scripts are no receivers the analysis reads).
 */
export class PyLocalTypes {
  private readonly annotated = new Map<string, string>();
  private readonly made = new Map<string, string[]>();

  private constructor(body: string) {
    // Every place a match can start, as the search for one name finds its first; for the classes made, each match
    // of a name after the end of its one before, as the search for that name finds them (`client = Client(client=
    // HttpClient())`: the keyword is not an assignment).
    for (let m = PY_ANNOTATED.exec(body); m; m = PY_ANNOTATED.exec(body)) {
      if (!this.annotated.has(m[1])) this.annotated.set(m[1], m[2]);
      PY_ANNOTATED.lastIndex = m.index + 1;
    }
    PY_ANNOTATED.lastIndex = 0;
    const ends = new Map<string, number>();
    for (let m = PY_MADE.exec(body); m; m = PY_MADE.exec(body)) {
      PY_MADE.lastIndex = m.index + 1;
      if (m.index < (ends.get(m[1]) ?? 0)) continue;
      ends.set(m[1], m.index + m[0].length);
      const list = this.made.get(m[1]);
      if (!list) this.made.set(m[1], [m[2]]);
      else if (!list.includes(m[2])) list.push(m[2]);
    }
    PY_MADE.lastIndex = 0;
  }

  static of(body: string): PyLocalTypes {
    return new PyLocalTypes(body);
  }

  typesOf(name: string): string[] {
    const annotated = this.annotated.get(name);
    return annotated ? [annotated] : [...(this.made.get(name) ?? [])];
  }

  /** The classes typesOf gives are made in place by the function (`notifier = Notifier()`), not annotated. */
  madeOnly(name: string): boolean {
    return !this.annotated.has(name) && this.made.has(name);
  }
}

/** `name: Type` (not `Type[…]` nor `Type.x`), at the start, after a space, `;`, `(` or `,`. */
const PY_ANNOTATED = /(?:^|[\s;(,])([A-Za-z_]\w*)\s*:\s*([A-Z]\w*)\b(?!\s*[[.])/g;
/** `name = Type(…)`, `name: T = Type(…)`, `name = mod.Type(…)`, `name = Type.create(…)`, `name = await Type.create(…)`. */
const PY_MADE = new RegExp(`(?:^|[\\s;(])([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*${PY_MADE_VALUE}`, 'g');

/**
 * A Python function's return annotation, when it names one class of the project (`-> RepositoryUsers`, `->
 * "RepositoryUsers"`, `-> repos.RepositoryUsers`): what a property such as mealie's `repos.users` hands its callers.
 */
export function pythonResultType(annotation: string | undefined): string | undefined {
  // `Repo | None` (PEP 604), `Union[Repo, None]`: a Repo, when one class is left once None is dropped.
  if (annotation && (annotation.includes('|') || annotation.includes('Union['))) {
    const text = annotation.trim().replace(/^(["'])(.*)\1$/s, '$2');
    const union = /^(?:typing\.)?Union\[(.*)\]$/s.exec(text);
    const parts = union ? topLevelSplit(union[1], ',') : topLevelSplit(text, '|');
    if (union || parts.length > 1) {
      const types = new Set(parts.map((m) => m.trim()).filter((m) => m !== 'None').map((m) => pythonResultType(m)));
      return types.size === 1 ? [...types][0] : undefined;
    }
  }
  // A generic class given its type arguments (mealie's `-> GroupRepositoryGeneric[RecipeToolOut, Tool]`) is that class;
  // `Optional[Repo]` is a Repo.
  const generic = annotation ? /^["']?((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\[(.*)\]["']?$/s.exec(annotation.trim()) : null;
  // (Also `Annotated[Repo, Depends(get_repo)]`, `Awaitable[Repo]`: a Repo. Not what a generator or an iterator yields.)
  if (generic) return /(?:^|\.)(?:Optional|Annotated|Awaitable|Final|ClassVar)$/.test(generic[1]) ? pythonResultType(firstTypeArgument(generic[2])) : pythonResultType(generic[1]);
  const m = annotation ? /^["']?(?:[A-Za-z_]\w*\.)*([A-Z]\w*)["']?$/.exec(annotation.trim()) : null;
  return m && !PYTHON_TYPING_NAMES.has(m[1]) ? m[1] : undefined;
}

const PYTHON_TYPING_NAMES = new Set([
  'Any',
  'None',
  'Self',
  'Optional',
  'Union',
  'List',
  'Dict',
  'Set',
  'Tuple',
  'Iterable',
  'Iterator',
  'Generator',
  'Sequence',
  'Mapping',
  'Callable',
  'Type',
  'NoReturn',
  'Never',
  'AsyncIterator',
  'AsyncIterable',
  'AsyncGenerator',
  'Coroutine',
  'Awaitable',
  'Annotated',
  'Literal',
  'Final',
  'ClassVar',
  'TypeGuard',
  'FrozenSet',
  'DefaultDict',
  'OrderedDict',
  'Deque',
  'Counter',
  'MutableMapping',
  'MutableSequence',
]);

/** The first argument of a type's subscript (`Repo` of `Repo, Depends(get_repo)`), brackets respected. */
/** `text` cut at each `sep` outside brackets. */
function topLevelSplit(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

function firstTypeArgument(args: string): string {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

/**
 * TypeScript: the class or interface a function's own text gives a name: a parameter's annotation
 * (`refreshToken(provider: SocialProvider, …)`), or a variable's (`const repo: OrderRepo = …`). A name written in a
 * type position only: after `(` or `,`, `const`/`let`/`var`, or at the start of a line (a parameter on a line of its
 * own), and followed by what ends a declaration. Written as formatters write it, the colon right after the name.
 */
export function tsLocalType(body: string, name: string): string | undefined {
  // Most receivers have no annotation: asked first without making a pattern (written `name: T` or `name?: T`).
  if (!body.includes(`${name}:`) && !body.includes(`${name}?:`)) return undefined;
  // `name` is an identifier of the chain: letters, digits, `_` and `$` only; `$` needs escaping.
  const n = name.replace(/\$/g, '\\$');
  const m = new RegExp(`(?:[(,]\\s*|\\b(?:const|let|var)\\s+|^[ \\t]*)(?:(?:public|private|protected|readonly)\\s+)*${n}\\s*\\??\\s*:\\s*([A-Z][\\w$]*)(?:<[^>\\n]*>)?\\s*[,)=;\\n]`, 'm').exec(body);
  return m && !TS_NOT_CLASSES.has(m[1]) ? m[1] : undefined;
}

/**
 * tsLocalType for every name of one function, its pattern run once: asked per call, it ran over the whole function
 * for each call on an annotated name, quadratic in a long function. Gives what tsLocalType gives (names of other
 * scripts than ASCII are asked of it).
 */
export class TsLocalTypes {
  private readonly first = new Map<string, string>();

  private constructor(private readonly body: string) {
    // Every place a match can start, the first of each name kept: where the search for that name finds it.
    for (let m = TS_ANNOTATED.exec(body); m; m = TS_ANNOTATED.exec(body)) {
      if (!this.first.has(m[1])) this.first.set(m[1], m[2]);
      TS_ANNOTATED.lastIndex = m.index + 1;
    }
    TS_ANNOTATED.lastIndex = 0;
  }

  static of(body: string): TsLocalTypes {
    return new TsLocalTypes(body);
  }

  /** tsLocalSource's answer for the name, from the same reading of the function. */
  sourceOf(name: string): string[] | undefined {
    if (!ASCII_NAME.test(name)) return tsLocalSource(this.body, name);
    // (No search of the body for `name =` first, as tsLocalSource's: every match holds it, and a search per call
    // made a long function quadratic.)
    this.sources ??= firstByName(TS_SOURCE, this.body);
    const m = this.sources.get(name);
    if (!m || /^(?:require|import|new)$/.test(m[2])) return undefined;
    return m[2].split('.');
  }

  private sources?: Map<string, RegExpExecArray>;

  typeOf(name: string): string | undefined {
    if (!ASCII_NAME.test(name)) return tsLocalType(this.body, name);
    const type = this.first.get(name);
    if (!type || TS_NOT_CLASSES.has(type)) return undefined;
    // tsLocalType's condition that the colon follows the name somewhere: asked once per name (per call, its search of
    // the whole function made a long one quadratic).
    let written = this.colonAfter.get(name);
    if (written === undefined) this.colonAfter.set(name, (written = this.body.includes(`${name}:`) || this.body.includes(`${name}?:`)));
    return written ? type : undefined;
  }

  private readonly colonAfter = new Map<string, boolean>();
}

/** tsLocalSource's pattern with the name captured first. */
const TS_SOURCE = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*) =\s*(?:await\s+)?((?:this\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,2})\s*\(/g;
const TS_ANNOTATED = /(?:[(,]\s*|\b(?:const|let|var)\s+|^[ \t]*)(?:(?:public|private|protected|readonly)\s+)*([A-Za-z_$][\w$]*)\s*\??\s*:\s*([A-Z][\w$]*)(?:<[^>\n]*>)?\s*[,)=;\n]/gm;

/**
 * TypeScript: the function a function calls to get a local value when no annotation says its type (`const provider =
 * this._integrationManager.getSocialIntegration(id)`, `const repo = await getRepo()`, one space either side of `=`
 * as formatters write it): the join reads the type that function is declared to return (FunctionFact.returns).
 */
export function tsLocalSource(body: string, name: string): string[] | undefined {
  if (!body.includes(`${name} =`)) return undefined;
  const n = name.replace(/\$/g, '\\$');
  const m = new RegExp(`\\b(?:const|let|var)\\s+${n} =\\s*(?:await\\s+)?((?:this\\.)?[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*){0,2})\\s*\\(`).exec(body);
  if (!m || /^(?:require|import|new)$/.test(m[1])) return undefined;
  return m[1].split('.');
}

/**
 * TypeScript: the locals a function makes as an instance of a class and gives no other value, name → class
 * (overseerr's `const discordAgent = new DiscordAgent(req.body)`, handed to a helper that takes the interface). A name
 * declared or assigned twice (in two callbacks, or reassigned) is left out: which class it holds at a call is not said.
 */
export function tsMadeLocals(body: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!body.includes('new ')) return out;
  for (const m of body.matchAll(TS_MADE_LOCAL)) {
    const name = m[1];
    if (out.has(name)) continue;
    const given = body.match(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+)?=(?![=>])`, 'g'))?.length ?? 0;
    out.set(name, given === 1 ? m[2] : '');
  }
  for (const [name, cls] of out) if (!cls) out.delete(name);
  return out;
}

const TS_MADE_LOCAL = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*new\s+(?:[A-Za-z_$][\w$]*\.)*([A-Z][\w$]*)\s*[(<]/g;

/**
 * A TypeScript function's return annotation, when it names one type (`: SocialProvider`, `: Promise<OrderRepo>`, `:
 * Repo | undefined`): what a call of it hands the caller.
 */
export function tsResultType(annotation: string | undefined): string | undefined {
  if (!annotation) return undefined;
  let type = annotation.trim().replace(/^:\s*/, '');
  const promised = /^Promise\s*<([\s\S]*)>$/.exec(type);
  if (promised) type = promised[1].trim();
  type = type.replace(/\s*\|\s*(?:undefined|null)\b/g, '').trim();
  const single = /^([A-Z][\w$]*)(?:<[^>]*>)?$/.exec(type);
  return single && !TS_NOT_CLASSES.has(single[1]) ? single[1] : undefined;
}

/** The standard library's types, which no class of a workspace is (and whose methods are not its). */
const TS_NOT_CLASSES = new Set(['Promise', 'Array', 'ReadonlyArray', 'Record', 'Map', 'Set', 'WeakMap', 'Partial', 'Readonly', 'Required', 'Pick', 'Omit', 'Date', 'Error', 'Buffer', 'String', 'Number', 'Boolean', 'Object', 'Function', 'RegExp', 'Observable', 'Response', 'Request', 'URL', 'AbortSignal', 'Uint8Array']);

/**
 * Go: the fields of the struct literal a function gives local `name` (its last such assignment before `before`)
 * that hold a function literal returning a new value of a named type: vikunja's `bulk := &handler.WebHandler{
 * EmptyStruct: func() handler.CObject { return &models.Bulk{} } }`, one generic CRUD handler per model. The field,
 * the interface the function is declared to return, and the type of the value it makes, as written.
 */
export function goFactoryFields(body: string, name: string, before = body.length): GoFactoryField[] {
  if (!body.includes('func()')) return [];
  const assign = new RegExp(`(?:^|[\\s;(,])(?:var\\s+)?${name}\\s*:?=\\s*&?(?:\\w+\\.)?[A-Za-z_]\\w*\\s*\\{`, 'g');
  let open = -1;
  for (let m = assign.exec(body); m && m.index < before; m = assign.exec(body)) open = m.index + m[0].length - 1;
  if (open < 0) return [];
  let depth = 0;
  let close = open;
  for (; close < body.length; close++) {
    if (body[close] === '{') depth++;
    else if (body[close] === '}' && --depth === 0) break;
  }
  const literal = body.slice(open, close);
  const out: GoFactoryField[] = [];
  const field = /(?:^|[{,\s])([A-Za-z_]\w*)\s*:\s*func\s*\(\s*\)\s*\*?((?:\w+\.)?[A-Za-z_]\w*)\s*\{\s*return\s+(?:&\s*((?:\w+\.)?[A-Za-z_]\w*)\s*\{|new\(\s*((?:\w+\.)?[A-Za-z_]\w*)\s*\))/g;
  for (let m = field.exec(literal); m; m = field.exec(literal)) out.push({ field: m[1], result: m[2], type: m[3] ?? m[4] });
  return out;
}

export interface GoFactoryField {
  field: string;
  /** The type the function is declared to return (an interface, for the join to bind). */
  result: string;
  /** The type of the value it returns. */
  type: string;
}

/**
 * Go: what a function assigns to local `name` that it hands to a router as a handler: a router it makes itself
 * (`appMux := http.NewServeMux()`, also through another local, miniflux's `var appHandler http.Handler = appMux`),
 * or the functions whose results it holds (`h := googlereader.NewHandler(store)`), for the join to tell a router
 * made elsewhere. A value wrapping itself (`appHandler = middleware(appHandler)`) is what it wraps.
 */
export function goHandlerValue(body: string, name: string, depth = 0): { router: boolean; madeBy: string[][] } {
  const out = { router: false, madeBy: [] as string[][] };
  if (!body.includes(name)) return out;
  const assign = new RegExp(`(?:^|[\\s;(,{])(?:var\\s+)?${name}(?:\\s*,\\s*\\w+)?(?:\\s+\\*?[\\w.]+)?\\s*:?=\\s*([^\\n;]+)`, 'g');
  for (let m = assign.exec(body); m; m = assign.exec(body)) {
    const value = m[1].trim();
    if (GO_ROUTER_MAKERS.test(value)) out.router = true;
    else if (/^\w+$/.test(value) && value !== name && depth < 3) {
      const inner = goHandlerValue(body, value, depth + 1);
      out.router ||= inner.router;
      out.madeBy.push(...inner.madeBy);
    } else {
      const call = /^(?:(\w+)\.)?(\w+)\s*\(/.exec(value);
      if (call && !new RegExp(`[(,]\\s*${name}\\s*[,)]`).test(value)) out.madeBy.push(call[1] ? [call[1], call[2]] : [call[2]]);
    }
  }
  return out;
}

const GO_ROUTER_MAKERS = /^&?(?:http\.NewServeMux|chi\.New(?:Router|Mux)|mux\.NewRouter|gin\.(?:New|Default)|echo\.New|httprouter\.New)\(\s*\)/;
