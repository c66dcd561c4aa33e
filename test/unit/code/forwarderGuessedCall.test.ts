import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A forwarder (a function whose whole body hands its work to one call) uses up no call depth only where the call that
 * reached it knew what it called: a receiver of known type or the function's own name. Reached by a method's name
 * alone (photoprism's `file.Delete(false)` in the photo deletion, a `File` of no type the join reads, landing on
 * `Session.Delete`, only `return DeleteSession(m)`), it counts as any layer does, so that guess is carried no further.
 */
describe('a forwarder reached by a method name alone', () => {
  const entity = (sessionDelete: string[]) =>
    lines(
      'package entity',
      '',
      'import "database/sql"',
      '',
      'var db *sql.DB',
      '',
      'type Session struct{ ID string }',
      'type File struct{ Name string }',
      '',
      'func FindSession(id string) *Session { return &Session{ID: id} }',
      '',
      ...sessionDelete,
      '',
      'func (m *File) Delete(permanently bool) error {',
      '\t_, err := db.Exec("DELETE FROM files WHERE name = ?", m.Name)',
      '\treturn err',
      '}',
      '',
      'func DeleteSession(s *Session) error {',
      '\tif s.ID == "" {',
      '\t\treturn nil',
      '\t}',
      '\treturn DeleteChildSessions(s)',
      '}',
      '',
      'func DeleteChildSessions(s *Session) error {',
      '\trows, _ := db.Query("SELECT id FROM sessions WHERE parent = ?", s.ID)',
      '\tdefer rows.Close()',
      '\tfor rows.Next() {',
      '\t\tvar id string',
      '\t\t_ = rows.Scan(&id)',
      '\t\tdb.Exec("DELETE FROM sessions WHERE id = ?", id)', // 34 (35 below)
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func PurgeFiles(names []string) {',
      '\tfor _, file := range findFiles(names) {',
      '\t\t_ = file.Delete(false)',
      '\t}',
      '}',
      '',
      'func findFiles(names []string) []File { return nil }',
      '',
      'func RevokeSession(id string) error {',
      '\ts := FindSession(id)',
      '\tif s == nil {',
      '\t\treturn nil',
      '\t}',
      '\treturn s.Delete()',
      '}',
    );
  const app = (sessionDelete: string[]) => ({
    'go.mod': 'module example.com/app\n',
    'main.go': lines(
      'package main',
      '',
      'import (',
      '\t"example.com/app/entity"',
      '\t"github.com/gin-gonic/gin"',
      ')',
      '',
      'func main() {',
      '\tr := gin.Default()',
      '\tr.POST("/index", func(c *gin.Context) {',
      '\t\tentity.PurgeFiles(c.QueryArray("name"))',
      '\t\tc.Status(204)',
      '\t})',
      '\tr.DELETE("/sessions/:id", func(c *gin.Context) {',
      '\t\t_ = entity.RevokeSession(c.Param("id"))',
      '\t\tc.Status(204)',
      '\t})',
      '\t_ = r.Run()',
      '}',
    ),
    'entity/entity.go': entity(sessionDelete),
  });

  it('Go (photoprism): a forwarder reached by name from another type’s call uses a call, one reached through a typed local still hands on', async () => {
    const f = await joined(app(['func (m *Session) Delete() error {', '\treturn DeleteSession(m)', '}']));
    // POST /index: PurgeFiles → file.Delete (by name: File.Delete and Session.Delete) → DeleteSession: the loop is a
    // call further than the route follows. DELETE /sessions/:id: RevokeSession → s.Delete (s a *Session) hands on.
    // (The loop calling file.Delete is still judged by what that name may run, as before forwarders were told apart.)
    assert.deepEqual(hazardRows(f), [
      'query-in-loop entity/entity.go:34:3 db.Exec [for sequential] → DELETE /sessions/:id',
      'query-in-loop entity/entity.go:41:7 file.Delete → DeleteSession → DeleteChildSessions → db.Query [for sequential] → POST /index',
      'unbounded-query entity/entity.go:29:13 db.Query → DELETE /sessions/:id',
    ]);
  });

  it('Go: a Session.Delete doing work of its own is a layer on both paths: neither route reaches the loop', async () => {
    const f = await joined(app(['func (m *Session) Delete() error {', '\tm.ID = m.ID + ""', '\treturn DeleteSession(m)', '}']));
    assert.deepEqual(hazardRows(f), [
      'query-in-loop entity/entity.go:35:3 db.Exec [for sequential] → -',
      'query-in-loop entity/entity.go:42:7 file.Delete → DeleteSession → DeleteChildSessions → db.Query [for sequential] → POST /index',
      'unbounded-query entity/entity.go:30:13 db.Query → -',
    ]);
  });
});
