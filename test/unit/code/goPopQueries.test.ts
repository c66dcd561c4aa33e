import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * hydra reads its flows with pop (ory's fork): `p.QueryWithNetwork(ctx).Where(…).Scope(keysetpagination.Paginate
 * [flow.Flow](paginator)).All(&fs)`, one page. A pop query is judged as pop's, bounded by `Limit`, `Paginate` or a
 * scope that pages it, and not said to be ent's though it goes through a `Query…` method.
 */
describe('pop queries: bounded by Limit, Paginate or a paging scope, and not read as ent\'s', () => {
  const flows = lines(
    'package sql',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"github.com/ory/pop/v6"',
    '\tkeysetpagination "github.com/ory/x/pagination/keysetpagination_v2"',
    ')',
    '',
    'type Flow struct{ ID string }',
    '',
    'type Persister struct{ c *pop.Connection }',
    '',
    'func (p *Persister) QueryWithNetwork(ctx context.Context) *pop.Query { return p.c.Where("nid = ?", "n1") }',
    '',
    'func (p *Persister) Granted(ctx context.Context, subject string, paginator *keysetpagination.Paginator) ([]Flow, error) {',
    '\tvar fs []Flow',
    '\terr := p.QueryWithNetwork(ctx).',
    '\t\tWhere("subject = ?", subject).',
    '\t\tScope(keysetpagination.Paginate[Flow](paginator)).',
    '\t\tAll(&fs)', // one page
    '\treturn fs, err',
    '}',
    '',
    'func (p *Persister) Page(ctx context.Context, page, per int) ([]Flow, error) {',
    '\tvar fs []Flow',
    '\terr := p.QueryWithNetwork(ctx).Paginate(page, per).All(&fs)', // one page
    '\treturn fs, err',
    '}',
    '',
    'func (p *Persister) Expired(ctx context.Context) ([]Flow, error) {',
    '\tvar fs []Flow',
    '\terr := p.QueryWithNetwork(ctx).Where("expires_at < CURRENT_TIMESTAMP").All(&fs)', // 33: every expired flow
    '\treturn fs, err',
    '}',
  );
  const users = lines(
    'package data',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"example.com/app/ent"',
    ')',
    '',
    'func ListUsers(ctx context.Context, client *ent.Client) ([]*ent.User, error) {',
    '\treturn client.User.Query().All(ctx)', // 10: every user
    '}',
  );

  it('reports the pop query with neither a limit nor a page, as pop\'s; ent\'s is still ent\'s', async () => {
    const f = await joined({ 'persistence/sql/flows.go': flows, 'data/users.go': users });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query data/users.go:10:9 client.User.Query.All → -',
      'unbounded-query persistence/sql/flows.go:33:9 p.QueryWithNetwork.Where.All → -',
    ]);
    const labels = [...f.values()].flatMap((a) => a.hazards).map((h) => /\(([^()]*(?:pop|ent) query[^()]*)\)/.exec(h.explanation)?.[1]);
    assert.deepEqual(labels.sort(), ['ent query without Limit', 'pop query without Limit or Paginate']);
  });
});
