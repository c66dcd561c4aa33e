import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go code names its database handles as it likes: a parameter `tx *gorm.DB` narrowed into `table`, go-admin's services
 * reaching GORM through an embedded `Orm` field, a `*sql.DB` called `handle`. The handle's type, or how the function
 * built it, says it is one.
 */
describe('Go database handles found by type, field and builder, not by name', () => {
  const service = lines(
    'package service',
    '',
    'import (',
    '\t"database/sql"',
    '',
    '\tbolt "go.etcd.io/bbolt"',
    '\t"gorm.io/gorm"',
    ')',
    '',
    'type SysColumns struct{ TableId int }',
    'type SysTables struct{ TableId int }',
    '',
    'func (e *SysColumns) GetList(tx *gorm.DB, id int) ([]SysColumns, error) {',
    '\tvar doc []SysColumns',
    '\ttable := tx.Table("sys_columns")',
    '\ttable = table.Where("table_id = ?", id)',
    '\terr := table.Find(&doc).Error', // 17: bounded by its key
    '\treturn doc, err',
    '}',
    '',
    'func (e *SysTables) GetTree(tx *gorm.DB) ([]SysTables, error) {',
    '\tvar doc []SysTables',
    '\ttable := tx.Table("sys_tables")',
    '\tif err := table.Find(&doc).Error; err != nil {', // 24: every row
    '\t\treturn nil, err',
    '\t}',
    '\tfor _, t := range doc {',
    '\t\tcol := SysColumns{}',
    '\t\tcol.GetList(tx, t.TableId)', // 29: a query per table
    '\t}',
    '\treturn doc, nil',
    '}',
    '',
    'type SysDept struct {',
    '\tservice.Service',
    '}',
    '',
    'func (e *SysDept) Tree(list *[]SysDept) {',
    '\te.Orm.Find(list)', // 39: every row
    '}',
    '',
    'func (e *SysDept) Page(list *[]SysDept, size, index int) {',
    '\torm := e.Orm.Model(&SysDept{}).Scopes(Paginate(size, index))',
    '\torm.Find(list)', // 44: one page
    '}',
    '',
    'func (e *SysDept) SetPaths(depts []SysDept, store *bolt.DB, handle *sql.DB) {',
    '\tfor _, v := range depts {',
    '\t\te.Orm.Model(&v).Update("dept_path", v.TableId)', // 49: a write per dept
    '\t\thandle.QueryRow("SELECT 1 FROM dept WHERE id = ?", v.TableId)', // 50: a query per dept
    '\t\tstore.Update(func(tx *bolt.Tx) error { return nil })', // bbolt: in this process
    '\t\ttable := NewTable()',
    '\t\ttable.Find(v)', // not a handle
    '\t}',
    '}',
    '',
    'type shareBackend struct {',
    '\tdb *storm.DB',
    '}',
    '',
    'func (s shareBackend) FindByUserID(id uint) {',
    '\tvar v []*Link',
    '\ts.db.Select(q.Eq("UserID", id)).Find(&v)', // storm (filebrowser), on a key
    '\ts.db.Select(q.Eq("Public", true)).Find(&v)', // 64: every public link
    '}',
  );

  it('reads tx *gorm.DB narrowed into a local, an Orm field and a *sql.DB named otherwise; GORM Update is a write; a Scopes page is bounded', async () => {
    const f = await joined({ 'service/sys.go': service });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop service/sys.go:29:3 col.GetList → table.Find [for sequential] → -',
      'query-in-loop service/sys.go:49:3 e.Orm.Model.Update [for sequential] → -',
      'query-in-loop service/sys.go:50:3 handle.QueryRow [for sequential] → -',
      'unbounded-query service/sys.go:24:12 table.Find → -',
      'unbounded-query service/sys.go:39:2 e.Orm.Find → -',
      'unbounded-query service/sys.go:64:2 s.db.Select.Find → -',
    ]);
  });

  it("reads a parameter s *xorm.Session by xorm's rules: In bounds a Find, and so does a project's paging helper (woodpecker), a Delete per item is a query in a loop (vikunja)", async () => {
    const f = await joined({
      'models/tasks.go': lines(
        'package models',
        '',
        'import "xorm.io/xorm"',
        '',
        'func deleteTasks(s *xorm.Session, ids []int64) error {',
        '\ttasks := []*Task{}',
        '\tif err := s.In("id", ids).Find(&tasks); err != nil {',
        '\t\treturn err',
        '\t}',
        '\tfor _, t := range tasks {',
        '\t\tif _, err := s.Where("id = ?", t.ID).Delete(&Task{}); err != nil {', // 11
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\tall := []*Task{}',
        '\treturn s.Find(&all)', // 16
        '}',
        '',
        // A session the project's paging helper made, kept in a variable (woodpecker's `s.paginate(p)`).
        'func (st storage) paginate(page, n int) *xorm.Session { return st.engine.Limit(n, n*(page-1)) }',
        '',
        'func (st storage) repos(page int) error {',
        '	var r []Repo',
        '	sess := st.paginate(page, 50).Table("repos")',
        '	return sess.Asc("name").Find(&r)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop models/tasks.go:11:16 s.Where.Delete [for sequential] → -',
      'unbounded-query models/tasks.go:16:9 s.Find → -',
    ]);
  });

  it("GORM's shorthand condition, a bare column and one value (nginx-ui's `db.Where(\"user_id\", id).Find(&tokens)`), pins that column", async () => {
    const f = await joined({
      'model/user.go': lines(
        'package model',
        '',
        'import "gorm.io/gorm"',
        '',
        'func Tokens(db *gorm.DB, id int) {',
        '\tvar tokens []Token',
        '\tdb.Where("user_id", id).Find(&tokens)',
        '\tdb.Where("status", 1).Find(&tokens)', // 8: every row of a status
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query model/user.go:8:2 db.Where.Find → -']);
  });
});
