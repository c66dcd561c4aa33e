import * as vscode from 'vscode';
import type { FileSystem } from '../core/host/fileSystem';
import { NodeFileSystem } from '../core/host/nodeFileSystem';

/** The disk, except that open documents are read from the editor so unsaved edits are analysed as typed. */
export class EditorFileSystem implements FileSystem {
  private readonly disk: NodeFileSystem;

  constructor(private readonly root: vscode.Uri) {
    this.disk = new NodeFileSystem(root.fsPath);
  }

  async readText(relativePath: string): Promise<string> {
    const uri = vscode.Uri.joinPath(this.root, ...relativePath.split('/'));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : this.disk.readText(relativePath);
  }

  listFiles(): Promise<string[]> {
    return this.disk.listFiles();
  }

  /** The path of a document relative to the root, or undefined when it is outside it. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme) return undefined;
    const root = this.root.path.replace(/\/$/, '') + '/';
    return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
  }
}
