import type { Tree } from '@vscode/tree-sitter-wasm';
import { analyzeTree } from '../code/analyzeFile';
import type { FileAnalysis } from '../code/codeModel';
import { CallCatalogue } from '../code/hazards/callCatalogue';
import { Grammars, languageOfFile } from '../code/treeSitter';

/**
 * Per-file code analysis, cached by content so an unchanged file is never parsed twice.
 * Trees are not kept: the editor holds the one tree per open document it re-parses incrementally.
 */
export class CodeIndex {
  private readonly cache = new Map<string, { text: string; analysis: FileAnalysis }>();

  constructor(
    readonly grammars: Grammars,
    readonly catalogue: CallCatalogue = new CallCatalogue(),
  ) {}

  static isCode(file: string): boolean {
    return languageOfFile(file) !== undefined;
  }

  async analyze(file: string, text: string, previousTree?: Tree): Promise<FileAnalysis | undefined> {
    const cached = this.cache.get(file);
    if (cached && cached.text === text) return cached.analysis;
    const language = languageOfFile(file);
    if (!language) return undefined;
    const tree = await this.grammars.parse(language, text, previousTree);
    try {
      const analysis = analyzeTree(file, language, tree, this.catalogue);
      this.cache.set(file, { text, analysis });
      return analysis;
    } finally {
      if (tree !== previousTree) tree.delete();
    }
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  all(): FileAnalysis[] {
    return [...this.cache.values()].map((c) => c.analysis);
  }
}
