import * as vscode from 'vscode';
import type { CodeIndex } from '../core/analysis/codeIndex';
import { analyzeCode, filesOfServices, warningsFor } from '../core/analysis/workspaceAnalysis';
import type { FileAnalysis } from '../core/code/codeModel';
import type { Logger } from '../core/host/logger';
import type { Warning } from '../core/insights/warning';
import { serviceForFile, type EnvironmentModel } from '../core/model/environment';
import { buildEnvironmentModel } from '../core/recipes/environmentModel';
import type { DiagnosticsPublisher } from './diagnostics';
import { Disposable } from './disposable';
import type { EditorFileSystem } from './editorFileSystem';
import { readSettings } from './settings';
import type { SignalsService } from './signalsService';

export interface AnalysisSnapshot {
  model: EnvironmentModel;
  files: ReadonlyMap<string, FileAnalysis>;
  warnings: Warning[];
}

const RECIPE_FILE = /\.(ya?ml)$/i;

/**
 * Keeps the environment model, the per-file code analysis and the warnings up to date:
 * a full pass on start, then only what changed: one document after typing stops (debounced, stale results
 * dropped), the model after a recipe is saved, and a re-join without re-parsing when signals arrive.
 */
export class WorkspaceAnalyzer extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<AnalysisSnapshot>());
  readonly onDidAnalyze = this.changed.event;
  private model: EnvironmentModel = { services: [], problems: [] };
  private readonly files = new Map<string, FileAnalysis>();
  private warnings: Warning[] = [];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private modelTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly fs: EditorFileSystem,
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
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'));
    this.register(watcher.onDidCreate(() => this.scheduleModel()));
    this.register(watcher.onDidDelete(() => this.scheduleModel()));
    this.register({
      dispose: () => {
        for (const t of this.pending.values()) clearTimeout(t);
        if (this.modelTimer) clearTimeout(this.modelTimer);
      },
    });
  }

  get snapshot(): AnalysisSnapshot {
    return { model: this.model, files: this.files, warnings: this.warnings };
  }

  /** The full pass: model, then signals and code in parallel (the network never waits on parsing or the reverse). */
  async analyzeAll(): Promise<void> {
    const generation = ++this.generation;
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
        const analyses = await analyzeCode(this.index, this.fs, codeFiles, this.log);
        if (generation !== this.generation) return;
        this.files.clear();
        for (const a of analyses) this.files.set(a.file, a);
        this.log.info(`analysed ${analyses.length} code files in ${Date.now() - started} ms`);
        this.rejoin();
        await signalsDone;
      },
    );
  }

  /** Re-joins hazards with the current signals and capacity: cheap, no parsing. */
  rejoin(): void {
    const rules = { coldRouteRps: readSettings().coldRouteRps };
    this.warnings = warningsFor(this.model, [...this.files.values()], this.signals.state.signals, rules);
    const recipeFiles = new Set(this.model.problems.map((p) => p.location.file));
    this.diagnostics.clearAll();
    this.diagnostics.publish([...this.files.keys(), ...recipeFiles], this.warnings, this.model.problems);
    this.changed.fire(this.snapshot);
  }

  private schedule(doc: vscode.TextDocument): void {
    const file = this.fs.relative(doc.uri);
    if (!file || !serviceForFile(this.model, file)) return; // no work for files of no service
    if (!/\.(ts|tsx|js|jsx|mjs|cjs|mts|cts|py|go|java)$/.test(file)) return;
    clearTimeout(this.pending.get(file));
    this.pending.set(
      file,
      setTimeout(() => {
        this.pending.delete(file);
        void this.analyzeDocument(doc, file);
      }, readSettings().debounceMs),
    );
  }

  private async analyzeDocument(doc: vscode.TextDocument, file: string): Promise<void> {
    const version = doc.version;
    try {
      const analysis = await this.index.analyze(file, doc.getText());
      if (doc.version !== version || doc.isClosed || !analysis) return; // typed again meanwhile: a newer run follows
      this.files.set(file, analysis);
      const rules = { coldRouteRps: readSettings().coldRouteRps };
      const fresh = warningsFor(this.model, [analysis], this.signals.state.signals, rules);
      this.warnings = [...this.warnings.filter((w) => w.file !== file), ...fresh];
      this.diagnostics.publish([file], fresh);
      this.changed.fire(this.snapshot);
    } catch (e) {
      this.log.warn(`cannot analyse ${file}: ${(e as Error).message}`);
    }
  }

  private onSaved(doc: vscode.TextDocument): void {
    if (RECIPE_FILE.test(doc.uri.path)) this.scheduleModel();
  }

  private onClosed(doc: vscode.TextDocument): void {
    const file = this.fs.relative(doc.uri);
    if (!file) return;
    clearTimeout(this.pending.get(file));
    this.pending.delete(file);
  }

  private scheduleModel(): void {
    if (this.modelTimer) clearTimeout(this.modelTimer);
    this.modelTimer = setTimeout(() => void this.analyzeAll(), 500);
  }
}
