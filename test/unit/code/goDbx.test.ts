import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * dbx (pocketbase/dbx, go-ozzo/ozzo-dbx): a query is built from its start and run by `One`, `All`, `Row`, `Column` or
 * `Execute` (pocketbase's `app.CollectionQuery().AndWhere(…).Limit(1).One(m)`, `query.All(&records)`).
 */
describe('Go: dbx queries', () => {
  it('are queries where they run, per item in a loop through a helper, and unbounded as an All with no condition or limit', async () => {
    const f = await joined({
      'core/collection_query.go': lines(
        'package core',
        '',
        'import "github.com/pocketbase/dbx"',
        '',
        'func (app *BaseApp) FindCollectionByNameOrId(nameOrId string) (*Collection, error) {',
        '\tm := &Collection{}',
        '\terr := app.CollectionQuery().AndWhere(dbx.NewExp("[[id]] = {:id}", dbx.Params{"id": nameOrId})).Limit(1).One(m)',
        '\treturn m, err',
        '}',
        '',
        'func (app *BaseApp) FindAllCollections() ([]*Collection, error) {',
        '\tcollections := []*Collection{}',
        '\tq := app.CollectionQuery().OrderBy("rowid ASC")',
        '\terr := q.All(&collections)', // 14: every collection
        '\treturn collections, err',
        '}',
        '',
        'func (app *BaseApp) FindCollectionsByType(t string) ([]*Collection, error) {',
        '\tcollections := []*Collection{}',
        '\terr := app.CollectionQuery().AndWhere(dbx.HashExp{"type": t}).All(&collections)',
        '\treturn collections, err',
        '}',
        '',
        'func (r *repo) queryAll(query string, args dbx.Params, rows any) error {',
        '\treturn r.db.NewQuery(query).Bind(args).All(rows)', // the SQL decides (written elsewhere)
        '}',
        '',
        'func (app *BaseApp) ImportCollections(data []map[string]any) error {',
        '\tfor _, item := range data {',
        '\t\tapp.FindCollectionByNameOrId(item["id"].(string))', // 30
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func (app *BaseApp) DeleteViews(names []string) error {',
        '\tfor _, name := range names {',
        '\t\tif err := app.DB().NewQuery("DROP VIEW IF EXISTS {{" + name + "}}").Execute(); err != nil {', // 33
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\treturn nil',
        '}',
      ),
      // The same shapes with no dbx in the file: a template's Execute, a list's All.
      'core/render.go': lines('package core', '', 'func render(items []Item, tmpl *Template, list *List) {', '\tfor _, it := range items {', '\t\ttmpl.Execute(w, it)', '\t\tlist.All(&it)', '\t}', '}'),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop core/collection_query.go:30:3 app.FindCollectionByNameOrId → app.CollectionQuery.AndWhere.Limit.One [for sequential] → -',
      'query-in-loop core/collection_query.go:37:13 app.DB.NewQuery.Execute [for sequential] → -',
      'unbounded-query core/collection_query.go:14:9 q.All → -',
    ]);
  });
});
