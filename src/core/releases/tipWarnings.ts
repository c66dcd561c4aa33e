import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CodeIndex } from '../analysis/codeIndex';
import { warningsFor } from '../analysis/workspaceAnalysis';
import { runGit } from '../host/git';
import type { Logger } from '../host/logger';
import type { SeverityRules } from '../insights/severityRules';
import type { Warning } from '../insights/warning';
import { serviceForFile, type EnvironmentModel } from '../model/environment';
import type { SignalSet } from '../signals/signalSet';
import { readBlobs } from './gitHistory';
import type { TipWarningSource } from './risk';

export interface GitTipWarningsOptions {
  dir: string;
  /** Parsers are shared; the cache is not (the tip's text would evict the working tree's). */
  index: CodeIndex;
  model: EnvironmentModel;
  signals?: SignalSet;
  rules: SeverityRules;
  /**
   * The warnings already computed for a working-tree file (the editor's analyzer), used when the file is the
   * same at the tip: no parsing, and recipe warnings (capacity pressure) count too.
   */
  current?: (file: string) => Warning[] | undefined;
  log?: Logger;
}

/** Warnings for code as it stands at a commit: the text comes from git, the analysis from the same engine. */
export class GitTipWarnings implements TipWarningSource {
  private readonly index: CodeIndex;

  constructor(private readonly opts: GitTipWarningsOptions) {
    this.index = new CodeIndex(opts.index.grammars, opts.index.catalogue);
  }

  async warningsAt(ref: string, files: string[]): Promise<{ warnings: Warning[]; sameAsWorkingTree: Set<string> }> {
    const { dir, model } = this.opts;
    const relevant = files.filter((f) => serviceForFile(model, f) !== undefined || this.opts.current?.(f)?.length);
    const atTip = await blobsAt(dir, ref, relevant);
    const inTree = await workingTreeBlobs(dir, relevant);
    const same = new Set(relevant.filter((f) => atTip.get(f) && atTip.get(f) === inTree.get(f)));
    const warnings: Warning[] = [];
    const toRead = relevant.filter((f) => !(same.has(f) && this.opts.current?.(f)) && atTip.get(f) && CodeIndex.isCode(f));
    const texts = await readBlobs(dir, toRead.map((f) => atTip.get(f)!));
    for (const file of relevant) {
      const current = same.has(file) ? this.opts.current?.(file) : undefined;
      if (current) {
        warnings.push(...current);
        continue;
      }
      const text = texts.get(atTip.get(file) ?? '');
      if (text === undefined) continue;
      try {
        const analysis = await this.index.analyze(file, text);
        if (analysis) warnings.push(...warningsFor(model, [analysis], this.opts.signals, this.opts.rules));
      } catch (e) {
        this.opts.log?.warn(`releases: cannot analyse ${file} at ${ref.slice(0, 8)}: ${(e as Error).message}`);
      }
    }
    return { warnings, sameAsWorkingTree: same };
  }
}

/** Blob ids of files at a commit (paths relative to `dir`, like `git diff --relative`). */
async function blobsAt(dir: string, ref: string, files: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < files.length; i += 500) {
    const text = await runGit(dir, ['ls-tree', '-z', ref, '--', ...files.slice(i, i + 500)]);
    for (const entry of text.split('\0')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (m) out.set(m[2], m[1]);
    }
  }
  return out;
}

/** Blob ids the working-tree files would have (after the repository's filters), to tell whether they changed. */
async function workingTreeBlobs(dir: string, files: string[]): Promise<Map<string, string>> {
  const present: string[] = [];
  for (const f of files) if (await access(join(dir, f)).then(() => true, () => false)) present.push(f);
  const out = new Map<string, string>();
  for (let i = 0; i < present.length; i += 500) {
    const chunk = present.slice(i, i + 500);
    // --no-filters: no clean filter configured by the repository is run; a file whose filters change it only
    // loses the shortcut (it is analysed at the tip instead).
    const hashes = (await runGit(dir, ['hash-object', '--no-filters', '--', ...chunk])).trim().split('\n');
    chunk.forEach((f, j) => out.set(f, hashes[j]));
  }
  return out;
}
