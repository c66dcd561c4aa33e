import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { EnvRead } from '../codeModel';
import type { LanguageSpec } from '../languages/languageSpec';
import { mentions, textOf, type Searchable } from '../wordSearch';
import { isReturned } from '../fileStructure';
import { pydanticSettingsReads } from './pydanticSettings';

interface EnvPattern {
  re: RegExp;
  /** The read falls back to a value of its own when the text right after the match matches this. */
  defaultAfter?: RegExp;
  /** …or when the text right before it does (`if (!process.env.X)`: its absence is a case the code handles). */
  testedBefore?: RegExp;
}

/**
 * JavaScript: a default (`?? 'x'`, `|| 'x'`), or a test of the value at once, which makes its absence a case the code
 * handles: `if (process.env.SESSION_REDIS) {…}`, `process.env.MODE === 'fast'`, `process.env.X ? a : b`, `X && …`.
 * Also through a cast, `(process.env.X as Mechanism) || 'plain'`, or optional calls then compared or defaulted,
 * `process.env.X?.toLowerCase() === 'true'`, `process.env.X?.split(',') || []`. Not `process.env.X?.trim()` alone:
 * optional chaining only passes the absence on.
 */
const JS_HANDLED_AFTER = /^(?:\s+as\s+[^;\n]*?\)|(?:\?\.[\w$]+(?:\([^()\n]*\))?)+)?\s*(\?\?|\|\||\?(?![.?])|[!=]==?|&&|\)\s*\{)/;
/** The second choice of a value given some other way first (Unleash's `options.prometheusApi || process.env.PROMETHEUS_API`). */
const JS_ALTERNATIVE_BEFORE = /(?:\|\||\?\?)\s*$/;
/** A number or string made of it, then a default: `parseInt(process.env.X) || 200`, `Number(process.env.X ?? 5)`. */
const JS_WRAPPED_BEFORE = /\b(?:parseInt|parseFloat|Number|String)\(\s*$/;
const JS_WRAPPED_DEFAULT = /^\s*(?:,\s*\d+\s*)?\)\s*(?:\?\?|\|\|)/;
/** Also through a helper that tests it (wiki.js's `!_.isEmpty(process.env.DATABASE_URL) ? … : config`). */
const JS_TESTED_BEFORE = /(\b(if|while)\s*\(\s*!*\s*|!\s*|\b(?:[\w$]+\.)?is(?:Empty|Nil|Blank|NotEmpty|Undefined|Null)\(\s*)$/;
/**
 * A project's own reader given the default beside it: Unleash's `parseEnvVarNumber(process.env.X, 15)`,
 * `envOr(process.env.X, 'a')`. Not `parseInt(process.env.X, 10)`, whose second argument is a radix.
 */
const JS_HELPER_BEFORE = /([\w$]+)\(\s*$/;
const JS_HELPER_NAME = /env|parse|default|fallback|bool|num|int/i;
const JS_SECOND_ARGUMENT = /^\s*,\s*[^\s)]/;

function defaultByHelper(text: string, at: number, end: number): boolean {
  const helper = JS_HELPER_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  if (helper) return JS_HELPER_NAME.test(helper) && !/^parse(?:Int|Float)$/.test(helper) && JS_SECOND_ARGUMENT.test(text.slice(end, end + 40));
  // …or given after the value it falls back from, as the call's last argument (Flowise's `defaultChain(nodeData?.inputs?.host,
  // process.env.PG_HOST)`, `getCredentialParam('user', cred, nodeData, process.env.PG_USER)`).
  const call = JS_LAST_ARGUMENT_OF.exec(text.slice(Math.max(0, at - 160), at))?.[1];
  return !!call && JS_FALLBACK_HELPER.test(call) && /^\s*\)/.test(text.slice(end, end + 8));
}

/** A call's name and its arguments before this one, on the line: `defaultChain(nodeData?.inputs?.host, `. */
const JS_LAST_ARGUMENT_OF = /([\w$]+)\((?:[^()\n]|\([^()\n]*\))*,\s*$/;
/** A helper named for the fallback it takes last: a default, a chain of alternatives, a parameter read with one. */
const JS_FALLBACK_HELPER = /[dD]efault|[fF]allback|[cC]oalesce|^chain$|[a-z]Chain$|^param$|[a-z]Param$|[a-z]Or$/;

const PATTERNS: Record<string, EnvPattern[]> = {
  js: [
    { re: /\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)/g, defaultAfter: JS_HANDLED_AFTER, testedBefore: JS_TESTED_BEFORE },
    { re: /\bprocess\.env\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g, defaultAfter: JS_HANDLED_AFTER, testedBefore: JS_TESTED_BEFORE },
  ],
  python: [
    { re: /\bos\.environ\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]/g },
    // `.get()` and `getenv()` return None rather than fail: the code has to handle the absence already.
    { re: /\b(?:os\.)?(?:environ\.get|getenv)\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*/g, defaultAfter: /^/ },
  ],
  go: [
    // Compared at once (`os.Getenv("X") == "true"`, `if v := os.Getenv("X"); v != ""`): absence is handled.
    // Also with the value on the left, through a wrapper: `"true" == strings.ToLower(os.Getenv("ENABLE_ASSISTANT"))`;
    // or its length (`if len(os.Getenv("SKIP_FILE_ACCESS_VERIFY")) > 0`, apache/answer).
    // Or the default of a command-line flag (`flag.String("root", os.Getenv("ROOT"), "…")`, cobra's
    // `Flags().StringVarP(&root, "root", "r", os.Getenv("ROOT"), "…")`): the flag may give it instead.
    {
      // (Or parsed in an `if`'s initializer whose condition says it is set: `goSetByInitializer`.)
      re: /\bos\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g,
      defaultAfter: /^[^\n]*(==|!=)/,
      // Or converted with its error discarded (one-api's `var requestInterval, _ = strconv.Atoi(os.Getenv("POLLING_INTERVAL"))`):
      // unset, it is the zero value, on purpose.
      // Or one of `cmp.Or`'s candidates, the first set one taken (kratos' `cmp.Or(o.format, config, os.Getenv("LOG_FORMAT"))`),
      // or the value a `switch` picks a case by, unset picking none (kratos' `switch os.Getenv("PROFILING") {`).
      testedBefore: /(?:==|!=)\s*(?:[\w.]+\(\s*)*$|\blen\(\s*$|,\s*_\s*:?=\s*(?:strconv\.(?:Atoi|Parse\w+)|time\.ParseDuration)\(\s*$|\.(?:String|Int|Int64|Uint|Bool|Duration|Float64)(?:Var)?P?\(\s*(?:&[\w.]+\s*,\s*)?"[^"\n]*"\s*,\s*(?:"[^"\n]*"\s*,\s*)?$|\bcmp\.Or\((?:[^()\n]|\([^()\n]*\))*$|\bswitch\s+(?:[\w.]+\(\s*)*$/,
    },
    { re: /\bos\.LookupEnv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g, defaultAfter: /^|/ },
  ],
  java: [{ re: /\bSystem\.getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g, defaultAfter: /^[^\n;]*(\?|!=\s*null|==\s*null|orElse|isEmpty|isBlank)/ }],
};

/**
 * Kept in a variable that the next lines test: `dbType := os.Getenv("FB_DBTYPE")` then `if dbType == "" {…}`
 * (focalboard), `const url = process.env.X;` then `if (!url)` or `url ?? …`: its absence is handled.
 */
function testedLater(text: string, at: number, end: number, family: string): boolean {
  if (family !== 'go' && family !== 'js') return false;
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  // Also through a wrapper: `dbType = strings.TrimSpace(os.Getenv("X"))`.
  const name = /(?:^|[\s(,])(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?:?=\s*(?:[\w$.]+\(\s*)*$/.exec(line)?.[1];
  if (!name) return false;
  const next = text.slice(end, end + 400);
  const n = name.replace(/\$/g, '\\$');
  // A variable of the package (set with `=`, in `init()` or a `var` block), tested for being set wherever the file
  // uses it: microservices-demo's `packagingServiceUrl = os.Getenv("PACKAGING_SERVICE_URL")` and
  // `func isPackagingServiceConfigured() bool { return packagingServiceUrl != "" }`.
  // (Not a function's own, `x := …` or an indented `var x = …`.)
  // Or given a default when it is empty, wherever (apache/answer's `port = os.Getenv("INSTALL_PORT")` in a `var` block,
  // then `if len(port) == 0 { port = "80" }`).
  if (
    family === 'go' &&
    !/:=\s*(?:[\w$.]+\(\s*)*$|^\s+var\s/.test(line) &&
    new RegExp(`(?<![\\w.])${n}\\s*!=\\s*""|\\blen\\(\\s*${n}\\s*\\)\\s*(?:>|!=)\\s*0|(?:(?<![\\w.])${n}\\s*==\\s*""|\\blen\\(\\s*${n}\\s*\\)\\s*==\\s*0)\\s*\\{\\s*${n}\\s*=[^=]`).test(text)
  )
    return true;
  // A default given when it is empty (`if dbType == "" { dbType = "sqlite3" }`, `url ?? 'x'`), or a use only when it
  // is set (`if basePrefix != "" {…}`, `if (flag) {…}`, umami's `if (scriptUrl && matches(…))`, `flag ? a : b`); not
  // a check that stops the service (`if key == "" { log.Fatal… }`), which needs the variable as much as a read without one.
  return family === 'go'
    ? // Also by its length (alist's `} else if len(envpass) > 0 { adminPassword = envpass }`); or the value a `switch`
      // picks a case by (new-api's `backend := strings.ToLower(strings.TrimSpace(os.Getenv(…)))`, `switch backend {`
      // with `case "", …:`), or one a predicate checks before its use (`if isValidVersion(v) { return v }`; not an
      // emptiness check, `if isEmpty(v)`).
      new RegExp(
        `\\bif\\s+(?:${n}\\s*==\\s*""|len\\(\\s*${n}\\s*\\)\\s*==\\s*0)\\s*\\{\\s*(?:${n}\\s*=|return\\s+(?!err\\b|nil\\s*,\\s*err|fmt\\.Errorf|errors\\.))|\\bif\\s+(?:${n}\\s*!=\\s*""|len\\(\\s*${n}\\s*\\)\\s*(?:>|!=)\\s*0)|\\bif\\s+${n}\\s*[!=]=\\s*"[^"]+"`,
      ).test(next) ||
        goEmptyBranch(n, text, end, next) ||
        goSwitchGoesOnWhenEmpty(n, text, end) ||
        goPredicateUsesIt(n, next)
    : jsUsedWhenSet(n, next);
}

/**
 * Go: the kept value a `switch` picks a case by, whose empty value goes on: a `case ""` (new-api's `switch backend {`
 * with `case "", "gcs":`) or a `default:` that does not stop. Not a switch that ends the service on any other value,
 * `default: log.Fatalf("unknown STORAGE_MODE %q", mode)`; one with no clause for it goes on too. `n`: the name, escaped.
 */
function goSwitchGoesOnWhenEmpty(n: string, text: string, end: number): boolean {
  const m = new RegExp(`\\bswitch\\s+${n}\\s*\\{`).exec(text.slice(end, end + 400));
  if (!m) return false;
  const from = end + m.index + m[0].length;
  const close = closingBrace(text, from, from + 4000);
  const body = text.slice(from, close < 0 ? Math.min(text.length, from + 4000) : close);
  // The switch's own clauses (not a nested block's): their labels at depth 0.
  const labels: { label: string; start: number; end: number }[] = [];
  let depth = 0;
  let i = 0;
  for (const l of body.matchAll(/\b(case\b[^:\n]*|default\s*):/g)) {
    for (; i < l.index!; i++) depth += body[i] === '{' ? 1 : body[i] === '}' ? -1 : 0;
    if (depth === 0) labels.push({ label: l[1], start: l.index!, end: l.index! + l[0].length });
  }
  // The clause the empty value takes: the one listing `""`, else `default:`.
  const empty = labels.findIndex((l) => /(?:case\s+|,\s*)""\s*(?:,|$)/.test(l.label));
  const at = empty >= 0 ? empty : labels.findIndex((l) => l.label.startsWith('default'));
  // (No clause for it: the empty value picks none and goes on past the switch, as kratos' `switch os.Getenv(…) {` does.)
  if (at < 0) return true;
  return !GO_STOPS.test(body.slice(labels[at].end, labels[at + 1]?.start ?? body.length));
}

/**
 * Go: a kept value a predicate accepts, then used in its branch (`if isValidVersion(v) { return v }`): used only when
 * valid, set. Not a branch that stops or does not use it, `if weak(key) { log.Fatal(…) }`, nor an emptiness check,
 * `if isEmpty(v)`. `n`: the name, escaped.
 */
function goPredicateUsesIt(n: string, next: string): boolean {
  const m = new RegExp(`\\bif\\s+(?![\\w.]*(?:Empty|Blank|Missing|Zero|Nil)\\()[\\w.]+\\(\\s*${n}\\s*\\)\\s*\\{`).exec(next);
  if (!m) return false;
  const from = m.index + m[0].length;
  const close = closingBrace(next, from, next.length);
  if (close < 0) return false;
  const branch = next.slice(from, close);
  return new RegExp(`(?<![\\w.])${n}\\b`).test(branch) && !GO_STOPS.test(branch);
}

/**
 * Go: parsed in an `if`'s initializer whose condition says it is set, and whose branch goes on (new-api's `if ids :=
 * ParseBlogCategoryIDs(os.Getenv("BLOG_CMS_CATEGORY_IDS")); len(ids) > 0 {`). Not a length test of another kind,
 * `len(tok) < 32`, nor a branch that stops. `end`: the end of the read.
 */
function goSetByInitializer(text: string, end: number): boolean {
  const m = /^[^\n;{]*;\s*len\(\s*[A-Za-z_]\w*\s*\)\s*(?:>\s*0|!=\s*0|>=\s*1)\s*\{/.exec(text.slice(end, end + 200));
  if (!m) return false;
  const from = end + m[0].length;
  const close = closingBrace(text, from, from + 4000);
  return close >= 0 && !GO_STOPS.test(text.slice(from, close));
}

/** What ends a Go branch that stops the service, or the function with an error: the variable is needed. */
const GO_STOPS = /\bpanic\(|\bos\.Exit\(|\.(?:Fatal|Panic)\w*\(|\bfmt\.Errorf\(|\berrors\.(?:New|Errorf)\(|\breturn\s+(?:[^;\n{}]*,\s*)?err\b/;

/**
 * Go: a branch for the empty value that goes on, with an `else` for the set one (new-api's `if frontendBaseUrl == "" {
 * SetWebRouter(…) } else { …redirect to frontendBaseUrl… }`): the value is used only when set. Not a branch that
 * stops, `if key == "" { log.Println(…); os.Exit(1) } else {…}`. Or one that gives it a default after other
 * statements (openfga's `if len(fileLocation) == 0 { homeDir, err := p.GetHomeDir(); if err != nil {…};
 * fileLocation = filepath.Join(homeDir, ".pgpass") }`): assigned at the branch's own level, not in a block inside
 * it, and that level does not stop (a block inside that stops is for another condition, the error's). `n`: the
 * name, escaped for a pattern; `text`, `end`: the file and the end of the read, `next` the text after it.
 */
function goEmptyBranch(n: string, text: string, end: number, next: string): boolean {
  const m = new RegExp(`\\bif\\s+(?:${n}\\s*==\\s*""|len\\(\\s*${n}\\s*\\)\\s*==\\s*0)\\s*\\{`).exec(next);
  if (!m) return false;
  // The branch: to its closing brace (braces in strings are rare enough in such a branch to be counted).
  const from = end + m.index + m[0].length;
  const close = closingBrace(text, from, from + 4000);
  if (close < 0) return false;
  if (/^\s*else\b/.test(text.slice(close + 1, close + 12))) return !GO_STOPS.test(text.slice(from, close));
  const own = ownLevel(text, from, close);
  return new RegExp(`(?<![\\w.])${n}\\s*=[^=]`).test(own) && !GO_STOPS.test(own);
}

/** The text of a block from `from` to `close` without that of the blocks inside it (their braces kept, `{}`). */
function ownLevel(text: string, from: number, close: number): string {
  let own = '';
  let depth = 0;
  let start = from;
  for (let i = from; i < close; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth++ === 0) own += text.slice(start, i + 1);
    } else if (c === '}' && depth > 0 && --depth === 0) start = i;
  }
  return depth === 0 ? own + text.slice(start, close) : own;
}

/** The `}` that closes the block opened just before `from`, looked for up to `limit`; -1 when not there. */
function closingBrace(text: string, from: number, limit: number): number {
  let depth = 1;
  for (let i = from; i < Math.min(limit, text.length); i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * JavaScript: the name given a default, used only when set, or an alternative itself in the text after its read (`url ?? 'x'`, `if (flag)`,
 * after another test, `if (access_token && pixel_id)` (postiz's tracking), or the last of several tested before a
 * return, `if (!s || !key || !iv) return s;` (Unleash's anonymise)). `n`: the name, escaped for a pattern.
 */
function jsUsedWhenSet(n: string, next: string): boolean {
  // (Not a test of its absence that stops the start, also among others: `if (!DATABASE_URL || !SESSION_SECRET) throw …`.)
  // (Also after a line or two that say why, `{ console.error('A_URL is required'); process.exit(1); }`.)
  if (new RegExp(`!\\s*${n}(?![\\w$])[^;{}\\n]*\\)\\s*\\{?\\s*(?:[^;{}]*;\\s*){0,3}?(?:throw|process\\.exit)\\b`).test(next)) return false;
  // (Or the last alternative of several, `return HTTPS_PROXY ?? HTTP_PROXY;`: none may be set.)
  return new RegExp(`(?<![\\w$.])${n}\\s*(?:\\?\\?|\\|\\||&&|\\?(?![.?]))|(?:\\?\\?|\\|\\|)\\s*${n}(?![\\w$.(])|\\bif\\s*\\(\\s*${n}\\s*\\)|&&\\s*${n}(?![\\w$.(])|\\|\\|\\s*!\\s*${n}\\s*\\)\\s*\\{?\\s*(?:return|continue)\\b`).test(next);
}

/**
 * The part of a statement or expression that runs only when its condition holds: an `if`'s or a ternary's consequence,
 * Python's `value if cond else default`, the right of `&&`/`and`.
 */
function guardedPart(n: Node): { condition: Node | null; guarded: Node | null } | undefined {
  switch (n.type) {
    case 'if_statement':
    case 'elif_clause':
    case 'ternary_expression':
      return { condition: n.childForFieldName('condition'), guarded: n.childForFieldName('consequence') };
    case 'conditional_expression':
      return { condition: n.namedChild(1), guarded: n.namedChild(0) };
    case 'binary_expression':
    case 'boolean_operator':
      return /^(&&|and)$/.test(n.childForFieldName('operator')?.text ?? '') ? { condition: n.childForFieldName('left'), guarded: n.childForFieldName('right') } : undefined;
    default:
      return undefined;
  }
}

/**
 * Python: a branch taken when another variable is set (Flagsmith's `elif "DJANGO_DB_NAME" in os.environ:` reading
 * `DJANGO_DB_USER`, `DJANGO_DB_HOST`…, the old way to configure what DATABASE_URL now does): an optional path.
 */
const PY_ANOTHER_SET = /^(?!.*\bnot\s+in\b)[^]*['"][A-Za-z_]\w*['"]\s+in\s+os\.environ\b/;

/**
 * A branch taken when another variable is set, in any language: Python's `"X" in os.environ`, or a read of one tested
 * as set (casdoor's `if os.Getenv("ALIBABA_CLOUD_ROLE_ARN") != "" {` reading the `ALIBABA_CLOUD_OIDC_*` the platform
 * injects with it, `if (process.env.S3_BUCKET) {`).
 */
function anotherSet(condition: string): boolean {
  if (PY_ANOTHER_SET.test(condition)) return true;
  for (const m of condition.matchAll(ENV_NAMED)) {
    const other = m.slice(1).find((g) => g !== undefined);
    if (other && testsSet(condition, other)) return true;
  }
  return false;
}

/** What ends an early exit that handles the absence (not one that stops the service: throw, raise, exit, panic). */
const EARLY_RETURN = /\breturn\b|\bcontinue\b/;
const FATAL = /\bthrow\b|\braise\b|\bexit\s*\(|\bpanic\s*\(|\.Fatal\w*\s*\(/;

/** The condition tests the variable for being set (`process.env.X`, `os.Getenv("X") != ""`), not for being absent. */
function testsSet(condition: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(condition) && !testsAbsent(condition, name);
}

/** A helper's emptiness test read as the plain test it is: `!_.isEmpty(x)` is `(x)`, `isEmpty(x)` is `!(x)`. */
function emptinessAsTruth(condition: string): string {
  return condition.replace(/(!\s*)?\b(?:[\w$]+\.)?is(?:Empty|Nil|Blank|Undefined|Null)\(/g, (_, not: string | undefined) => (not ? '(' : '!('));
}

/** `!process.env.X`, `not os.environ.get("X")`, `os.Getenv("X") == ""`, `… is None`. */
function testsAbsent(condition: string, name: string): boolean {
  condition = emptinessAsTruth(condition);
  return new RegExp(
    `(?:!|\\bnot\\s)\\s*\\(?\\s*[\\w.$\\[\\]('"]*?\\b${name}\\b|\\b${name}\\b['"\\]]?\\)?\\s*(?:===?\\s*(?:""|''|undefined|null)|is\\s+None)`,
  ).test(condition);
}

/**
 * The read runs only when the variable is set: inside an `if` (or a ternary, an `&&`) that tests it, `if
 * (process.env.LEGACY_URL) { origins.push(process.env.LEGACY_URL) }` (novu), or after an early return when it is
 * absent, `if (!process.env.REPLICA_URLS) { return prisma; }` (documenso). The absence is a case the code handles.
 */
function guardedByTest(tree: Tree, at: number, name: string, text: string, predicates: Map<string, string | undefined>): boolean {
  let child = tree.rootNode.descendantForIndex(at, at);
  for (let parent = child?.parent ?? null; child && parent; child = parent, parent = parent.parent) {
    const part = guardedPart(parent);
    if (part?.condition && part.guarded && part.guarded.startIndex <= at && at < part.guarded.endIndex && (testsSet(part.condition.text, name) || anotherSet(part.condition.text))) return true;
    // An early return before the read, in the same block or an enclosing one.
    let checked = 0;
    for (let before = child.previousNamedSibling; before && checked < 30; before = before.previousNamedSibling, checked++) {
      if (before.type !== 'if_statement') continue;
      const condition = before.childForFieldName('condition');
      const consequence = before.childForFieldName('consequence');
      if (!condition || !consequence || !(testsAbsent(condition.text, name) || negatedPresenceTest(condition.text, name, text, predicates))) continue;
      const exit = consequence.text;
      if (EARLY_RETURN.test(exit) && !FATAL.test(exit)) return true;
    }
  }
  return false;
}

/**
 * Go: `!configured()`, a function of the file whose body reads the variable (new-api's byteplus_gcs.go: `if
 * !bytePlusGCSTempObjectStoreConfigured() { return "" }`, that function `bucket, ok := os.LookupEnv("TEMP_MEDIA_BUCKET");
 * return ok && …`): false when it is unset. Bodies are looked up once per name (`predicates`).
 */
function negatedPresenceTest(condition: string, name: string, text: string, predicates: Map<string, string | undefined>): boolean {
  const called = /^\(?\s*!\s*([A-Za-z_]\w*)\(\s*\)\s*\)?$/.exec(condition.trim())?.[1];
  if (!called) return false;
  let body = predicates.get(called);
  if (!predicates.has(called)) {
    const start = new RegExp(`^func\\s+${called}\\(\\s*\\)\\s*bool\\s*\\{`, 'm').exec(text);
    const from = start ? start.index + start[0].length : -1;
    const end = start ? closingBrace(text, from, from + 4000) : -1;
    body = end > 0 ? text.slice(from, end) : undefined;
    predicates.set(called, body);
  }
  return !!body && new RegExp(`\\b(?:LookupEnv|Getenv)\\(\\s*"${name}"`).test(body);
}

/**
 * Python's `os.environ["X"]` in a `try` whose handler catches its absence (microservices-demo's emailservice: `try:
 * project_id = os.environ["GCP_PROJECT_ID"]` / `except KeyError:` goes on without profiling): a case the code handles.
 * Not a handler for other errors only (`except ValueError:`).
 */
function caughtWhenMissing(tree: Tree, at: number): boolean {
  for (let n = tree.rootNode.descendantForIndex(at, at); n; n = n.parent) {
    if (n.type !== 'try_statement') continue;
    const body = n.childForFieldName('body');
    if (!body || at < body.startIndex || at >= body.endIndex) continue;
    if (n.namedChildren.some((c) => c?.type === 'except_clause' && /^except\s*(?::|\(?[^:]*\b(?:KeyError|LookupError|Exception|BaseException)\b)/.test(c.text))) return true;
  }
  return false;
}

/** Named functions and methods of the four grammars. */
const NAMED_FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'function_definition', 'method_definition']);
/** The variable an environment read names, in a condition. */
const ENV_NAMED = /\bGetenv\(\s*"(\w+)"|\bprocess\.env\.(\w+)|\benviron(?:\.get\(|\[)\s*['"](\w+)|\bgetenv\(\s*['"](\w+)|\bSystem\.getenv\(\s*"(\w+)"/g;

/**
 * The read is in a function the file calls only when a variable is set (microservices-demo's product catalog: `if
 * os.Getenv("ALLOYDB_CLUSTER_NAME") != "" { return loadCatalogFromAlloyDB(catalog) }`, whose reads of the other
 * ALLOYDB_* variables are the optional AlloyDB path's). Not when the file does not call it (another may, unguarded).
 */
function calledOnlyWhenSet(tree: Tree, text: string, at: number, memo: Map<number, boolean>): boolean {
  let fn: Node | null = tree.rootNode.descendantForIndex(at, at);
  while (fn && !NAMED_FUNCTIONS.has(fn.type)) fn = fn.parent;
  const name = fn?.childForFieldName('name');
  if (!fn || !name) return false;
  const known = memo.get(fn.startIndex);
  if (known !== undefined) return known;
  let calls = 0;
  let guarded = true;
  for (const m of text.matchAll(new RegExp(`(?<![\\w$])${name.text.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))) {
    if (m.index === name.startIndex) continue;
    calls++;
    if (!guardedBySomeVariable(tree, m.index!)) {
      guarded = false;
      break;
    }
  }
  const result = calls > 0 && guarded;
  memo.set(fn.startIndex, result);
  return result;
}

/** The code at `at` runs only under a test that some environment variable is set. */
function guardedBySomeVariable(tree: Tree, at: number): boolean {
  for (let n = tree.rootNode.descendantForIndex(at, at); n; n = n.parent) {
    const part = guardedPart(n);
    if (!part?.condition || !part.guarded || at < part.guarded.startIndex || at >= part.guarded.endIndex) continue;
    const condition = part.condition.text;
    for (const m of condition.matchAll(ENV_NAMED)) {
      const variable = m.slice(1).find((v) => v !== undefined);
      if (variable && testsSet(condition, variable)) return true;
    }
  }
  return false;
}

/**
 * Environment variables the code reads: `process.env.X`, `os.environ["X"]`, `os.getenv("X", default)`,
 * `os.Getenv("X")`, `System.getenv("X")`. Found in the text, then kept only where the tree says it is code
 * (not a comment or a string). Destructuring (`const { A } = process.env`) is read too.
 */
export function findEnvReads(source: Searchable, spec: LanguageSpec, tree: Tree, rangeOfSpan: (start: number, end: number) => Range): EnvRead[] {
  const text = textOf(source);
  // pydantic-settings: the fields of a `BaseSettings` class are variables read when it is made.
  const settings = spec.family === 'python' && mentions(source, 'BaseSettings') ? pydanticSettingsReads(text, tree, rangeOfSpan) : [];
  // Most files read no environment: one substring search spares the patterns.
  if (!mentions(source, 'env') && !mentions(source, 'LookupEnv')) return settings;
  const patterns = PATTERNS[spec.family] ?? [];
  const out: EnvRead[] = [...settings];
  const guardedFunctions = new Map<number, boolean>();
  const predicates = new Map<string, string | undefined>();
  const s = { rangeOfSpan };
  const offsets = new Map<EnvRead, number>();
  const isCode = (at: number) => {
    const node = tree.rootNode.descendantForIndex(at, at);
    return !!node && !spec.nonCodeTypes.has(node.type);
  };
  for (const { re, defaultAfter, testedBefore } of patterns) {
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (!isCode(at)) continue;
      const end = at + m[0].length;
      // `os.environ["NLS_LANG"] = "…"`, `process.env.X = …`: set here, not read; nor `delete process.env.X` (kutt).
      if (/^\s*=(?!=)/.test(text.slice(end, end + 8)) || (spec.family === 'js' && /\bdelete\s+$/.test(text.slice(Math.max(0, at - 10), at)))) continue;
      const hasDefault =
        (!!defaultAfter && defaultAfter.test(text.slice(end, end + 120))) ||
        (!!testedBefore && testedBefore.test(text.slice(Math.max(0, at - 40), at))) ||
        (spec.family === 'js' && JS_WRAPPED_BEFORE.test(text.slice(Math.max(0, at - 20), at)) && JS_WRAPPED_DEFAULT.test(text.slice(end, end + 40))) ||
        (spec.family === 'js' && defaultByHelper(text, at, end)) ||
        (spec.family === 'js' && JS_ALTERNATIVE_BEFORE.test(text.slice(Math.max(0, at - 12), at))) ||
        testedLater(text, at, end, spec.family) ||
        (spec.family === 'go' && GO_FIRST_SET_HELPER.test(text.slice(Math.max(0, at - 120), at))) ||
        (spec.family === 'go' && goSetByInitializer(text, end)) ||
        guardedByTest(tree, at, m[1], text, predicates) ||
        (spec.family === 'python' && caughtWhenMissing(tree, at)) ||
        calledOnlyWhenSet(tree, text, at, guardedFunctions);
      const read = { name: m[1], range: s.rangeOfSpan(at, end), hasDefault };
      out.push(read);
      offsets.set(read, at);
    }
  }
  if (spec.family === 'js') {
    for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) {
      if (!isCode(m.index! + m[0].length - 3)) continue;
      let offset = m.index! + 1;
      for (const part of m[1].split(',')) {
        const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(part);
        if (name) {
          const at = offset + part.indexOf(name[1]);
          // (Given a default in the pattern, or after: logto's `const { HTTPS_PROXY, HTTP_PROXY } = process.env;
          // return HTTPS_PROXY ?? HTTP_PROXY;`.)
          const after = m.index! + m[0].length;
          out.push({ name: name[1], range: s.rangeOfSpan(at, at + name[1].length), hasDefault: /=/.test(part) || jsUsedWhenSet(name[1], text.slice(after, after + 400)) });
        }
        offset += part.length + 1;
      }
    }
  }
  if (spec.family === 'js' && out.some((read) => !read.hasDefault)) {
    // A variable the module tests for presence (umami's `const enabled = Boolean(process.env.KAFKA_URL &&
    // process.env.KAFKA_BROKER)`, `!!process.env.REDIS_URL`) is one it can run without: its other reads are on the paths
    // that test allows. (Not a test that stops when it is absent, `if (!process.env.X) throw …`.)
    const tested = presenceTested(text);
    for (const read of out) if (!read.hasDefault && tested.has(read.name)) read.hasDefault = true;
  }
  if (spec.family === 'go' && out.some((read) => !read.hasDefault)) goFieldsTested(text, tree, out, offsets);
  // Docker's secrets convention: `X_FILE` names a file holding X, read instead of X when set (woodpecker's
  // `cli.NewValueSourceChain(cli.File(os.Getenv("WOODPECKER_GRPC_SECRET_FILE")), cli.EnvVar("WOODPECKER_GRPC_SECRET"))`).
  // Where the file reads X too, the `_FILE` one is its alternative.
  for (const read of out) {
    if (read.hasDefault || !read.name.endsWith('_FILE')) continue;
    const base = read.name.slice(0, -'_FILE'.length);
    if (base && new RegExp(`\\b${base}\\b(?!_FILE)`).test(text)) read.hasDefault = true;
  }
  if (spec.family === 'js' && mentions(source, 'z.') && /\bcreateEnv\s*\(|\b(?:safeParse|parse)\(\s*process\.env\b/.test(text)) {
    // t3-env's `createEnv({ server: { X: z.string().optional() }, runtimeEnv: { X: process.env.X } })`: the schema
    // says which may be absent (`.optional()`, `.default(…)`); a required one fails the start without its variable.
    // Under the schema's own key, which may differ (`AUTH_DEFAULT_TEAM_ID: process.env.AUTH_SSO_DEFAULT_TEAM_ID`).
    for (const read of out) {
      if (read.hasDefault) continue;
      const at = offsets.get(read);
      if (at === undefined) continue;
      const key = /([A-Za-z_$][\w$]*)\s*:\s*$/.exec(text.slice(Math.max(0, at - 80), at))?.[1];
      if (optionalInSchema(text, key ?? read.name)) read.hasDefault = true;
    }
  }
  if ((spec.family === 'go' || spec.family === 'js') && out.some((read) => !read.hasDefault)) {
    const factories = new Map<string, boolean>();
    for (const read of out) {
      const at = offsets.get(read);
      if (!read.hasDefault && at !== undefined && inFactoryBody(tree, text, at, spec, factories)) read.inFactory = true;
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * Go, JavaScript: the read is in the own body of a function that returns a function literal, a handler factory (RB's
 * gin `func NewHandler() gin.HandlerFunc { base := os.Getenv("UPSTREAM_BASE"); return func(c *gin.Context) {…} }`,
 * Express's `function makeMiddleware() { const s = process.env.S; return (req, res, next) => … }`), not in what it
 * returns: it runs when the factory is called (EnvRead.inFactory). Whether a function returns one is looked up once
 * per function (`factories`).
 */
function inFactoryBody(tree: Tree, text: string, at: number, spec: LanguageSpec, factories: Map<string, boolean>): boolean {
  const types = spec.functionTypes;
  const enclosing = (node: Node | null): Node | null => {
    let p = node?.parent ?? null;
    while (p && !types.includes(p.type)) p = p.parent;
    return p;
  };
  const start = tree.rootNode.descendantForIndex(at, at);
  const fn = start && types.includes(start.type) ? start : enclosing(start);
  if (!fn || isReturned(text, fn.startIndex, spec.family)) return false;
  const key = `${fn.startIndex} ${fn.endIndex}`;
  let returns = factories.get(key);
  if (returns === undefined) {
    returns = fn.descendantsOfType(types).some((inner) => {
      if (!inner || !isReturned(text, inner.startIndex, spec.family)) return false;
      const outer = enclosing(inner);
      return outer?.startIndex === fn.startIndex && outer.endIndex === fn.endIndex;
    });
    factories.set(key, returns);
  }
  return returns;
}

/**
 * Go: one of the candidates of a project's helper that takes the first set one, as `cmp.Or` does (new-api's
 * `firstNonEmptyTempMediaValue(strings.TrimSpace(os.Getenv("ASSET_KEY_PREFIX")), defaultAssetKeyPrefix)`), also
 * through the calls that wrap the read; on the read's line.
 */
const GO_FIRST_SET_HELPER = /\b(?:[Ff]irstNon(?:Empty|Blank|Zero)|[Cc]oalesce)\w*\((?:[^()\n]|\([^()\n]*\))*(?:\([^()\n]*)*$/;

/** A `return` that is not an error's: the function goes on without the variable (not `return err`, `fmt.Errorf`…). */
const GO_QUIET_RETURN = String.raw`return\b(?!\s+(?:err\b|nil\s*,\s*err|fmt\.Errorf|errors\.))`;

/**
 * Go: a variable read into a struct's field (`AutoInstall: os.Getenv("AUTO_INSTALL")` in a literal, or
 * `material.answerModuleReplacement = os.Getenv("ANSWER_MODULE")`) whose field the file tests for being set
 * (`if envs.SiteAddr != "" {…}`, `if len(b.answerModuleReplacement) > 0`, a default given when it is empty): its
 * absence is handled. And when the file returns quietly while one field of the literal is empty (apache/answer's
 * `if len(env.AutoInstall) == 0 { return false, nil }`), the literal's other fields are read only once it is set: an
 * optional group.
 */
function goFieldsTested(text: string, tree: Tree, reads: EnvRead[], offsets: Map<EnvRead, number>): void {
  const fieldOf = (at: number) => /(?:^|[\s{,])(\w+)\s*:\s*(?:[\w.]+\(\s*)*$|\.(\w+)\s*=\s*(?:[\w.]+\(\s*)*$/.exec(text.slice(Math.max(0, at - 80), at));
  const gates: Node[] = [];
  for (const read of reads) {
    const at = offsets.get(read);
    const field = at !== undefined && !read.hasDefault ? fieldOf(at) : null;
    const name = field?.[1] ?? field?.[2];
    if (!name || !text.includes(`.${name}`)) continue;
    const empty = String.raw`(?:\.${name}\s*==\s*""|len\(\s*[\w.]*\.${name}\s*\)\s*==\s*0)\s*\{\s*`;
    const set = String.raw`\.${name}\s*!=\s*""|len\(\s*[\w.]*\.${name}\s*\)\s*(?:>|!=)\s*0`;
    if (new RegExp(`${set}|${empty}(?:[\\w.]*\\.${name}\\s*=|${GO_QUIET_RETURN})`).test(text)) read.hasDefault = true;
    // A key of a literal whose emptiness ends the function quietly: the literal's other reads depend on it.
    if (field?.[1] && new RegExp(`${empty}${GO_QUIET_RETURN}`).test(text)) {
      let n: Node | null = tree.rootNode.descendantForIndex(at!, at!);
      while (n && n.type !== 'literal_value') n = n.parent;
      if (n) gates.push(n);
    }
  }
  for (const read of reads) {
    const at = offsets.get(read);
    if (at !== undefined && gates.some((g) => g.startIndex <= at && at < g.endIndex)) read.hasDefault = true;
  }
}

/** The variables a module tests for presence: inside `Boolean(…)`, after `!!`, before `&&` or a ternary's `?`, in `if (…)`. */
function presenceTested(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bBoolean\(([^;\n]*)\)/g)) for (const v of m[1].matchAll(/\bprocess\.env\.([A-Za-z_]\w*)/g)) out.add(v[1]);
  for (const m of text.matchAll(/!!\s*process\.env\.([A-Za-z_]\w*)|\bif\s*\(\s*process\.env\.([A-Za-z_]\w*)\s*\)|\bprocess\.env\.([A-Za-z_]\w*)\s*(?:&&|\?(?![.?]))/g)) {
    out.add(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

/**
 * `NAME: z.string().optional()` in the file's schemas (or `.default(…)`, zod 4's `.prefault(…)`, `.nullish()`,
 * `.catch(…)`), also through a schema the file names (`NAME: ZOptionalUrl` with `const ZOptionalUrl = z.url().optional()`).
 */
function optionalInSchema(text: string, name: string, depth = 0): boolean {
  for (const m of text.matchAll(new RegExp(`(?:^|[\\s{,])${name}\\s*[:=]\\s*(?!process\\.env\\b)`, 'g'))) {
    const value = memberValue(text, m.index + m[0].length);
    if (OPTIONAL.test(value)) return true;
    const named = /^[A-Za-z_$][\w$]*$/.exec(value.trim())?.[0];
    if (named && depth === 0 && named !== name && optionalInSchema(text, named, 1)) return true;
  }
  return false;
}

const OPTIONAL = /\.(?:optional|default|prefault|nullish|catch)\(/;

/** A member's value from `from`: up to the `,`, `;` or closing bracket that ends it, brackets and quotes skipped. */
function memberValue(text: string, from: number): string {
  let depth = 0;
  const limit = Math.min(text.length, from + 2000);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return text.slice(from, i);
      depth--;
    } else if ((c === ',' || c === ';') && depth === 0) return text.slice(from, i);
  }
  return text.slice(from, limit);
}
