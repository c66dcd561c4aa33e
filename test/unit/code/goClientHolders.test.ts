import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("Go: a holder named like a client that is the project's own", () => {
  it("cloudreve's settingClient inventory.SettingClient is its data layer: a call of it per item is what its method does (a query), not an RPC; a gRPC client's call per item is still one", async () => {
    const f = await joined({
      'go.mod': 'module github.com/cloudreve/Cloudreve/v4\n',
      'inventory/setting.go': lines(
        'package inventory',
        '',
        'type SettingClient interface {',
        '\tGet(ctx context.Context, name string) (string, error)',
        '}',
        '',
        'type settingClient struct{ db *gorm.DB }',
        '',
        'func NewSettingClient(db *gorm.DB) SettingClient { return &settingClient{db: db} }',
        '',
        'func (c *settingClient) Get(ctx context.Context, name string) (string, error) {',
        '\tvar s Setting',
        '\terr := c.db.Where("name = ?", name).First(&s).Error',
        '\treturn s.Value, err',
        '}',
      ),
      'pkg/fs/dbfs.go': lines(
        'package fs',
        '',
        'import (',
        '\t"github.com/cloudreve/Cloudreve/v4/inventory"',
        '\tpb "github.com/acme/catalog/genproto"',
        ')',
        '',
        'type DBFS struct {',
        '\tsettingClient inventory.SettingClient',
        '\tcatalogClient pb.CatalogServiceClient',
        '}',
        '',
        'func (f *DBFS) Walk(ctx context.Context, keys []string) {',
        '\tfor _, k := range keys {',
        '\t\tf.settingClient.Get(ctx, k)', // 15
        '\t\tf.catalogClient.GetProduct(ctx, &pb.GetProductRequest{Id: k})', // 16
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop pkg/fs/dbfs.go:16:3 f.catalogClient.GetProduct [for sequential] → -',
      'query-in-loop pkg/fs/dbfs.go:15:3 f.settingClient.Get → c.db.Where.First [for sequential] → -',
    ]);
  });
});
