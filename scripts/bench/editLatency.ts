// Time from a one-line edit to updated warnings (the analysis work, without the debounce), on a 3,000-line
// handler file, against the bare tree-sitter parse of the same text, measured in the same run.
import { CodeIndex } from '../../src/core/analysis/codeIndex';
import { warningsFor } from '../../src/core/analysis/workspaceAnalysis';
import { Grammars } from '../../src/core/code/treeSitter';
import { inScope } from '../../src/core/insights/scope';
import { DEFAULT_SEVERITY_RULES } from '../../src/core/insights/severityRules';
import type { EnvironmentModel } from '../../src/core/model/environment';
import type { SignalSet } from '../../src/core/signals/signalSet';
import { wasmDir } from '../../src/cli/wasmDir';
import { p95 } from './stats';

export interface BenchRow {
  name: string;
  value: string;
  detail: string;
}

const FILE = 'services/big/src/routes.ts';

/** About 3,000 lines: 100 Express handlers, a third of them with a query in a loop. */
export function bigHandlerFile(): string {
  const out = ["import { Router } from 'express';", "import { pool } from './db';", 'export const router = Router();', ''];
  for (let i = 0; i < 100; i++) {
    out.push(`router.get('/items${i}/:id', async (req, res) => {`);
    out.push(`  const { rows } = await pool.query('SELECT id, name FROM items${i} WHERE owner = $1 LIMIT 100', [req.params.id]);`);
    out.push('  const result = [];');
    for (let j = 0; j < 24; j++) out.push(`  const v${j} = rows.length * ${j} + ${i}; // arithmetic keeps the handler long`);
    if (i % 3 === 0) {
      out.push('  for (const row of rows) {');
      out.push(`    const { rows: extra } = await pool.query('SELECT * FROM extra${i} WHERE item = $1', [row.id]);`);
      out.push('    result.push({ ...row, extra });');
      out.push('  }');
    }
    out.push('  res.json({ result, v0, v23 });');
    out.push('});');
    out.push('');
  }
  return out.join('\n');
}

export async function bench(): Promise<BenchRow[]> {
  const grammars = new Grammars(wasmDir());
  const index = new CodeIndex(grammars);
  const text = bigHandlerFile();
  const lines = text.split('\n');
  const model: EnvironmentModel = {
    services: [{ name: 'big', recipes: [], capacity: {}, codeRoots: [{ root: 'services/big', reason: 'bench', confidence: 'high' }], env: {} }],
    problems: [],
  };
  const signals: SignalSet = {
    source: { kind: 'snapshot', file: 'bench' },
    evaluatedAt: 0,
    window: '5m',
    notes: [],
    services: [{ service: 'big', routes: Array.from({ length: 100 }, (_, i) => ({ method: 'GET', route: `/items${i}/:id`, requestRate: { value: 10 + i, query: 'q' } })) }],
  };
  await index.analyzeEdit(FILE, text); // warm: grammar loaded, the document's tree kept, JIT warm

  const runs = 60;
  const bare: number[] = [];
  const work: number[] = [];
  let warnings = 0;
  for (let i = 0; i < runs; i++) {
    // A different one-line edit each time, so no cache can answer.
    const edited = [...lines];
    const at = 10 + ((i * 47) % (lines.length - 20));
    edited[at] = edited[at] + ` // edit ${i}`;
    const next = edited.join('\n');
    let t = process.hrtime.bigint();
    (await grammars.parse('typescript', next)).delete();
    bare.push(Number(process.hrtime.bigint() - t) / 1e6);
    // What the editor does after the debounce: incremental re-analysis, the cross-file join, the warnings, the scope.
    t = process.hrtime.bigint();
    await index.analyzeEdit(FILE, next);
    const [analysis] = index.link([FILE]);
    const ws = inScope(warningsFor(model, [analysis], signals, DEFAULT_SEVERITY_RULES), 'all', undefined);
    work.push(Number(process.hrtime.bigint() - t) / 1e6);
    warnings = ws.length;
  }
  return [
    {
      name: 'one-line edit → warnings, 3,000-line file (p95)',
      value: `${p95(work).toFixed(1)} ms`,
      detail: `incremental analysis + join + warnings; ${(p95(work) / p95(bare)).toFixed(2)}× a bare full parse (p95 ${p95(bare).toFixed(1)} ms); ${lines.length} lines, ${warnings} warnings, ${runs} edits`,
    },
  ];
}
