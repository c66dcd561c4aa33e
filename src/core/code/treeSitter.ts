import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { join } from 'node:path';
import { withLineFeeds } from './syntax';

export type LanguageId = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java';

const EXTENSIONS: Record<string, LanguageId> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.java': 'java',
};

/**
 * JavaScript a web app serves to browsers as it is (its static folder, minified bundles): it runs in the user's
 * browser, not in the service, and vendored libraries there (jQuery's `S.find`) read like queries in loops.
 */
export function isBrowserAsset(file: string): boolean {
  // A project's folder of sources built for browsers (netbox's `project-static/src/*.ts`; AdonisJS's and Laravel's
  // `resources/js/`, which Vite bundles).
  if (/(^|\/)([\w-]+-static|resources\/js)\//.test(file) && /\.[cm]?[jt]sx?$/.test(file)) return true;
  if (!/\.[cm]?jsx?$/.test(file)) return false;
  return /[.-]min\.[cm]?js$|\.bundle\.js$/.test(file) || /(^|\/)(static|public|wwwroot|webapp|assets)\//.test(file);
}

/**
 * JavaScript a bundler or minifier wrote, whatever its name (Trilium keeps CKEditor's 1.7 MB build as
 * `libraries/ckeditor/ckeditor.js`, in ten lines): nobody edits it, a warning there helps no one, and parsing it costs
 * as much as a hundred files of the service. Lines of over 1,000 characters on average, in its first 64 KiB.
 */
export function isMinified(file: string, text: string): boolean {
  if (text.length < MINIFIED_SAMPLE || !/\.[cm]?js$/.test(file)) return false;
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < MINIFIED_SAMPLE; at = text.indexOf('\n', at + 1)) if (++lines >= MINIFIED_SAMPLE / 1000) return false;
  // Lines ended by a carriage return alone (old Mac line endings) are lines too.
  for (let at = text.indexOf('\r'); at >= 0 && at < MINIFIED_SAMPLE; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10 && ++lines >= MINIFIED_SAMPLE / 1000) return false;
  return true;
}

const MINIFIED_SAMPLE = 64 * 1024;

/**
 * Code that runs in the browser, told by what it imports: an Angular module (`@angular/core`, `@angular/common/http`)
 * is a component or a client service, whose `this.adminService.delete()` is a request to the API, not the API's
 * own class of that name (ghostfolio's `apps/client` beside its NestJS `apps/api`, in one workspace). An Angular
 * server (`@angular/ssr`, `@angular/platform-server`, or one that loads express) stays.
 */
export function isBrowserModule(file: string, text: string): boolean {
  if (!/\.[cm]?tsx?$/.test(file) || !text.includes('@angular/')) return false;
  return ANGULAR_IMPORT.test(text) && !ANGULAR_SERVER_IMPORT.test(text);
}

const ANGULAR_IMPORT = /\bfrom\s+['"]@angular\//;
const ANGULAR_SERVER_IMPORT = /\bfrom\s+['"](?:@angular\/(?:ssr|platform-server)|express)\b/;

/** A file named as source whose text is not the service's own code to read: minified, or for the browser. */
export function isNotServerSource(file: string, text: string): boolean {
  return isMinified(file, text) || isBrowserModule(file, text);
}

/**
 * Code a tool wrote (protobuf and gRPC stubs, OpenAPI clients): nobody edits it, so a warning there helps no one, and
 * the stubs are large. Files that only say so inside (`// Code generated … DO NOT EDIT.`) are kept quiet in
 * analyzeFile instead.
 */
export function isGeneratedByName(file: string): boolean {
  return /(\.pb(\.gw)?\.go|_pb2(_grpc)?\.pyi?|_pb\.[jt]s|_grpc_pb\.[jt]s|\.gen\.[jt]sx?|\.generated\.[jt]sx?)$/.test(file);
}

/** The language of a file of the service's own code; undefined for anything else (declarations, browser assets, generated code). */
export function languageOfFile(file: string): LanguageId | undefined {
  if (file.endsWith('.d.ts') || isBrowserAsset(file) || isGeneratedByName(file)) return undefined;
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[file.slice(dot).toLowerCase()];
}

/**
 * The text handed to the parser in short chunks. Given a string, the binding copies up to 10 KiB from wherever the
 * lexer asks, character by character in JavaScript; an incremental parse asks at every place it resumes after a
 * reused subtree (about 50 times per one-line edit of a 3,000-line file), so most of what it copied went unread,
 * and the copying was a tenth of an edit's time. 64 characters: a lexer resuming reads a token or two; reading on,
 * it asks again (512 made edits about 8% slower, and a fresh parse no faster). A chunk that ends within a
 * character of two UTF-16 units is no matter: the lexer asks again from there.
 */
export function inputOf(text: string): (index: number) => string {
  return (index) => text.slice(index, index + PARSE_CHUNK);
}

const PARSE_CHUNK = 64;

let runtimeReady: Promise<void> | undefined;

/**
 * The tree-sitter runtime is one per process: initialising it again replaces the WebAssembly module and breaks
 * every parser made before, so the code grammars and the Terraform reader (core/recipes/hcl.ts) share this.
 */
export function initTreeSitter(wasmDir: string): Promise<void> {
  const options = { locateFile: (name: string) => join(wasmDir, name) };
  runtimeReady ??= Parser.init(options).then(
    () => {
      runtimeOptions = options;
    },
    (e: unknown) => {
      runtimeReady = undefined;
      throw e;
    },
  );
  return runtimeReady;
}

let runtimeOptions: object | undefined;

/**
 * The object the runtime was initialised with: Emscripten makes it the runtime's module, with its exports and
 * memory views (nodeScan.ts reads scan results from there). Undefined before initialisation.
 */
export function runtimeModule(): Record<string, unknown> | undefined {
  return runtimeOptions as Record<string, unknown> | undefined;
}

/**
 * Python blocks nested this deep overflow the grammar's scanner as it saves its state (two bytes per level into a
 * buffer of 1,024): the parse comes back empty, and the runtime's memory is left corrupt, so every Python file
 * parsed after it in the process loses its routes, or the parser fails outright. No hand-written code is nested
 * so; a generated file might be.
 */
const MAX_PYTHON_DEPTH = 480;

/** A line indented this much may be that deep (each level adds at least one character): only then are levels counted. */
const DEEPLY_INDENTED = new RegExp(`^[ \\t]{${MAX_PYTHON_DEPTH},}\\S`, 'm');

/** Throws, before any parse, for a Python text nested deeper than MAX_PYTHON_DEPTH blocks. */
function refuseTooDeep(text: string): void {
  if (!DEEPLY_INDENTED.test(text)) return;
  const widths = [0];
  let deepest = 0;
  for (const line of text.split('\n')) {
    const width = /^[ \t]*/.exec(line)![0].length;
    if (width === line.length || line[width] === '#' || line[width] === '\r') continue;
    while (width < widths[widths.length - 1]) widths.pop();
    if (width > widths[widths.length - 1]) widths.push(width);
    deepest = Math.max(deepest, widths.length - 1);
  }
  if (deepest >= MAX_PYTHON_DEPTH) {
    throw new Error(`not analysed: blocks nested ${deepest} deep, more than tree-sitter's Python grammar parses safely (${MAX_PYTHON_DEPTH})`);
  }
}

/**
 * Loads the tree-sitter runtime once and each grammar the first time a file of its language is seen,
 * so a Python-only workspace never pays for the TypeScript grammar.
 * The runtime and grammars come from one package (@vscode/tree-sitter-wasm), so their ABI versions match.
 */
export class Grammars {
  private runtime?: Promise<void>;
  private readonly languages = new Map<LanguageId, Promise<Language>>();
  private readonly parsers = new Map<LanguageId, Parser>();

  /** @param wasmDir folder holding tree-sitter.wasm and tree-sitter-<language>.wasm */
  constructor(readonly wasmDir: string) {}

  async parserFor(language: LanguageId): Promise<Parser> {
    const cached = this.parsers.get(language);
    if (cached) return cached;
    this.runtime ??= initTreeSitter(this.wasmDir);
    await this.runtime;
    let lang = this.languages.get(language);
    if (!lang) {
      lang = Language.load(join(this.wasmDir, `tree-sitter-${language}.wasm`));
      this.languages.set(language, lang);
    }
    const parser = new Parser();
    parser.setLanguage(await lang);
    this.parsers.set(language, parser);
    return parser;
  }

  /** A fresh parse, or an incremental one when `previous` has had the edits applied (`tree.edit`). */
  async parse(language: LanguageId, raw: string, previous?: Tree): Promise<Tree> {
    // A carriage return alone is a line break to the reader (and to the analysis: analyzeTree), not to the grammars.
    const text = withLineFeeds(raw);
    if (language === 'python') refuseTooDeep(text);
    const parser = await this.parserFor(language);
    const tree = parser.parse(inputOf(text), previous ?? null);
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} file`);
    // `Node.text` reads through the tree's copy of the input callback: whole slices, as for a string, not chunks
    // joined (a function's text is read often). The binding keeps it in a field of the tree's.
    const kept = tree as unknown as { textCallback?: unknown };
    if (typeof kept.textCallback === 'function') kept.textCallback = (index: number) => text.slice(index);
    return tree;
  }
}
