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

  it("vikunja's veans: the project's own API client wraps its requests two helpers deep (AddLabelToTask → Do → DoMerge → c.HTTPClient.Do, net/http's Do through a field, not the Client's own Do): a call of it per item is that request per item", async () => {
    const f = await joined({
      'go.mod': 'module code.vikunja.io/veans\n',
      'internal/client/client.go': lines(
        'package client',
        '',
        'import "net/http"',
        '',
        'type Client struct{ HTTPClient *http.Client }',
        '',
        'func (c *Client) AddLabelToTask(ctx context.Context, taskID, labelID int64) error {',
        '\treturn c.Do(ctx, "POST", "/tasks", nil)',
        '}',
        '',
        'func (c *Client) Do(ctx context.Context, method, path string, out any) error {',
        '\treturn c.DoMerge(ctx, method, path, out)',
        '}',
        '',
        'func (c *Client) DoMerge(ctx context.Context, method, path string, out any) error {',
        '\treq, _ := http.NewRequestWithContext(ctx, method, path, nil)',
        '\t_, err := c.HTTPClient.Do(req)',
        '\treturn err',
        '}',
      ),
      'internal/commands/create.go': lines(
        'package commands',
        '',
        'import "code.vikunja.io/veans/internal/client"',
        '',
        'type runtime struct{ client *client.Client }',
        '',
        'func runCreate(ctx context.Context, rt *runtime, labels []int64) {',
        '\tfor _, l := range labels {',
        '\t\trt.client.AddLabelToTask(ctx, 1, l)', // 9
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.includes('-in-loop')), ['call-in-loop internal/commands/create.go:9:3 rt.client.AddLabelToTask → Do → DoMerge → c.HTTPClient.Do [for sequential] → -']);
  });
});
