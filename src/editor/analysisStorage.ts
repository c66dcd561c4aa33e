import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { AnalysisStore } from '../core/analysis/analysisStore';
import type { CodeIndex } from '../core/analysis/codeIndex';
import { ENGINE_STAMP } from '../core/analysis/engineStamp';
import type { Logger } from '../core/host/logger';
import { affects, readSettings } from './settings';

/**
 * Keeps each file's analysis in the workspace's own storage (`opsLens.analysis.keepOnDisk`), so that the window's
 * next full pass parses only what changed. Turned off, the file is deleted: nothing is left behind.
 */
export class AnalysisStorage implements vscode.Disposable {
  private readonly listener: vscode.Disposable;
  /** The file the analyses are kept in (none: nothing is kept in this window). */
  readonly path?: string;
  private store?: AnalysisStore;

  constructor(
    private readonly index: CodeIndex,
    storage: vscode.Uri | undefined,
    private readonly log: Logger,
  ) {
    // No storage: a window without a folder. No stamp: a development build, whose analyses may change under it.
    if (storage && ENGINE_STAMP) this.path = vscode.Uri.joinPath(storage, 'analyses.bin').fsPath;
    this.apply();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'analysis.keepOnDisk')) this.apply();
    });
  }

  private apply(): void {
    if (!this.path) return;
    if (readSettings().keepAnalysesOnDisk) {
      if (!this.store) this.index.keepOn((this.store = new AnalysisStore(this.path, ENGINE_STAMP!)));
      return;
    }
    this.store?.close();
    this.store = undefined;
    this.index.keepOn(undefined);
    // At once (whoever turned it off may look next), and also when it was turned off while no window was open.
    try {
      rmSync(this.path, { force: true });
    } catch (e) {
      this.log.warn(`cannot delete ${this.path}: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    this.listener.dispose();
    // A write under way at shutdown goes on: the file is replaced whole, or not at all.
  }
}
