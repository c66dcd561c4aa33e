import * as vscode from 'vscode';
import { CodeIndex, type StoreReport } from './core/analysis/codeIndex';
import { AnalysisThreads } from './editor/analysisThreads';
import { AnalysisStorage } from './editor/analysisStorage';
import { Grammars } from './core/code/treeSitter';
import type { SourceLocation } from './core/model/location';
import { COMMANDS, VIEWS } from './editor/commandIds';
import { CredentialStore } from './editor/credentials';
import { setBackendCredentials } from './editor/credentialsCommand';
import { DiagnosticsPublisher } from './editor/diagnostics';
import { EditorFileSystem } from './editor/editorFileSystem';
import { channelLogger } from './editor/logger';
import { ServicesView } from './editor/servicesView';
import { ChangeRequestCommand } from './editor/changeRequestCommand';
import { GitHubTokenStore } from './editor/githubTokenStore';
import { ChangePreviewProvider } from './editor/changeRequestPreview';
import { ChangeRequestsView } from './editor/changeRequestsView';
import { setGitHubToken } from './editor/githubTokenCommand';
import { ReleaseDocuments, type ReleaseArg } from './editor/releaseDocuments';
import { ReleasesService } from './editor/releasesService';
import { ReleasesView } from './editor/releasesView';
import { affects } from './editor/settings';
import { SignalsService } from './editor/signalsService';
import { StatusBar } from './editor/statusBar';
import { chooseWorkspaceFolder } from './editor/workspaceFolderChoice';
import { WorkspaceAnalyzer } from './editor/workspaceAnalyzer';
import { EvidenceHoverProvider } from './editor/hoverProvider';
import { QuickFixProvider } from './editor/quickFixes';
import { RouteLensProvider } from './editor/routeLens';
import { showQueries, snoozeWarning, switchScope, type QueriesTarget } from './editor/warningCommands';

/** What activate() returns: how long activation took, read by the benchmark. */
export interface OpsLensApi {
  activationMs: number;
  /** The Releases view's service and tree, read by the extension-host tests. */
  releases?: { service: ReleasesService; view: ReleasesView; documents: ReleaseDocuments };
  /** The Change Requests view, read by the extension-host tests. */
  changeRequests?: { view: ChangeRequestsView };
  /**
   * What each full pass took from the analyses kept on disk, and the file they are kept in (opsLens.analysis.keepOnDisk),
   * read by the extension-host tests.
   */
  analysis?: { keptOnDisk: readonly StoreReport[]; storagePath?: string; written(): Promise<void> };
}

/**
 * The composition root: builds every long-lived object, wires them, and hands each disposable to the
 * extension context (disposed in reverse order on deactivation). Nothing else creates long-lived objects.
 */
export async function activate(context: vscode.ExtensionContext): Promise<OpsLensApi> {
  const started = Date.now();
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const channel = own(vscode.window.createOutputChannel('Ops Lens', { log: true }));
  const log = channelLogger(channel);
  own(vscode.commands.registerCommand(COMMANDS.showOutput, () => channel.show()));

  const choice = chooseWorkspaceFolder(vscode.workspace.workspaceFolders ?? [], vscode.workspace.getConfiguration('opsLens').get<string>('workspaceFolder') ?? '');
  if (!choice) {
    log.info('no folder open: nothing to analyse');
    return { activationMs: Date.now() - started };
  }
  const folder = choice.folder;
  if (choice.note) log.info(choice.note);
  if (choice.unknown) void vscode.window.showWarningMessage(`Ops Lens: ${choice.note}.`);
  // The composition below is built for one folder: another one takes a reload.
  own(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('opsLens.workspaceFolder')) return;
      const reload = 'Reload Window';
      if ((await vscode.window.showInformationMessage('Ops Lens: the folder to analyse changed. Reload the window to switch?', reload)) === reload) {
        await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    }),
  );

  const credentials = new CredentialStore(context.secrets);
  const githubTokens = new GitHubTokenStore(context.secrets);
  const fs = new EditorFileSystem(folder.uri);
  const wasmDir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'wasm').fsPath;
  const index = new CodeIndex(new Grammars(wasmDir));
  own(new AnalysisThreads(index, vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath, wasmDir));
  const storage = own(new AnalysisStorage(index, context.storageUri, log));
  const signals = own(new SignalsService(folder.uri.fsPath, credentials, log, context.workspaceState));
  const diagnostics = own(new DiagnosticsPublisher(folder.uri, vscode.Uri.joinPath(context.extensionUri, 'docs', 'warnings')));
  const analyzer = own(new WorkspaceAnalyzer(fs, folder.uri.fsPath, index, signals, diagnostics, log));
  own(new StatusBar(signals, analyzer));
  const servicesView = own(new ServicesView(analyzer, folder.uri));
  own(vscode.window.createTreeView(VIEWS.services, { treeDataProvider: servicesView, showCollapseAll: true }));
  const releases = own(new ReleasesService(folder.uri, analyzer, signals, index, githubTokens, log));
  const releasesView = own(new ReleasesView(releases));
  own(vscode.window.createTreeView(VIEWS.releases, { treeDataProvider: releasesView, showCollapseAll: true, canSelectMany: true }));
  const releaseDocs = own(new ReleaseDocuments(releases, folder.uri));
  own(vscode.commands.registerCommand(COMMANDS.refreshReleases, () => releases.refresh()));
  own(vscode.commands.registerCommand(COMMANDS.openReleaseBrief, (r?: ReleaseArg) => releaseDocs.openBrief(r)));
  own(vscode.commands.registerCommand(COMMANDS.copyReleaseBrief, (r?: ReleaseArg) => releaseDocs.copyBrief(r)));
  // From the tree with two releases selected, VS Code passes (clicked, [selected…]).
  own(vscode.commands.registerCommand(COMMANDS.compareReleases, (a?: ReleaseArg, b?: ReleaseArg | ReleaseArg[]) => (Array.isArray(b) ? releaseDocs.compare(b[0], b.length === 2 ? b[1] : undefined) : releaseDocs.compare(a, b))));
  own(vscode.commands.registerCommand(COMMANDS.openReleaseLocation, (loc: Parameters<ReleaseDocuments['openLocation']>[0]) => releaseDocs.openLocation(loc)));
  own(vscode.commands.registerCommand(COMMANDS.setGitHubToken, (given?: { token?: string; apiUrl?: string }) => setGitHubToken(releases, given)));

  const changePreview = own(new ChangePreviewProvider());
  const changeRequestsView = own(new ChangeRequestsView(folder.uri, changePreview, log));
  own(vscode.window.createTreeView(VIEWS.changeRequests, { treeDataProvider: changeRequestsView }));
  const changeRequests = new ChangeRequestCommand({ folder: folder.uri, model: () => analyzer.snapshot.model, signals: () => signals.state.signals, preview: changePreview, tokens: githubTokens, log, onSubmitted: () => void changeRequestsView.refresh() });
  own(vscode.commands.registerCommand(COMMANDS.requestEnvironmentChange, (args?: unknown) => changeRequests.run(args)));
  own(vscode.commands.registerCommand(COMMANDS.refreshChangeRequests, () => changeRequestsView.refresh()));
  own(vscode.commands.registerCommand(COMMANDS.openChangeRequestLink, (node?: unknown) => {
    const link = changeRequestsView.linkOf(node);
    if (link) void vscode.env.openExternal(vscode.Uri.parse(link));
  }));

  own(vscode.commands.registerCommand(COMMANDS.refreshSignals, () => signals.refresh(analyzer.snapshot.model)));
  own(vscode.commands.registerCommand(COMMANDS.analyzeWorkspace, () => analyzer.analyzeAll()));
  own(vscode.commands.registerCommand(COMMANDS.setBackendCredentials, (given?: unknown) => setBackendCredentials(credentials, given)));
  own(vscode.commands.registerCommand(COMMANDS.clearBackendCredentials, async () => {
    const url = vscode.workspace.getConfiguration('opsLens').get<string>('prometheus.url') ?? '';
    if (url) await credentials.set(url, { kind: 'none' });
  }));
  own(vscode.commands.registerCommand(COMMANDS.openRecipeLocation, (loc: SourceLocation) => servicesView.open(loc)));
  own(vscode.commands.registerCommand(COMMANDS.showQueries, (target: QueriesTarget) => showQueries(target, analyzer, signals)));
  own(vscode.commands.registerCommand(COMMANDS.snoozeWarning, (target: { fingerprint: string; days?: number; reason?: string }) => snoozeWarning(target, folder.uri)));
  own(vscode.commands.registerCommand(COMMANDS.switchScope, () => switchScope()));

  const code = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java'].map((language) => ({ scheme: 'file', language }));
  own(vscode.languages.registerCodeLensProvider(code, own(new RouteLensProvider(fs, analyzer, signals))));
  const hover = new EvidenceHoverProvider(fs, analyzer, signals);
  own(vscode.languages.registerHoverProvider([...code, { scheme: 'file', language: 'yaml' }], hover));
  own(vscode.languages.registerCodeActionsProvider([...code, { scheme: 'file', language: 'yaml' }], new QuickFixProvider(fs, analyzer), { providedCodeActionKinds: QuickFixProvider.kinds }));

  own(credentials.onDidChange(() => void signals.refresh(analyzer.snapshot.model)));
  own(vscode.workspace.onDidGrantWorkspaceTrust(() => void signals.refresh(analyzer.snapshot.model)));
  own(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'prometheus', 'signals')) void signals.refresh(analyzer.snapshot.model);
      else if (affects(e, 'severity')) analyzer.rejoin();
      else if (affects(e, 'diagnostics')) void analyzer.reloadBaseline().then(() => analyzer.rejoin());
    }),
  );

  // The first pass runs in the background: activation returns at once, the editor never waits for it.
  void analyzer.analyzeAll().catch((e) => log.error(`analysis failed: ${(e as Error).message}`));
  void releases.refresh();
  const activationMs = Date.now() - started;
  log.info(`activated in ${activationMs} ms`);
  return { activationMs, analysis: { keptOnDisk: analyzer.keptOnDisk, storagePath: storage.path, written: () => index.written() }, releases: { service: releases, view: releasesView, documents: releaseDocs }, changeRequests: { view: changeRequestsView } };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
