import * as vscode from 'vscode';
import type { FileSystem } from '../core/host/fileSystem';
import { NodeFileSystem } from '../core/host/nodeFileSystem';

/** The disk, except that open documents are read from the editor so unsaved edits are analysed as typed. */
export class EditorFileSystem implements FileSystem {
  private readonly disk: NodeFileSystem;

  constructor(private readonly root: vscode.Uri) {
    // files.exclude is read on every listing, so changing it applies to the next analysis.
    this.disk = new NodeFileSystem(root.fsPath, { exclude: () => excludedGlobs(root) });
  }

  async readText(relativePath: string): Promise<string> {
    const uri = vscode.Uri.joinPath(this.root, ...relativePath.split('/'));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : this.disk.readText(relativePath);
  }

  listFiles(): Promise<string[]> {
    return this.disk.listFiles();
  }

  get rootName(): string {
    return this.disk.rootName;
  }

  /** The path of a document relative to the root, or undefined when it is outside it. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme) return undefined;
    const root = this.root.path.replace(/\/$/, '') + '/';
    return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
  }
}

/** The `files.exclude` patterns that are switched on (`true`; `{ when }` conditions are left to VS Code). */
function excludedGlobs(root: vscode.Uri): string[] {
  const exclude = vscode.workspace.getConfiguration('files', root).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(exclude)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
