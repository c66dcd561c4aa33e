import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * Whether a service's database is embedded SQLite is read per service (code/sqlEngines.ts): one service of the
 * workspace on SQLite does not quiet another's PostgreSQL queries. A service whose own code opens no database (a
 * worker using the repository's `db` package) is judged by the whole workspace.
 */
describe('embedded SQLite, per service of a workspace', function () {
  this.timeout(20_000);
  const service = (name: string, driver?: string) => [
    `${name}/main.go`,
    [
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      ...(driver ? [`\t_ "${driver}"`] : []),
      ')',
      '',
      'func tags(db *sql.DB, ids []string) {',
      '\tfor _, id := range ids {',
      '\t\tdb.Query("SELECT tag FROM tags WHERE item_id = ? LIMIT 10", id)',
      '\t}',
      '}',
    ].join('\n'),
  ];

  async function loopWarnings(files: string[][]): Promise<string[]> {
    const ws = new TempWorkspace('embedded');
    ws.create();
    try {
      const names = files.map(([file]) => file.split('/')[0]);
      ws.write('docker-compose.yml', `services:\n${names.map((n) => `  ${n}:\n    build: ./${n}\n`).join('')}`);
      for (const [file, text] of files) ws.write(file, text);
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      return result.warnings.filter((w) => w.code === 'query-in-loop').map((w) => `${w.service} ${w.file}:${w.range.start.line + 1}`);
    } finally {
      ws.remove();
    }
  }

  it("a service on SQLite is quiet; one on PostgreSQL beside it is not, nor a worker with no driver of its own", async () => {
    const warned = await loopWarnings([service('notes', 'github.com/mattn/go-sqlite3'), service('orders', 'github.com/lib/pq'), service('worker')]);
    assert.deepEqual(warned.sort(), ['orders orders/main.go:10', 'worker worker/main.go:9']);
  });

  it('a worker with no driver of its own, in a workspace whose only database is SQLite, is quiet too', async () => {
    assert.deepEqual(await loopWarnings([service('notes', 'modernc.org/sqlite'), service('worker')]), []);
    // The control: the same worker beside a service on PostgreSQL.
    assert.deepEqual(await loopWarnings([service('orders', 'github.com/lib/pq'), service('worker')]), ['orders orders/main.go:10', 'worker worker/main.go:9'].sort());
  });
});
