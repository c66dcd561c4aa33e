import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace, type WorkspaceAnalysis } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * Workspaces written out whole into a temporary folder for the describe block that calls this (in `before`, removed in
 * `after`), each under its own name; the function returned analyses one of them as the CLI does.
 */
export function writtenWorkspaces(prefix: string, workspaces: Record<string, Record<string, string>>): (name: string) => Promise<WorkspaceAnalysis> {
  const ws = new TempWorkspace(prefix);
  before(() => {
    ws.create();
    for (const [name, files] of Object.entries(workspaces)) for (const [file, text] of Object.entries(files)) ws.write(`${name}/${file}`, text);
  });
  after(() => ws.remove());
  return (name) => analyzeWorkspace({ fs: new NodeFileSystem(join(ws.dir, name)), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
}
