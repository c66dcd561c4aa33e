import * as vscode from 'vscode';
import { AnalysisPool, automaticThreads } from '../core/analysis/analysisPool';
import type { CodeIndex } from '../core/analysis/codeIndex';
import { affects, readSettings } from './settings';

/**
 * The threads the index's full passes run on (`opsLens.analysis.threads`), made again when the setting changes. A
 * pass under way when they change finishes on the extension host's thread.
 */
export class AnalysisThreads implements vscode.Disposable {
  private pool?: AnalysisPool;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly index: CodeIndex,
    private readonly script: string,
    private readonly wasmDir: string,
  ) {
    this.apply();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'analysis.threads')) this.apply();
    });
  }

  private apply(): void {
    const wanted = threadsFor(readSettings().analysisThreads);
    if ((this.pool?.size ?? 0) === wanted) return;
    this.pool?.dispose();
    // No inherited options: an extension host started with --inspect would have each thread claim the same port.
    this.pool = wanted > 0 ? new AnalysisPool({ script: this.script, size: wanted, wasmDir: this.wasmDir, execArgv: [] }) : undefined;
    this.index.runOn(this.pool);
  }

  dispose(): void {
    this.listener.dispose();
    this.pool?.dispose();
    this.index.runOn(undefined);
  }
}

/** The setting's threads (-1: automatic). */
export function threadsFor(setting: number): number {
  return setting >= 0 ? setting : automaticThreads();
}
