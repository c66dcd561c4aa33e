import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '../core/host/git';
import type { Logger } from '../core/host/logger';
import { parseSnoozes, SNOOZE_FILE } from '../core/insights/snoozes';
import type { Warning } from '../core/insights/warning';
import { CHANGES_DIR, readChangeRecords } from '../core/releases/changeRequests';
import type { GitHubTokenStore } from './githubTokenStore';
import { fetchGitHubPlans, GITHUB_API, githubRepoOf, remoteUrl } from '../core/releases/github';
import type { PlannedRelease } from '../core/releases/plannedRelease';
import type { ReleaseProblem, Timeline } from '../core/releases/release';
import { parseSchedule, SCHEDULE_FILE } from '../core/releases/schedule';
import { buildTimeline, TimelineCancelled } from '../core/releases/timeline';
import { GitTipWarnings } from '../core/releases/tipWarnings';
import type { CodeIndex } from '../core/analysis/codeIndex';
import { toRange } from './diagnostics';
import { Disposable } from './disposable';
import { readReleasesSettings } from './releasesSettings';
import { readSettings, severityRules } from './settings';
import type { SignalsService } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';


/**
 * Keeps the release timeline up to date in the background: rebuilt (debounced) when git refs move (commits, tags,
 * branch switches), when the schedule or a change record is edited, and when the warnings change; a newer build
 * supersedes an older one. The editor never waits for it. Schedule problems are shown at their line.
 */
export class ReleasesService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Timeline>());
  readonly onDidChange = this.changed.event;
  private current: Timeline | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private warningsKey = '';
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('ops-lens-releases'));

  constructor(
    private readonly folder: vscode.Uri,
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly signals: SignalsService,
    private readonly index: CodeIndex,
    private readonly tokens: GitHubTokenStore,
    private readonly log: Logger,
  ) {
    super();
    const root = folder.fsPath;
    const watch = (base: vscode.Uri, glob: string) => {
      const w = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, glob)));
      for (const e of [w.onDidCreate, w.onDidChange, w.onDidDelete]) this.register(e((uri) => this.schedule(`${vscode.workspace.asRelativePath(uri)} changed`)));
    };
    watch(folder, SCHEDULE_FILE);
    watch(folder, `${CHANGES_DIR}/*.md`);
    watch(folder, SNOOZE_FILE);
    // The git directory may sit above the folder (a monorepo subfolder) or elsewhere (a worktree): ask git,
    // once the workspace is trusted (git is not run in Restricted Mode).
    const watchGit = () =>
      void gitDirs(root).then((dirs) => {
        for (const d of dirs) {
          const base = vscode.Uri.file(d);
          watch(base, '{HEAD,packed-refs}');
          watch(base, 'refs/**');
        }
      });
    if (vscode.workspace.isTrusted) watchGit();
    else this.register(vscode.workspace.onDidGrantWorkspaceTrust(watchGit));
    this.register(analyzer.onDidAnalyze((s) => {
      // Only when what the risk depends on changed: not on every keystroke's re-analysis (unsaved files are not
      // what a release ships, so their warnings do not count until they are saved).
      const dirty = this.dirtyFiles();
      const key = s.all.filter((w) => !dirty.has(w.file)).map((w) => `${w.fingerprint}:${w.severity}:${w.range.start.line}`).join('|') + `#${s.model.services.length}`;
      if (key !== this.warningsKey) {
        this.warningsKey = key;
        this.schedule('warnings changed');
      }
    }));
    // Typing in the schedule: its problems follow at once (parsing it is cheap), the timeline after the debounce.
    const scheduleUri = vscode.Uri.joinPath(folder, ...SCHEDULE_FILE.split('/')).toString();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== scheduleUri || !e.contentChanges.length) return;
      this.diagnostics.set(e.document.uri, parseSchedule(e.document.getText()).problems.filter((p) => p.location).map(toDiagnostic));
      this.schedule('schedule edited');
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('opsLens.releases')) this.schedule('settings changed');
    }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule('workspace trusted')));
    this.register(tokens.onDidChange(() => this.schedule('GitHub token changed')));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  get timeline(): Timeline | undefined {
    return this.current;
  }

  /** Debounced: many ref updates (a rebase, a fetch) make one refresh. */
  schedule(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.log.debug(`releases: refresh (${reason})`);
      void this.refresh();
    }, readReleasesSettings().debounceMs);
  }

  /** Rebuilds now; resolves with the timeline this or a newer refresh produced. Never rejects. */
  async refresh(): Promise<Timeline | undefined> {
    const generation = ++this.generation;
    return (await this.build(generation)) ?? this.current;
  }

  private async build(generation: number): Promise<Timeline | undefined> {
    const root = this.folder.fsPath;
    const settings = readReleasesSettings();
    const trusted = vscode.workspace.isTrusted;
    const snapshot = this.analyzer.snapshot;
    try {
      // The analyzer's warnings stand for a file only when it is saved: an unsaved buffer's lines are not the tip's.
      const dirty = this.dirtyFiles();
      const byFile = new Map<string, Warning[]>();
      for (const f of snapshot.files.keys()) if (!dirty.has(f)) byFile.set(f, []);
      for (const w of snapshot.all) if (!dirty.has(w.file)) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w]);
      const [records, forge, snoozes, scheduleText] = await Promise.all([
        readChangeRecords(root),
        trusted && settings.github ? this.githubPlans(settings.githubApiUrl) : Promise.resolve([] as PlannedRelease[]),
        readFile(join(root, SNOOZE_FILE), 'utf8').then((t) => parseSnoozes(t).snoozes, () => []),
        this.scheduleText(),
      ]);
      for (const p of records.problems) this.log.warn(`releases: ${p}`);
      const timeline = await buildTimeline({
        dir: root,
        useGit: trusted,
        tagPrefix: settings.tagPrefix || undefined,
        defaultBranch: settings.defaultBranch || undefined,
        scheduleText,
        forge,
        model: snapshot.model,
        snoozes,
        changeRecords: records.records,
        risk: new GitTipWarnings({ dir: root, index: this.index, model: snapshot.model, signals: this.signals.state.signals, rules: severityRules(readSettings()), current: (f) => byFile.get(f), log: this.log }),
        cancelled: () => generation !== this.generation,
        log: this.log,
      });
      if (generation !== this.generation) return undefined;
      this.current = timeline;
      this.publishProblems(timeline);
      this.changed.fire(timeline);
      return timeline;
    } catch (e) {
      if (e instanceof TimelineCancelled) return undefined;
      this.log.error(`releases: ${(e as Error).message}`);
      return undefined;
    }
  }

  private dirtyFiles(): Set<string> {
    const out = new Set<string>();
    for (const d of vscode.workspace.textDocuments) {
      if (!d.isDirty || d.uri.scheme !== this.folder.scheme) continue;
      const rel = vscode.workspace.asRelativePath(d.uri, false);
      if (rel !== d.uri.fsPath) out.add(rel.split('\\').join('/'));
    }
    return out;
  }

  /** The schedule as the editor holds it (unsaved edits count), or from disk. */
  private async scheduleText(): Promise<string | undefined> {
    const uri = vscode.Uri.joinPath(this.folder, ...SCHEDULE_FILE.split('/'));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    return readFile(uri.fsPath, 'utf8').catch(() => undefined);
  }

  private publishProblems(t: Timeline): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of t.problems) {
      if (!p.location) continue;
      byFile.set(p.location.file, [...(byFile.get(p.location.file) ?? []), toDiagnostic(p)]);
    }
    for (const [file, ds] of byFile) this.diagnostics.set(vscode.Uri.joinPath(this.folder, ...file.split('/')), ds);
  }

  async setGitHubToken(token: string | undefined, apiUrl?: string): Promise<void> {
    await this.tokens.set(apiUrl || readReleasesSettings().githubApiUrl || GITHUB_API, token);
  }

  private async githubPlans(apiUrl: string): Promise<PlannedRelease[]> {
    const root = this.folder.fsPath;
    const remote = await remoteUrl(root);
    const host = apiUrl ? new URL(apiUrl).hostname : 'github.com';
    const repo = remote ? githubRepoOf(remote, host === 'api.github.com' ? 'github.com' : host) : undefined;
    if (!repo) return [];
    const token = await this.tokens.get(apiUrl);
    if (!token) {
      this.log.debug('releases: the remote is on GitHub but no token is set: milestones and drafts are not read');
      return [];
    }
    try {
      const { plans, unplaced } = await fetchGitHubPlans({ ...repo, token, baseUrl: apiUrl || GITHUB_API });
      if (unplaced.length) this.log.info(`releases: no version in ${unplaced.join(', ')}: not placed on the timeline`);
      return plans;
    } catch (e) {
      this.log.warn(`releases: GitHub milestones and drafts not read: ${(e as Error).message.split('\n')[0]}`);
      return [];
    }
  }
}

function toDiagnostic(p: ReleaseProblem): vscode.Diagnostic {
  const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const d = new vscode.Diagnostic(toRange(p.location!.range), p.message, severity);
  d.source = 'Ops Lens';
  d.code = 'release-schedule';
  return d;
}

/** The git directory and, for a linked worktree, the common one (where refs and tags live). */
async function gitDirs(root: string): Promise<string[]> {
  try {
    const out = await runGit(root, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir']);
    return [...new Set(out.split('\n').map((l) => l.trim()).filter(Boolean))];
  } catch {
    return [];
  }
}
