import * as vscode from 'vscode';
import { runGit } from '../core/host/git';
import type { Range } from '../core/model/location';
import { compareBrief, releaseBrief } from '../core/releases/brief';
import type { Release } from '../core/releases/release';
import { riskText } from '../core/releases/risk';
import { findRelease } from '../core/releases/timeline';
import { toRange } from './diagnostics';
import { Disposable } from './disposable';
import type { ReleasesService } from './releasesService';
import type { ReleaseNode } from './releasesView';

export const BRIEF_SCHEME = 'ops-lens-brief';
export const AT_RELEASE_SCHEME = 'ops-lens-release';

/** A release as commands receive it: a tree node, a release id or version, or nothing (then the user picks). */
export type ReleaseArg = ReleaseNode | string | undefined;

/**
 * The documents behind the Releases view's commands: the ops brief and the comparison as read-only virtual
 * Markdown documents (previewed with the built-in Markdown preview, updated when the timeline refreshes), and a
 * file as it stands at a release's tip when the working tree differs.
 */
export class ReleaseDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly service: ReleasesService,
    private readonly folder: vscode.Uri,
  ) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(BRIEF_SCHEME, this));
    this.register(vscode.workspace.registerTextDocumentContentProvider(AT_RELEASE_SCHEME, { provideTextDocumentContent: (uri) => this.fileAtRelease(uri) }));
    this.register(service.onDidChange(() => {
      for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === BRIEF_SCHEME) this.changed.fire(d.uri);
    }));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const t = this.service.timeline;
    const q = new URLSearchParams(uri.query);
    const a = t && findRelease(t, q.get('release') ?? '');
    if (!a) return `# Release not found\n\nThe release timeline no longer has "${q.get('release')}". Refresh the Releases view.\n`;
    const withId = q.get('with');
    if (withId === null) return releaseBrief(a, { workspaceName: vscode.workspace.name });
    const b = findRelease(t, withId);
    return b ? compareBrief(a, b) : `# Release not found\n\nThe release timeline no longer has "${withId}".\n`;
  }

  briefUri(r: Release): vscode.Uri {
    return vscode.Uri.from({ scheme: BRIEF_SCHEME, path: `/ops-brief-${r.version}.md`, query: new URLSearchParams({ release: r.id }).toString() });
  }

  compareUri(a: Release, b: Release): vscode.Uri {
    return vscode.Uri.from({ scheme: BRIEF_SCHEME, path: `/compare-${a.version}-${b.version}.md`, query: new URLSearchParams({ release: a.id, with: b.id }).toString() });
  }

  /** Opens the brief in the Markdown preview; returns its text (what a person reads, for tests and scripts). */
  async openBrief(arg: ReleaseArg): Promise<string | undefined> {
    const r = await this.pick(arg, 'Open the ops brief of which release?');
    if (!r) return undefined;
    const uri = this.briefUri(r);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return this.provideTextDocumentContent(uri);
  }

  async copyBrief(arg: ReleaseArg): Promise<string | undefined> {
    const r = await this.pick(arg, 'Copy the ops brief of which release?');
    if (!r) return undefined;
    const text = this.provideTextDocumentContent(this.briefUri(r));
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Ops Lens: the ops brief of ${r.version} is on the clipboard.`);
    return text;
  }

  /** Two releases side by side; with one given (from the tree), the user picks the other. */
  async compare(first: ReleaseArg, second?: ReleaseArg): Promise<string | undefined> {
    const a = await this.pick(first, 'Compare which release…');
    if (!a) return undefined;
    const b = await this.pick(second, `…with which release?`, a);
    if (!b) return undefined;
    const uri = this.compareUri(a, b);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return this.provideTextDocumentContent(uri);
  }

  /** Opens a line in the workspace, or in the file as it stands at `ref` when the working tree differs. */
  async openLocation(loc: { file: string; range: Range; ref?: string }): Promise<void> {
    const uri = loc.ref
      ? vscode.Uri.from({ scheme: AT_RELEASE_SCHEME, path: `/${loc.file}`, query: loc.ref })
      : vscode.Uri.joinPath(this.folder, ...loc.file.split('/'));
    await vscode.window.showTextDocument(uri, { selection: toRange(loc.range), preview: true });
  }

  private async fileAtRelease(uri: vscode.Uri): Promise<string> {
    const ref = uri.query;
    if (!/^[0-9a-f]{7,64}$/.test(ref)) return '';
    try {
      return await runGit(this.folder.fsPath, ['cat-file', 'blob', `${ref}:./${uri.path.replace(/^\//, '')}`]);
    } catch (e) {
      return `// Ops Lens: cannot read ${uri.path} at ${ref.slice(0, 8)}: ${(e as Error).message}\n`;
    }
  }

  private async pick(arg: ReleaseArg, title: string, exclude?: Release): Promise<Release | undefined> {
    const t = this.service.timeline ?? (await this.service.refresh());
    if (!t) return undefined;
    if (typeof arg === 'string') {
      const r = findRelease(t, arg);
      if (!r) void vscode.window.showWarningMessage(`Ops Lens: no release "${arg}" on the timeline.`);
      return r;
    }
    if (arg && arg.kind === 'release') return arg.release;
    const items = t.releases
      .filter((r) => r !== exclude)
      .map((r) => ({ label: `${r.version}${r.name ? ` · ${r.name}` : ''}`, description: `${r.status === 'upcoming' ? riskText(r.risk) : 'shipped'}${r.date ? ` · ${r.date}` : ''}`, detail: r.title, release: r }));
    if (!items.length) {
      void vscode.window.showInformationMessage('Ops Lens: no releases to choose from.');
      return undefined;
    }
    return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.release;
  }
}
