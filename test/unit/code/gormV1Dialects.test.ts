import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * GORM v1 (github.com/jinzhu/gorm) reaches a server through its dialect packages, which import the driver themselves:
 * statping-ng imports `jinzhu/gorm/dialects/postgres` and `…/mysql` beside go-sqlite3, picks one by configuration,
 * and its Compose runs PostgreSQL. Such a service is not one whose only database is embedded SQLite.
 */
describe('GORM v1 dialect imports', () => {
  const app = (...dialects: string[]) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"encoding/json"',
      '\t"net/http"',
      '',
      '\t"github.com/jinzhu/gorm"',
      ...dialects.map((d) => `\t_ "${d}"`),
      ')',
      '',
      'var db *gorm.DB',
      '',
      'type Group struct{ Id int64 }',
      '',
      'func reorder(w http.ResponseWriter, r *http.Request) {',
      '\tvar ids []int64',
      '\tjson.NewDecoder(r.Body).Decode(&ids)',
      '\tfor _, id := range ids {',
      '\t\tvar g Group',
      '\t\tdb.Where("id = ?", id).First(&g)',
      '\t}',
      '}',
      '',
      'func main() {',
      '\thttp.HandleFunc("/api/reorder", reorder)',
      '\thttp.ListenAndServe(":8080", nil)',
      '}',
    );
  const line = (...dialects: string[]) => 19 + dialects.length;

  it('a PostgreSQL, MySQL or SQL Server dialect beside go-sqlite3 keeps the query in a loop (statping-ng)', async () => {
    for (const dialect of ['postgres', 'mysql', 'mssql']) {
      const imports = [`github.com/jinzhu/gorm/dialects/${dialect}`, 'github.com/mattn/go-sqlite3'];
      const f = await joined({ 'main.go': app(...imports) });
      assert.deepEqual(hazardRows(f), [`query-in-loop main.go:${line(...imports)}:3 db.Where.First [for sequential] → ANY /api/reorder`], dialect);
    }
  });

  it('GORM v2 server drivers beside go-sqlite3 keep it too', async () => {
    for (const driver of ['gorm.io/driver/postgres', 'gorm.io/driver/mysql', 'gorm.io/driver/sqlserver']) {
      const imports = [driver, 'github.com/mattn/go-sqlite3'];
      const f = await joined({ 'main.go': app(...imports) });
      assert.deepEqual(hazardRows(f), [`query-in-loop main.go:${line(...imports)}:3 db.Where.First [for sequential] → ANY /api/reorder`], driver);
    }
  });

  it('go-sqlite3 alone, or beside GORM v1\'s SQLite dialect only, is still embedded', async () => {
    assert.deepEqual(hazardRows(await joined({ 'main.go': app('github.com/mattn/go-sqlite3') })), []);
    assert.deepEqual(hazardRows(await joined({ 'main.go': app('github.com/jinzhu/gorm/dialects/sqlite', 'github.com/mattn/go-sqlite3') })), []);
  });
});
