import { strict as assert } from 'node:assert';
import { goSliceFields } from '../../../src/core/code/declaredTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const TYPES = lines(
  'package project',
  '',
  'import "example.com/app/db"',
  '',
  'type BackupEnvironment struct{ Name string }',
  'type BackupView struct{ Title string }',
  'type BackupTemplate struct{ Vaults []string }',
  '',
  'type BackupFormat struct {',
  '\tEnvironments []BackupEnvironment `backup:"environments"`',
  '\tViews        []*BackupView       `backup:"views"`',
  '\tTemplates    []BackupTemplate    `backup:"templates"`',
  '\tProjects     []db.Project',
  '\tAliases      []string',
  '}',
);

describe('Go: an item of a struct’s slice field', () => {
  it('reads each struct’s slice fields with their element types (a struct on one line too)', () => {
    assert.deepEqual(goSliceFields(TYPES), {
      BackupTemplate: { Vaults: 'string' },
      BackupFormat: { Environments: 'BackupEnvironment', Views: 'BackupView', Templates: 'BackupTemplate', Projects: 'db.Project', Aliases: 'string' },
    });
  });

  it("calls the element type's method, per loop (semaphore's for i, o := range backup.Views { o.Restore(…) }), and by index (o := backup.Templates[i])", async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'project/types.go': TYPES,
      'project/restore.go': lines(
        'package project',
        '',
        'import "database/sql"',
        '',
        'var db *sql.DB',
        '',
        'func createEnvironment(name string) error {',
        '\t_, err := db.Exec("INSERT INTO envs(name) VALUES (?)", name)',
        '\treturn err',
        '}',
        '',
        'func createView(title string) error {',
        '\t_, err := db.Exec("INSERT INTO views(title) VALUES (?)", title)',
        '\treturn err',
        '}',
        '',
        'func (e BackupEnvironment) Restore() error { return createEnvironment(e.Name) }',
        '',
        'func (v *BackupView) Restore() error { return createView(v.Title) }',
        '',
        'func (t BackupTemplate) Restore() error {',
        '\tfor _, v := range t.Vaults {',
        '\t\tcreateView(v)',
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func (backup *BackupFormat) Restore() error {',
        '\tfor i, o := range backup.Environments {',
        '\t\t_ = i',
        '\t\to.Restore()',
        '\t}',
        '\tfor _, o := range backup.Views {',
        '\t\to.Restore()',
        '\t}',
        '\tfor i := range backup.Templates {',
        '\t\to := backup.Templates[i]',
        '\t\to.Restore()',
        '\t}',
        '\treturn nil',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/project"',
        ')',
        '',
        'func restore(w http.ResponseWriter, r *http.Request) {',
        '\tb := &project.BackupFormat{}',
        '\t_ = b.Restore()',
        '}',
        '',
        'func main() {',
        '\thttp.HandleFunc("/restore", restore)',
        '}',
      ),
    });
    // Views' items are BackupViews: createView, not BackupEnvironment's createEnvironment (the first Restore by name);
    // BackupTemplate.Restore is reached by index, so its own loop is on the route.
    assert.deepEqual(hazardRows(f), [
      'query-in-loop project/restore.go:23:3 createView → db.Exec [for sequential] → ANY /restore',
      'query-in-loop project/restore.go:31:3 o.Restore → createEnvironment → db.Exec [for sequential] → ANY /restore',
      'query-in-loop project/restore.go:34:3 o.Restore → createView → db.Exec [for sequential] → ANY /restore',
      'query-in-loop project/restore.go:38:3 o.Restore → createView → db.Exec [for sequential] → ANY /restore',
    ]);
  });

  it('leaves an item of a field the struct does not declare a slice of, and a loop over anything else, as before', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'project/types.go': lines('package project', '', 'type Env struct{ Name string }', '', 'type Backup struct {', '\tEnvs map[string]Env', '}'),
      'project/restore.go': lines(
        'package project',
        '',
        'import "database/sql"',
        '',
        'var db *sql.DB',
        '',
        'func (e Env) Restore() error {',
        '\t_, err := db.Exec("INSERT INTO envs(name) VALUES (?)", e.Name)',
        '\treturn err',
        '}',
        '',
        'func (b *Backup) Restore() error {',
        '\tfor _, o := range b.Envs {',
        '\t\to.Restore()',
        '\t}',
        '\treturn nil',
        '}',
      ),
    });
    // (A map's items: no slice field says their type; the one Restore of the package, by name, as before.)
    assert.deepEqual(hazardRows(f), ['query-in-loop project/restore.go:14:3 o.Restore → db.Exec [for sequential] → -']);
  });
});
