import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import { rowHelpers, type RelationLoopFact } from './lazyRelations';
import { SERIALIZER_MANY } from './schemaHooks';

/**
 * Python ORMs' relations loaded on first access: a Django `ForeignKey` (`for book in Book.objects.filter(…):
 * book.author.name` runs a query per book unless the queryset did `select_related('author')`), a SQLAlchemy
 * `relationship()` with the default `lazy="select"` (`for b in session.query(Book): b.author` unless the query asked
 * for `joinedload(Book.author)` or `selectinload`). See lazyRelations.
 */

/**
 * `author = models.ForeignKey(Author, …)`, `profile = OneToOneField(…)` in a model class body; also a project's own
 * field class of that name, bookwyrm's `user = fields.ForeignKey("User", …)` (a subclass of Django's).
 */
const FORWARD_RELATION = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:[A-Za-z_]\w*\.)?(?:ForeignKey|OneToOneField)\s*\(/;
/** `author = relationship("Author", …)`, `posts: Mapped[list["Post"]] = db.relationship(…)`. */
const RELATIONSHIP = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:[\w.]+\.)?relationship\s*\(/;
/** Loading strategies that do not run a query per object on access. */
const NOT_LAZY = /\blazy\s*=\s*['"](?:joined|selectin|subquery|immediate|raise|raise_on_sql|noload|write_only|dynamic)['"]|\blazy\s*=\s*False\b/;
/** A class's first line, also of a header written over several (netbox's `class Interface(\n    ModularComponentModel,\n …):`). */
const CLASS = /^class\s+(\w+)\s*[(:]/;

/** The lines of the module's class bodies, each with its class and its offset in the text. */
function* classBodyLines(text: string): Generator<{ model: string; line: string; at: number }> {
  let model: string | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const cls = CLASS.exec(line);
    if (cls) {
      model = cls[1];
      continue;
    }
    // A line at the module's level ends the class body (not the `):` that ends a header written over several lines).
    if (/^[^\s)]/.test(line)) model = undefined;
    if (model) yield { model, line, at };
  }
}

/**
 * Relations loaded on access, by model, from the model classes of a module (`{ Book: ['author', 'publisher'] }`),
 * with the attributes a SQLAlchemy `backref=` adds to the other model.
 */
export function pythonLazyRelationsOf(text: string): Record<string, string[]> | undefined {
  if (!/ForeignKey|OneToOneField|relationship\s*\(/.test(text)) return undefined;
  let out: Record<string, string[]> | undefined;
  const add = (model: string, name: string) => ((out ??= {})[model] ??= []).push(name);
  for (const { model, line, at } of classBodyLines(text)) {
    const fk = FORWARD_RELATION.exec(line);
    if (fk) {
      add(model, fk[1]);
      continue;
    }
    const rel = RELATIONSHIP.exec(line);
    if (!rel) continue;
    const args = argumentsFrom(text, at + rel[0].length);
    if (!NOT_LAZY.test(args)) add(model, rel[1]);
    // `relationship("Post", backref="author")`: Post.author, loaded lazily unless `backref(…, lazy=…)` says otherwise.
    const target = /^\s*['"]?(\w+)/.exec(args)?.[1];
    const backref = /\bbackref\s*=\s*(?:['"](\w+)['"]|(?:[\w.]+\.)?backref\s*\(\s*['"](\w+)['"]([^)]*)\))/.exec(args);
    if (target && backref && !NOT_LAZY.test(backref[3] ?? '')) add(target, backref[1] ?? backref[2]);
  }
  return out;
}

/** `event = models.ForeignKey(…)`, `tags = ManyToManyField(…)`: a Django relation field of a model class body. */
const DJANGO_RELATION = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:[A-Za-z_]\w*\.)?(?:ForeignKey|OneToOneField|ManyToManyField)\s*\(/;

/**
 * Django models' relations by model, each to the model it leads to (`{ Resource: { submission: 'Submission' },
 * Submission: { resources: 'Resource' } }`): the fields (`ForeignKey`, `OneToOneField`, `ManyToManyField`) and the
 * names they are queried by from the other side (`related_name`, `related_query_name`, else the model's name in
 * lower case). A filter on a relation pins the rows to one object's (see WorkspaceLinker.pinsRelation).
 */
export function djangoRelationsOf(text: string): Record<string, Record<string, string>> | undefined {
  if (!/ForeignKey|OneToOneField|ManyToManyField/.test(text)) return undefined;
  let out: Record<string, Record<string, string>> | undefined;
  const add = (model: string, name: string, to: string) => (((out ??= {})[model] ??= {})[name] = to);
  for (const { model, line, at } of classBodyLines(text)) {
    const field = DJANGO_RELATION.exec(line);
    if (!field) continue;
    const { to, reverse } = relationEnds(argumentsFrom(text, at + field[0].length), model);
    add(model, field[1], to ?? '');
    if (to && reverse) add(to, reverse, model);
  }
  return out;
}

/** The model a relation field's arguments lead to, and the name it is queried by from there (none for `related_name="+"`). */
function relationEnds(args: string, model: string): { to?: string; reverse?: string } {
  const to = relatedModel(args, model);
  if (!to) return {};
  // `related_name="+"` turns the way back off.
  if (/\brelated_name\s*=\s*['"]\+/.test(args)) return { to };
  const reverse = /\brelated_query_name\s*=\s*['"](\w+)['"]/.exec(args)?.[1] ?? /\brelated_name\s*=\s*['"](\w+)['"]/.exec(args)?.[1];
  return { to, reverse: reverse ?? model.toLowerCase() };
}

/** `module_type = ForeignKeyWithAutoRelatedName(…)`: a field of a class of the project's own (not `models.X`). */
const OWN_FIELD_CLASS = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:(?!models\.)[A-Za-z_]\w*\.)?([A-Z]\w*(?:ForeignKey|Key|Field|Relation|OneToOne|ManyToMany)\w*)\s*\(/;

/**
 * Model fields of a project's own field class, by model: nautobot's `module_type = ForeignKeyWithAutoRelatedName(
 * to=ModuleType, …)` with `class ForeignKeyWithAutoRelatedName(models.ForeignKey)` in another module. Each with its
 * class, the model it leads to and the name it is queried by from there; the join keeps those whose class the
 * workspace shows extends Django's relation fields (WorkspaceLinker.djangoRelation).
 */
export function djangoOwnClassFieldsOf(text: string): Record<string, Record<string, { cls: string; to: string; reverse?: string }>> | undefined {
  if (!text.includes('Model')) return undefined;
  let out: Record<string, Record<string, { cls: string; to: string; reverse?: string }>> | undefined;
  for (const { model, line, at } of classBodyLines(text)) {
    const field = OWN_FIELD_CLASS.exec(line);
    if (!field || /^(?:ForeignKey|OneToOneField|ManyToManyField|Field)$/.test(field[2])) continue;
    const { to, reverse } = relationEnds(argumentsFrom(text, at + field[0].length), model);
    ((out ??= {})[model] ??= {})[field[1]] = { cls: field[2], to: to ?? '', ...(reverse ? { reverse } : {}) };
  }
  return out;
}

/**
 * Django models' forward `ManyToManyField`s, by model: what a DRF `ModelSerializer` with `fields = '__all__'` renders
 * as a list of keys, read with a query per row (drfSerializerReads).
 */
export function djangoManyToManyOf(text: string): Record<string, string[]> | undefined {
  if (!text.includes('ManyToManyField')) return undefined;
  let out: Record<string, string[]> | undefined;
  for (const { model, line } of classBodyLines(text)) {
    const field = /^[ \t]+(\w+)\s*(?::[^=\n]*)?=\s*(?:models\.)?ManyToManyField\s*\(/.exec(line);
    if (field) ((out ??= {})[model] ??= []).push(field[1]);
  }
  return out;
}

/** The model a relation field leads to: `Author`, `"Author"`, `"books.Author"`, `to="Author"`, `"self"`, the user model. */
function relatedModel(args: string, model: string): string | undefined {
  const first = /^\s*(?:to\s*=\s*)?(?:['"](?:\w+\.)?(\w+)['"]|([\w.]+))/.exec(args);
  const name = first?.[1] ?? first?.[2]?.split('.').pop();
  if (!name) return undefined;
  if (name === 'self') return model;
  if (name === 'AUTH_USER_MODEL' || name === 'get_user_model') return 'User';
  return /^[A-Z]\w*$/.test(name) ? name : undefined;
}

/** The text of a call's arguments (or a list's items) from just after its opening bracket to the closing one. */
export function argumentsFrom(text: string, from: number): string {
  let depth = 1;
  let i = from;
  for (; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return text.slice(from, i - 1);
}

/** Words a module that queries a model's rows has (Django's manager, SQLAlchemy's query forms). */
const QUERY_WORDS = /\.objects\b|\.query\b|\bselect\(/;
/**
 * `book.author`, not `book.save()`: an attribute read on a name (the loop's variable, checked by the caller). Not one
 * assigned (`role.speaker = survivor`, pretalx's speaker merge), which sets the relation without loading it.
 */
const ATTRIBUTE = /(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b(?!\s*(?:\(|=(?!=)))/g;

const LOOP_TYPES = new Set(['for_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/**
 * The loops of a statement over a model's rows (queried in place or kept in a variable of the function), from its
 * scanned nodes: an edit reads again only the statements it changed.
 */
export function pythonRelationLoopsOf(s: FileStructure, ownerAt: (scanIndex: number) => number, methodAt?: (scanIndex: number) => string | undefined): RelationLoopFact[] {
  const text = s.text;
  // Asked once per file, not once per statement analysed.
  if (!s.memo('py.queryWords', () => QUERY_WORDS.test(text))) return [];
  const out: RelationLoopFact[] = [];
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (!LOOP_TYPES.has(n.type)) continue;
    const loop = n.node;
    const clause = loop.type === 'for_statement' ? loop : loop.namedChildren.find((c) => c?.type === 'for_in_clause');
    const variable = clause?.childForFieldName('left');
    const iterable = clause?.childForFieldName('right');
    if (!clause || variable?.type !== 'identifier' || !iterable) continue;
    // The body: a for statement's block; a comprehension's element (all of it but its `for … in …` clauses).
    const body = loop.type === 'for_statement' ? loop.childForFieldName('body') : loop;
    if (!body) continue;
    const bodyText = text.slice(body.startIndex, body.endIndex);
    if (!bodyText.includes(variable.text)) continue;
    const f = s.functionOf[i];
    const rows = rowsOf(text, iterable, n.start, f >= 0 ? s.spanOfFunction(f).start : 0);
    if (!rows) continue;
    const attributes: RelationLoopFact['attributes'] = [];
    const seen = new Set<string>();
    for (const m of bodyText.matchAll(ATTRIBUTE)) {
      if (m[1] !== variable.text) continue;
      const at = body.startIndex + m.index!;
      if (seen.has(m[2]) || !s.isCodeAt(at)) continue;
      seen.add(m[2]);
      attributes.push({ name: m[2], range: s.rangeOfSpan(at, at + m[0].length), written: m[0] });
    }
    const helpers = rowHelpers(s, i, body.startIndex, body.endIndex, variable.text);
    if (!attributes.length && !helpers.length) continue;
    const method = methodAt?.(i);
    out.push({
      ...(method ? { method } : {}),
      orm: rows.orm,
      model: rows.model,
      variable: variable.text,
      attributes,
      ...(helpers.length ? { helpers } : {}),
      loaded: rows.loaded,
      loop: { kind: loop.type === 'for_statement' ? 'for' : 'comprehension', mode: 'sequential', range: s.rangeOf(i) },
      owner: ownerAt(i),
    });
  }
  if (text.includes('many=True')) out.push(...serializedLists(s, ownerAt));
  return out;
}

/**
 * `PageSerializer(pages, many=True)` given a Django queryset (in place, or kept in a variable of the function): a
 * loop over its rows, which the serializer renders one by one (RelationLoopFact.serializer). Not one given `fields=`
 * or `exclude=` (a serializer that picks its fields per call may not render those that read relations).
 */
function serializedLists(s: FileStructure, ownerAt: (scanIndex: number) => number): RelationLoopFact[] {
  const out: RelationLoopFact[] = [];
  for (const [i, call] of s.calls) {
    const name = call.chain[call.chain.length - 1];
    if (!name?.endsWith('Serializer') || !s.argumentsText(call).includes('many')) continue;
    const args = s.argumentsOf(call);
    const keyword = (k: string) => args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === k);
    const many = args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'many' && a.childForFieldName('value')?.text === 'True');
    if (!many || keyword('fields') || keyword('exclude') || args[0]?.type === 'keyword_argument' || !args[0]) continue;
    const f = s.functionOf[i];
    const rows = rowsOf(s.text, args[0], s.nodes[i].start, f >= 0 ? s.spanOfFunction(f).start : 0);
    if (rows?.orm !== 'django') continue;
    const range = s.rangeOf(i);
    const written = s.text.slice(s.nodes[i].start, s.nodes[i].end).replace(/\s+/g, ' ');
    out.push({
      orm: 'django',
      model: rows.model,
      variable: args[0].text,
      attributes: [],
      serializer: { chain: call.chain, range, written: written.length > 100 ? `${written.slice(0, 97)}…` : written },
      loaded: rows.loaded,
      loop: { kind: SERIALIZER_MANY, mode: 'sequential', range },
      owner: ownerAt(i),
    });
  }
  return out;
}

/** The attributes a function reads on each positional parameter (see FunctionFact.paramReads), or undefined. */
export function pythonParamReads(fn: Node, text: string, isMethod: boolean, isCodeAt: (offset: number) => boolean): Record<number, string[]> | undefined {
  const body = fn.childForFieldName('body');
  const params = fn.childForFieldName('parameters');
  if (!body || !params) return undefined;
  const bodyText = text.slice(body.startIndex, body.endIndex);
  if (!bodyText.includes('.')) return undefined;
  const names: string[] = [];
  for (const p of params.namedChildren) {
    if (!p) continue;
    // `row`, `row: Book`, `row=None`, `row: Book = None`; `*args` and what follows are not positional.
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator') break;
    const name = p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'))?.text;
    names.push(name ?? '');
  }
  if (isMethod && (names[0] === 'self' || names[0] === 'cls')) names.shift();
  let out: Record<number, string[]> | undefined;
  names.forEach((name, k) => {
    if (!name || !bodyText.includes(`${name}.`)) return;
    const reads = new Set<string>();
    for (const m of bodyText.matchAll(ATTRIBUTE)) if (m[1] === name && isCodeAt(body.startIndex + m.index!)) reads.add(m[2]);
    if (reads.size) (out ??= {})[k] = [...reads];
  });
  return out;
}

/** The model a query's rows are, by how it is written: Django's `Book.objects…`, SQLAlchemy's forms. */
const QUERIES: { orm: RelationLoopFact['orm']; pattern: RegExp }[] = [
  { orm: 'django', pattern: /^\(?\s*(\w+)\.objects\b/ },
  // `session.query(Book)`, `db.session.query(Book)`, Flask-SQLAlchemy's `Book.query`.
  { orm: 'sqlalchemy', pattern: /^\(?\s*(?:[\w.]*\bsession|\w*db)\.query\(\s*(\w+)\s*[,)]/ },
  { orm: 'sqlalchemy', pattern: /^\(?\s*([A-Z]\w*)\.query\b/ },
  // `session.scalars(select(Book)…)`, `session.execute(select(Book)…).scalars()`.
  { orm: 'sqlalchemy', pattern: /^\(?\s*(?:await\s+)?[\w.]*\b(?:scalars|execute)\(\s*select\(\s*(\w+)\s*\)/ },
];

/**
 * The model and loading options of the rows a loop iterates: a query written as the iterable, or a variable the
 * function set to one before the loop (`books = Book.objects.select_related('author')`, later `books =
 * books.filter(…)`). Not a query of `values()`/`values_list()`, whose rows are not model instances.
 */
function rowsOf(text: string, iterable: Node, loopStart: number, fnStart: number): { orm: RelationLoopFact['orm']; model: string; loaded: string[] | '*' } | undefined {
  let chain = iterable.text;
  let found = match(chain);
  if (!found && iterable.type === 'identifier') {
    const assigned = queryAssigned(text.slice(fnStart, loopStart), iterable.text);
    if (assigned === undefined) return undefined;
    chain = assigned;
    found = match(chain);
  }
  if (!found || /\.(values|values_list)\s*\(/.test(chain)) return undefined;
  const loaded: string[] = [];
  if (found.orm === 'django') {
    // Not known (`prefetch_related(*fields)`): nothing is said.
    const django = loadedRelations(chain);
    if (!django) return undefined;
    if (django.includes('*')) return { ...found, loaded: '*' };
    loaded.push(...django);
  } else {
    // `joinedload(Book.author)`, `selectinload("author")`, `contains_eager(Book.author)`.
    for (const m of chain.matchAll(/\b(?:joinedload|selectinload|subqueryload|immediateload|contains_eager)\s*\(\s*(?:\w+\.(\w+)|['"](\w+)['"])/g)) loaded.push(m[1] ?? m[2]);
  }
  return { ...found, loaded };
}

/**
 * What the function gave `name` before a loop (the text from that value to the loop), from the assignment that
 * started the query: CTFd's `chal_q = Challenges.query.filter(…)` then `chal_q = chal_q.order_by(…)` is the first
 * one's, whose text goes on through the steps built on it (their `joinedload` options too).
 */
export function queryAssigned(before: string, name: string): string | undefined {
  const all = [...before.matchAll(new RegExp(`(?:^|\\n)[ \\t]*${name}\\s*=\\s*`, 'g'))];
  const builtOn = new RegExp(`^\\(?\\s*${name}\\s*\\.`);
  let k = all.length - 1;
  while (k > 0 && builtOn.test(before.slice(all[k].index! + all[k][0].length))) k--;
  return k >= 0 ? before.slice(all[k].index! + all[k][0].length) : undefined;
}

/**
 * The model of the rows a loop variable is bound to, by the loop around node `at` that binds `name` (`for ds in
 * DataSource.objects.all()[:50]`, a comprehension's `for ds in data_sources` with `data_sources = …` a query earlier in
 * the function): as rowsOf reads them, also a model reached through its module (redash's `models.DataSource.query…`)
 * or rows listed whole (`list(Book.objects…)`). The class whose methods `ds.to_dict()` calls.
 */
export function loopRowModel(text: string, at: Node, name: string, fnStart: number): string | undefined {
  for (let n: Node | null = at.parent; n && n.type !== 'function_definition' && n.type !== 'lambda'; n = n.parent) {
    if (!LOOP_TYPES.has(n.type)) continue;
    const clauses = n.type === 'for_statement' ? [n] : n.namedChildren.filter((c): c is Node => c?.type === 'for_in_clause');
    const clause = clauses.find((c) => c.childForFieldName('left')?.text === name);
    const iterable = clause?.childForFieldName('right');
    // (The variable of an inner loop hides an outer one's.)
    if (!clause) continue;
    if (!iterable) return undefined;
    let chain = iterable.text;
    if (iterable.type === 'identifier') {
      const assigned = queryAssigned(text.slice(fnStart, n.startIndex), iterable.text);
      if (assigned === undefined) return undefined;
      chain = assigned;
    }
    chain = chain.replace(/^(?:list|sorted|tuple)\(\s*/, '').replace(/^\(?\s*[a-z_]\w*\.(?=[A-Z]\w*\.(?:objects|query)\b)/, '');
    const found = match(chain);
    return found && !/\.(values|values_list)\s*\(/.test(chain) ? found.model : undefined;
  }
  return undefined;
}

function match(chain: string): { orm: RelationLoopFact['orm']; model: string } | undefined {
  for (const q of QUERIES) {
    const model = q.pattern.exec(chain)?.[1];
    if (model) return { orm: q.orm, model };
  }
  return undefined;
}

/**
 * What a queryset as written loads with its rows: the relations its `select_related` and `prefetch_related` name (a
 * lookup through a relation loads the relation itself: `'device__site'` loads `device`; `Prefetch('comments', …)`
 * loads `comments`), with '*' for `select_related()` with no argument (every forward relation), or undefined when an
 * argument is not written out (`prefetch_related(*prefetches)`): what is loaded is then not known here.
 */
export function loadedRelations(text: string): string[] | undefined {
  const out: string[] = [];
  for (const m of text.matchAll(/\.(select_related|prefetch_related)\s*\(/g)) {
    const args = argumentsFrom(text, m.index + m[0].length).trim();
    if (!args) {
      if (m[1] === 'select_related') out.push('*');
      continue;
    }
    for (const arg of splitTopLevel(args)) {
      const literal = /^(?:Prefetch\s*\(\s*)?(?:lookup\s*=\s*)?['"](\w+)/.exec(arg.trim());
      if (!literal) return undefined;
      out.push(literal[1].split('__')[0]);
    }
  }
  return out;
}

/** The arguments of a call, split at its own commas (not those inside brackets or strings). */
export function splitTopLevel(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let quote = '';
  for (let i = 0; i < args.length; i++) {
    const ch = args[i];
    if (quote) {
      if (ch === quote && args[i - 1] !== '\\') quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(args.slice(from, i));
      from = i + 1;
    }
  }
  if (args.slice(from).trim()) out.push(args.slice(from));
  return out;
}

/**
 * Steps after which a query is no longer a list of every row: it is read (`all`, `first`…, judged there), or bounded.
 * (Not `scalars`: SQLAlchemy 2.0's `session.scalars(select(T))` and `….scalars()` give every row to a loop over them.
 * `yield_per` streams them in batches, as a step or an execution option: `select(T).execution_options(yield_per=500)`.)
 */
const READ_OR_BOUNDED = /\.\s*(?:all|first|one|one_or_none|scalar|count|get|get_or_404|first_or_404|one_or_404|paginate|limit|slice|exists|delete|update|in_|yield_per)\s*\(|\.\s*execution_options\s*\([^)]*\byield_per\s*=/;

/**
 * SQLAlchemy queries a loop iterates as they are, with no `.all()` (CTFd's `for c in chal_q:` after `chal_q =
 * Challenges.query.filter(…)`, `for b in session.query(Book):`): the loop reads every row, as `.all()` would. Each with
 * the loop's scan index, the iterable, the text of the query and its model. Not one read or bounded along the way.
 */
export function iteratedQueries(s: FileStructure): { at: number; iterable: Node; query: string; model: string }[] {
  const text = s.text;
  // (Also a 2.0 statement run in place, freqtrade's `for t in Trade.session.scalars(select(Trade).filter(…))`.)
  if ((!s.mentions('query') && !s.mentions('scalars') && !s.mentions('execute')) || !s.memo('py.queryWords', () => QUERY_WORDS.test(text))) return [];
  const out: { at: number; iterable: Node; query: string; model: string }[] = [];
  for (let i = 0; i < s.nodes.length; i++) {
    const n = s.nodes[i];
    if (!LOOP_TYPES.has(n.type)) continue;
    const loop = n.node;
    const clause = loop.type === 'for_statement' ? loop : loop.namedChildren.find((c) => c?.type === 'for_in_clause');
    const iterable = clause?.childForFieldName('right');
    if (!iterable || (iterable.type !== 'identifier' && iterable.type !== 'call' && iterable.type !== 'attribute')) continue;
    let query = iterable.text;
    if (iterable.type === 'identifier') {
      const f = s.functionOf[i];
      const assigned = queryAssigned(text.slice(f >= 0 ? s.spanOfFunction(f).start : 0, n.start), iterable.text);
      if (assigned === undefined) continue;
      // The statements that build it, up to the loop: a query handed to anything else in between may be narrowed there.
      query = assigned;
      if (new RegExp(`[(,]\\s*${iterable.text}\\s*[,)]`).test(query)) continue;
    }
    const found = match(query);
    if (found?.orm !== 'sqlalchemy' || READ_OR_BOUNDED.test(query)) continue;
    // (A session's `query(Model)` is given a model: one given a key or SQL, PynamoDB's `Order.query(cid, limit=20)` or
    // records' `db.query(sql)`, is another library's, which reads as it pages.)
    if (/\.query\s*\(\s*(?![A-Z]\w*\s*[,)])/.test(query)) continue;
    out.push({ at: i, iterable, query, model: found.model });
  }
  return out;
}
