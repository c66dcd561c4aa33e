import * as vscode from 'vscode';
import { CodeIndex, type StoreReport } from '../core/analysis/codeIndex';
import { analyzeCode, filesOfServices, isAnalysedCode, isReportedCode } from '../core/analysis/workspaceAnalysis';
import type { FileAnalysis } from '../core/code/codeModel';
import type { ChangedLines } from '../core/git/changedLines';
import { ChangeBaseline } from '../core/git/changeBaseline';
import type { Logger } from '../core/host/logger';
import { computeWarnings } from '../core/insights/computeWarnings';
import { inScope, type DiagnosticsScope } from '../core/insights/scope';
import { parseSnoozes, SNOOZE_FILE, withoutSnoozed, type Snooze } from '../core/insights/snoozes';
import type { Warning } from '../core/insights/warning';
import { isAnalysedFile, type EnvironmentModel } from '../core/model/environment';
import { inSkippedDirectory } from '../core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../core/recipes/environmentModel';
import type { DiagnosticsPublisher } from './diagnostics';
import { Disposable } from './disposable';
import type { EditorFileSystem } from './editorFileSystem';
import { readSettings, severityRules } from './settings';
import type { SignalsService } from './signalsService';

export interface AnalysisSnapshot {
  model: EnvironmentModel;
  files: ReadonlyMap<string, FileAnalysis>;
  /** Every warning, before scope and snoozes. */
  all: Warning[];
  /** What the editor shows: in scope and not snoozed. */
  visible: Warning[];
  snoozedCount: number;
  outOfScopeCount: number;
  scope: DiagnosticsScope;
  /** The ref the changed-code scope compares with, when there is one. */
  base?: string;
}

/** Files that feed the environment model: recipes of every format, and what links them to code. */
/** Recipes, and the build files that say which modules a service is built with (recipes/buildModules.ts). */
const RECIPE_FILE = /(\.(ya?ml|tf|tfvars|toml)|(^|\/)(Procfile|\.env|Dockerfile|pom\.xml|(settings|build)\.gradle(\.kts)?))$/i;
const RECIPE_GLOB = '**/{*.yaml,*.yml,*.tf,*.tfvars,*.toml,Procfile,.env,Dockerfile,pom.xml,settings.gradle,settings.gradle.kts,build.gradle,build.gradle.kts}';
const CODE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts|py|go|java)$/;
const CODE_GLOB = '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,py,go,java}';
/**
 * MyBatis XML mappers (their SQL), `.proto` files (gRPC services), OpenAPI specs kept as JSON and Strapi's content-type
 * schemas are read too: re-read when saved; scheduleDisk keeps only those CodeIndex reads.
 */
const MAPPER_GLOB = '**/*.{xml,proto,json}';
/** More code files changed on disk at once than this (a branch switch, a pull): one full pass instead. */
const DISK_BATCH_LIMIT = 200;

/**
 * How long after an edit's analysis the document is analysed whole: past a pause in typing, and long enough that the
 * whole file's analysis (tens of milliseconds for thousands of lines) does not run between keystrokes.
 */
const SETTLE_MS = 1500;

/** Reports of full passes kept for the API (WorkspaceAnalyzer.keptOnDisk). */
const KEPT_REPORTS = 20;

/**
 * Keeps the environment model, the per-file code analysis and the warnings up to date:
 * a full pass on start, then only what changed: one document after typing stops (debounced, stale results
 * dropped), code files changed on disk by something else (a checkout, a generator, the explorer), the model after a
 * recipe is saved, and a re-join without re-parsing when signals arrive.
 * Shows only what is in scope (code changed since the merge base, by default) and not snoozed.
 */
export class WorkspaceAnalyzer extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<AnalysisSnapshot>());
  readonly onDidAnalyze = this.changed.event;
  private model: EnvironmentModel = { services: [], problems: [] };
  private readonly files = new Map<string, FileAnalysis>();
  private all: Warning[] = [];
  private visible: Warning[] = [];
  private baseline: ChangeBaseline | undefined;
  private changedLines: ChangedLines = new Map();
  private snoozes: Snooze[] = [];
  private snoozedCount = 0;
  /** Stops the full pass under way when another starts. */
  private passAbort?: AbortController;
  /**
   * What each full pass took from the analyses kept on disk (none while none are kept), the window's first and the
   * latest ones: for the tests' API.
   */
  readonly keptOnDisk: StoreReport[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Per edited document, the whole-file analysis to run once typing pauses (analyzeDocument's `settle`). */
  private readonly settling = new Map<string, NodeJS.Timeout>();
  private modelTimer: NodeJS.Timeout | undefined;
  private readonly diskPending = new Set<string>();
  /** Folders created on disk since the last read: their code files are listed then. */
  private readonly diskFolders = new Set<string>();
  private diskTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** A full pass is reading the workspace: files changed on disk meanwhile wait for it (it would replace them). */
  private passing = false;

  constructor(
    private readonly fs: EditorFileSystem,
    private readonly root: string,
    private readonly index: CodeIndex,
    private readonly signals: SignalsService,
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly log: Logger,
  ) {
    super();
    this.register(signals.onDidChange(() => this.rejoin()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.onSaved(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d)));
    // Changes from outside the editor too (a checkout, a pull): debounced into one rebuild.
    const recipes = this.register(vscode.workspace.createFileSystemWatcher(RECIPE_GLOB));
    for (const event of [recipes.onDidCreate, recipes.onDidChange, recipes.onDidDelete]) {
      this.register(event((uri) => {
        if (!uri.path.endsWith(SNOOZE_FILE)) this.scheduleModel();
      }));
    }
    for (const glob of [CODE_GLOB, MAPPER_GLOB]) {
      const code = this.register(vscode.workspace.createFileSystemWatcher(glob));
      for (const event of [code.onDidCreate, code.onDidChange, code.onDidDelete]) {
        this.register(event((uri) => this.scheduleDisk(uri)));
      }
    }
    // A folder made or removed with its files in one go (a generator, a checkout, `rm -r`) may be all the watcher
    // reports: the files inside are found by listing (created) or by the paths already read (deleted).
    const folders = this.register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this.register(folders.onDidCreate((uri) => void this.onCreated(uri)));
    this.register(folders.onDidDelete((uri) => this.onDeleted(uri)));
    const snoozeFile = this.register(vscode.workspace.createFileSystemWatcher(`**/${SNOOZE_FILE}`));
    for (const event of [snoozeFile.onDidCreate, snoozeFile.onDidChange, snoozeFile.onDidDelete]) {
      this.register(event(() => void this.reloadSnoozes()));
    }
    this.register({
      dispose: () => {
        this.passAbort?.abort();
        for (const t of this.pending.values()) clearTimeout(t);
        for (const t of this.settling.values()) clearTimeout(t);
        if (this.modelTimer) clearTimeout(this.modelTimer);
        if (this.diskTimer) clearTimeout(this.diskTimer);
      },
    });
  }

  get snapshot(): AnalysisSnapshot {
    const scope = readSettings().scope;
    return {
      model: this.model,
      files: this.files,
      all: this.all,
      visible: this.visible,
      snoozedCount: this.snoozedCount,
      outOfScopeCount: this.all.length - this.snoozedCount - this.visible.length,
      scope,
      base: this.baseline?.base,
    };
  }

  /** The full pass: model, then signals and code in parallel (the network never waits on parsing or the reverse). */
  async analyzeAll(): Promise<void> {
    const generation = ++this.generation;
    // The pass under way stops reading files: its results would be thrown away.
    this.passAbort?.abort();
    const abort = (this.passAbort = new AbortController());
    this.passing = true;
    try {
      await this.fullPass(generation, abort.signal);
    } finally {
      if (generation === this.generation) {
        this.passing = false;
        // Changes seen during the pass may have been read before it read them, or be files it did not list yet.
        if (this.diskPending.size > 0 || this.diskFolders.size > 0) this.scheduleDisk();
      }
    }
  }

  private async fullPass(generation: number, signal: AbortSignal): Promise<void> {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Ops Lens: analysing workspace' },
      async () => {
        const started = Date.now();
        const all = await this.fs.listFiles();
        const model = await buildEnvironmentModel(this.fs, all, this.log);
        if (generation !== this.generation) return;
        this.model = model;
        this.log.info(`environment model: ${model.services.length} services, ${model.problems.length} recipe problems (${Date.now() - started} ms)`);
        const signalsDone = this.signals.refresh(model);
        const codeFiles = filesOfServices(model, all);
        const analyses = await analyzeCode(this.index, this.fs, codeFiles, this.log, model, signal);
        if (generation !== this.generation) return;
        if (this.index.lastStore) {
          this.keptOnDisk.push(this.index.lastStore);
          if (this.keptOnDisk.length > KEPT_REPORTS) this.keptOnDisk.splice(1, 1);
        }
        this.files.clear();
        for (const a of analyses) this.files.set(a.file, a);
        this.log.info(`analysed ${analyses.length} code files in ${Date.now() - started} ms`);
        await this.reloadBaseline();
        await this.reloadSnoozes(false);
        this.rejoin();
        // Once the warnings are out: writing takes about as long as analysing a tenth of the files did.
        if (this.index.lastStore) void this.keepOnDisk(this.index.lastStore);
        await signalsDone;
      },
    );
  }

  /** Writes the index's store (opsLens.analysis.keepOnDisk); one that cannot be written is said in the log. */
  private async keepOnDisk(report: StoreReport): Promise<void> {
    await this.index.keepOnDisk();
    if (report.saveError) this.log.warn(`cannot keep the analyses on disk: ${report.saveError}`);
  }

  /** Re-joins hazards with the current signals and capacity, then re-applies scope and snoozes: no parsing. */
  rejoin(): void {
    this.all = computeWarnings(this.model, [...this.files.values()], this.signals.state.signals, severityRules(readSettings()));
    this.publishAll();
  }

  /** Re-reads what changed since the merge base (on start, on scope or branch changes). */
  async reloadBaseline(): Promise<void> {
    const settings = readSettings();
    if (settings.scope === 'all' || settings.scope === 'off') {
      this.baseline = undefined;
      this.changedLines = new Map();
      return;
    }
    this.baseline = await ChangeBaseline.open(this.root, settings.baseBranch || undefined, this.log);
    if (!this.baseline) return;
    const inputs = [];
    for (const file of this.files.keys()) {
      const doc = this.openDocument(file);
      inputs.push({ file, text: doc ? doc.getText() : await this.fs.readText(file), dirty: !!doc?.isDirty });
    }
    this.changedLines = await this.baseline.changedLinesFor(inputs);
    this.log.info(`changed-code scope: comparing with ${this.baseline.base} (${this.changedLines.size} changed code files)`);
  }

  private publishAll(): void {
    this.applyFilters();
    const recipeFiles = new Set([...this.model.problems.map((p) => p.location.file), ...this.all.filter((w) => w.code === 'capacity-pressure').map((w) => w.file)]);
    this.diagnostics.clearAll();
    this.diagnostics.publish([...this.files.keys(), ...recipeFiles], this.visible, this.model.problems);
    this.changed.fire(this.snapshot);
  }

  private applyFilters(): void {
    const { shown, snoozed } = withoutSnoozed(this.all, this.snoozes, new Date());
    this.snoozedCount = snoozed.length;
    // Without a baseline (no git, no default branch) every warning is shown: say so rather than hide them all.
    const scope = readSettings().scope;
    const effective = !this.baseline && (scope === 'changedLines' || scope === 'changedFiles') ? 'all' : scope;
    this.visible = inScope(shown, effective, this.changedLines);
  }

  private schedule(doc: vscode.TextDocument): void {
    const file = this.fs.relative(doc.uri);
    if (!file || !CODE_FILE.test(file) || !isAnalysedFile(this.model, file)) return; // no work for files of no service
    clearTimeout(this.pending.get(file));
    clearTimeout(this.settling.get(file));
    this.settling.delete(file);
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        void this.analyzeDocument(doc, file);
      }, readSettings().debounceMs),
    );
  }

  /**
   * The edited document analysed again (`settle`: analysed whole, once typing has paused) and its warnings, and those
   * of the files its change affects, published.
   */
  private async analyzeDocument(doc: vscode.TextDocument, file: string, settle = false): Promise<void> {
    const version = doc.version;
    try {
      const text = doc.getText();
      // Statement by statement, only those the edit touched: fast while typing. Settled, the file is analysed whole,
      // as a full pass would (a statement may rest on another: a route helper written in another function).
      const edited = settle ? this.index.settle(file, text) : await this.index.analyzeEdit(file, text);
      if (doc.version !== version || doc.isClosed || !edited) return; // typed again meanwhile: a newer run follows
      if (!settle) this.scheduleSettle(doc, file);
      // Re-join across files from cached results (no parsing): prefixes and hazards reached from other files.
      for (const a of this.index.link([...new Set([...this.files.keys(), file])])) this.files.set(a.file, a);
      if (this.baseline) {
        const lines = await this.baseline.changedLines(file, text, doc.isDirty);
        if (doc.version !== version) return;
        if (lines === 'all' || lines.size > 0) this.changedLines.set(file, lines);
        else this.changedLines.delete(file);
      }
      // The edit can change other files' warnings too (a router's mount prefix, a helper now called in a loop):
      // every file's are recomputed from the joined results, and only the files whose warnings changed are published.
      const before = shownByFile(this.visible);
      this.all = computeWarnings(this.model, [...this.files.values()], this.signals.state.signals, severityRules(readSettings()));
      this.applyFilters();
      const after = shownByFile(this.visible);
      const changed = new Set([file, ...[...before.keys(), ...after.keys()].filter((f) => before.get(f) !== after.get(f))]);
      // A recipe file among them keeps its recipe errors (publish replaces a file's diagnostics whole).
      this.diagnostics.publish(changed, this.visible.filter((w) => changed.has(w.file)), this.model.problems.filter((p) => changed.has(p.location.file)));
      this.changed.fire(this.snapshot);
    } catch (e) {
      this.log.warn(`cannot analyse ${file}: ${(e as Error).message}`);
    }
  }

  /** Once typing pauses (SETTLE_MS after the last edit's analysis), the document is analysed whole. */
  private scheduleSettle(doc: vscode.TextDocument, file: string): void {
    clearTimeout(this.settling.get(file));
    this.settling.set(
      file,
      setTimeout(() => {
        this.settling.delete(file);
        void this.analyzeDocument(doc, file, true);
      }, SETTLE_MS),
    );
  }

  private async reloadSnoozes(publish = true): Promise<void> {
    const text = await this.fs.readText(SNOOZE_FILE).catch(() => undefined);
    const { snoozes, problem } = text === undefined ? { snoozes: [] } : parseSnoozes(text);
    if (problem) this.log.warn(problem);
    this.snoozes = snoozes;
    if (publish) this.publishAll();
  }

  private openDocument(file: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => this.fs.relative(d.uri) === file);
  }

  private onSaved(doc: vscode.TextDocument): void {
    if (RECIPE_FILE.test(doc.uri.path) && !doc.uri.path.endsWith(SNOOZE_FILE)) this.scheduleModel();
  }

  private onClosed(doc: vscode.TextDocument): void {
    const file = this.fs.relative(doc.uri);
    if (!file) return;
    clearTimeout(this.pending.get(file));
    this.pending.delete(file);
    clearTimeout(this.settling.get(file));
    this.settling.delete(file);
    this.index.close(file); // frees the syntax tree kept for incremental parsing
    // Closed without saving: what is on disk counts again (nothing is re-read when it is what was analysed).
    if (this.files.has(file)) this.scheduleDisk(doc.uri);
  }

  private async onCreated(uri: vscode.Uri): Promise<void> {
    const folder = this.fs.relative(uri);
    if (!folder || CodeIndex.isCode(folder) || inSkippedDirectory(folder)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || !(stat.type & vscode.FileType.Directory)) return;
    this.diskFolders.add(folder);
    this.scheduleDisk();
  }

  private onDeleted(uri: vscode.Uri): void {
    const folder = this.fs.relative(uri);
    if (!folder || CodeIndex.isCode(folder)) return;
    const inside = folder + '/';
    for (const file of this.files.keys()) if (file.startsWith(inside)) this.scheduleDisk(vscode.Uri.joinPath(uri, file.slice(inside.length)));
  }

  /** A code file created, changed or deleted on disk: collected for a moment, so a checkout is one batch. */
  private scheduleDisk(uri?: vscode.Uri): void {
    if (uri) {
      const file = this.fs.relative(uri);
      if (!file || !CodeIndex.isCode(file) || inSkippedDirectory(file)) return;
      this.diskPending.add(file);
    }
    if (this.passing) return; // the pass re-schedules what is pending when it ends
    if (this.diskTimer) clearTimeout(this.diskTimer);
    this.diskTimer = setTimeout(() => void this.syncFromDisk(), 300);
  }

  /**
   * Re-reads the code files changed on disk. An open document is read from the editor (its text is what the user
   * sees), so a save costs nothing. A new file is taken only if a full pass would take it (not ignored, in a service).
   */
  private async syncFromDisk(): Promise<void> {
    this.diskTimer = undefined;
    const files = [...this.diskPending];
    const folders = [...this.diskFolders];
    this.diskPending.clear();
    this.diskFolders.clear();
    if (files.length > DISK_BATCH_LIMIT) return this.analyzeAll();
    const generation = this.generation;
    try {
      const listed = folders.length > 0 || files.some((f) => !this.files.has(f)) ? new Set(await this.fs.listFiles()) : undefined;
      if (folders.length > 0) {
        const inside = folders.map((f) => f + '/');
        for (const file of listed!) {
          if (!this.files.has(file) && !files.includes(file) && CodeIndex.isCode(file) && inside.some((f) => file.startsWith(f))) files.push(file);
        }
        if (files.length > DISK_BATCH_LIMIT) return this.analyzeAll();
      }
      const changed = new Map<string, string | undefined>();
      for (const file of files) {
        // An edit of the open document analysed while this text is read (or parsed) is newer, and stays.
        const readAt = this.index.readMark();
        const text = await this.fs.readText(file).catch(() => undefined);
        // A new test or example is read by the next full pass if the service's code imports it (analyzeCode).
        const wanted = text !== undefined && isAnalysedCode(this.model, file) && (this.files.has(file) || (!!listed?.has(file) && isReportedCode(file)));
        if (!wanted) {
          if (this.files.has(file)) changed.set(file, undefined);
          this.index.forget(file);
        } else if (!(this.files.has(file) && this.index.analysedAfresh(file, text)) && (await this.index.ingest(file, text, readAt))) {
          // (A document saved as it was typed is analysed afresh here: its edits' analyses came from earlier versions.)
          changed.set(file, text);
        }
      }
      if (generation !== this.generation) {
        // A full pass began meanwhile and will replace the file set: these files are read again after it.
        for (const file of files) this.diskPending.add(file);
        this.scheduleDisk();
        return;
      }
      if (changed.size === 0) return;
      const linked = new Set(this.files.keys());
      for (const [file, text] of changed) {
        if (text !== undefined) linked.add(file);
        else if (this.files.delete(file)) linked.delete(file);
      }
      for (const a of this.index.link([...linked])) this.files.set(a.file, a);
      if (this.baseline) {
        for (const [file, text] of changed) {
          const lines = text === undefined ? undefined : await this.baseline.changedLines(file, text, !!this.openDocument(file)?.isDirty);
          if (lines === 'all' || (lines && lines.size > 0)) this.changedLines.set(file, lines);
          else this.changedLines.delete(file);
        }
      }
      this.rejoin();
      this.log.info(`re-read ${changed.size} code file(s) changed on disk`);
    } catch (e) {
      this.log.warn(`cannot re-read code changed on disk: ${(e as Error).message}`);
    }
  }

  private scheduleModel(): void {
    if (this.modelTimer) clearTimeout(this.modelTimer);
    this.modelTimer = setTimeout(() => void this.analyzeAll(), 500);
  }
}

/** Per file, what its diagnostics show (code, place, severity, message): to publish again only what changed. */
function shownByFile(warnings: Warning[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of warnings) {
    const r = w.range;
    const line = `${w.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${w.severity} ${w.message}`;
    const seen = out.get(w.file);
    out.set(w.file, seen === undefined ? line : `${seen}\n${line}`);
  }
  return out;
}
