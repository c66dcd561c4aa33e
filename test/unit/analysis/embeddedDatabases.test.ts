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

  it("a Go package that opens only SQLite (memos' store/db/sqlite) is quiet, beside its MySQL package in the same service", async () => {
    const driverPackage = (dir: string, driver: string) => [`memos/store/db/${dir}/${dir}.go`, service('x', driver)[1].replace('package main', `package ${dir}`)];
    const warned = await loopWarnings([['memos/main.go', 'package main\n\nfunc main() {}\n'], driverPackage('sqlite', 'modernc.org/sqlite'), driverPackage('mysql', 'github.com/go-sql-driver/mysql')]);
    assert.deepEqual(warned, ['memos memos/store/db/mysql/mysql.go:10']);
    // gogs' internal/database imports only SQLite's driver and connects to PostgreSQL or MySQL through drivers its
    // main package imports: not a package for SQLite.
    const gogs = await loopWarnings([
      ['gogs/main.go', 'package main\n\nimport _ "github.com/jackc/pgx/v4/stdlib"\n\nfunc main() {}\n'],
      ['gogs/internal/database/models.go', service('x', 'github.com/glebarez/go-sqlite')[1].replace('package main', 'package database')],
    ]);
    assert.deepEqual(gogs, ['gogs gogs/internal/database/models.go:10']);
  });
});
