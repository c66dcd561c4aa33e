import * as vscode from 'vscode';
import { Disposable } from './disposable';

export const PREVIEW_SCHEME = 'ops-lens-change';

/**
 * Read-only virtual documents for the preview: the recipe before and after the patch (shown with `vscode.diff`) and
 * the change record. Nothing is written anywhere until the user submits.
 */
export class ChangePreviewProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** A document per (request, side, file); the file name keeps its extension, so it is highlighted as a recipe. */
  put(requestId: string, side: 'before' | 'after' | 'record', file: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${requestId}/${side}/${file}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  async showDiff(requestId: string, file: string, before: string, after: string, title: string): Promise<void> {
    const left = this.put(requestId, 'before', file, before);
    const right = this.put(requestId, 'after', file, after);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true, preserveFocus: true });
  }

  async showRecord(requestId: string, file: string, text: string): Promise<void> {
    const uri = this.put(requestId, 'record', file, text);
    await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: true });
  }
}
