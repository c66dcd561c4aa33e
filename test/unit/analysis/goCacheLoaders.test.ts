import * as assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

// Go: a query in a function literal given to a cache as its loader (gotosocial's
// `d.state.Caches.DB.DomainBlock.Matches(domain, func() ([]string, error) {… Scan …})`) runs on a miss of the key, not
// per call. The same call on a holder not named as a cache still runs its function each time, as far as the join knows.
const WORKSPACES: Record<string, Record<string, string>> = {
  "cache-loader": {
    "go.mod": "module example.com/gts\n\ngo 1.22\n\nrequire github.com/uptrace/bun v1.2.5\n",
    "internal/db/domain.go": "// Trimmed from gotosocial internal/db/bundb/domain.go (IsDomainBlocked, AreDomainsBlocked).\npackage db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\n// DomainCache loads the whole list through its loader on a miss, then answers from memory.\ntype DomainCache struct{ domains []string }\n\nfunc (c *DomainCache) Matches(domain string, load func() ([]string, error)) (bool, error) {\n\tif c.domains == nil {\n\t\td, err := load()\n\t\tif err != nil {\n\t\t\treturn false, err\n\t\t}\n\t\tc.domains = d\n\t}\n\tfor _, x := range c.domains {\n\t\tif x == domain {\n\t\t\treturn true, nil\n\t\t}\n\t}\n\treturn false, nil\n}\n\ntype Caches struct{ DomainBlock DomainCache }\n\ntype domainDB struct {\n\tdb     *bun.DB\n\tcaches *Caches\n}\n\nfunc (d *domainDB) IsDomainBlocked(ctx context.Context, domain string) (bool, error) {\n\t// Check the cache for a domain block (hydrating the cache with callback if necessary)\n\treturn d.caches.DomainBlock.Matches(domain, func() ([]string, error) {\n\t\tvar domains []string\n\t\tif err := d.db.NewSelect().\n\t\t\tTable(\"domain_blocks\").\n\t\t\tColumn(\"domain\").\n\t\t\tScan(ctx, &domains); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\treturn domains, nil\n\t})\n}\n\nfunc (d *domainDB) AreDomainsBlocked(ctx context.Context, domains []string) (bool, error) {\n\tfor _, domain := range domains {\n\t\tif blocked, err := d.IsDomainBlocked(ctx, domain); err != nil {\n\t\t\treturn false, err\n\t\t} else if blocked {\n\t\t\treturn blocked, nil\n\t\t}\n\t}\n\treturn false, nil\n}\n"
  },
  "store-callback": {
    "go.mod": "module example.com/gts\n\ngo 1.22\n\nrequire github.com/uptrace/bun v1.2.5\n",
    "internal/db/domain.go": "// Trimmed from gotosocial internal/db/bundb/domain.go (IsDomainBlocked, AreDomainsBlocked).\npackage db\n\nimport (\n\t\"context\"\n\n\t\"github.com/uptrace/bun\"\n)\n\n// DomainCache loads the whole list through its loader on a miss, then answers from memory.\ntype DomainCache struct{ domains []string }\n\nfunc (c *DomainCache) Matches(domain string, load func() ([]string, error)) (bool, error) {\n\tif c.domains == nil {\n\t\td, err := load()\n\t\tif err != nil {\n\t\t\treturn false, err\n\t\t}\n\t\tc.domains = d\n\t}\n\tfor _, x := range c.domains {\n\t\tif x == domain {\n\t\t\treturn true, nil\n\t\t}\n\t}\n\treturn false, nil\n}\n\ntype Caches struct{ DomainBlock DomainCache }\n\ntype domainDB struct {\n\tdb     *bun.DB\n\tstore  *Caches\n}\n\nfunc (d *domainDB) IsDomainBlocked(ctx context.Context, domain string) (bool, error) {\n\t// Check the cache for a domain block (hydrating the cache with callback if necessary)\n\treturn d.store.DomainBlock.Matches(domain, func() ([]string, error) {\n\t\tvar domains []string\n\t\tif err := d.db.NewSelect().\n\t\t\tTable(\"domain_blocks\").\n\t\t\tColumn(\"domain\").\n\t\t\tScan(ctx, &domains); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\treturn domains, nil\n\t})\n}\n\nfunc (d *domainDB) AreDomainsBlocked(ctx context.Context, domains []string) (bool, error) {\n\tfor _, domain := range domains {\n\t\tif blocked, err := d.IsDomainBlocked(ctx, domain); err != nil {\n\t\t\treturn false, err\n\t\t} else if blocked {\n\t\t\treturn blocked, nil\n\t\t}\n\t}\n\treturn false, nil\n}\n"
  }
};

describe('Go: a query in a cache loader runs once per key', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('go-cache-loaders', WORKSPACES);
  const rows = async (name: string) => (await analyse(name)).warnings.map((w) => `${w.code} ${w.file}:${w.range.start.line + 1}`);

  it("a query in the loader given to a cache's Matches is no query per item of the caller's loop", async () => {
    assert.deepEqual(await rows('cache-loader'), ['unbounded-query internal/db/domain.go:40']);
  });

  it('the same function given to a holder not named as a cache is still a query per item', async () => {
    assert.deepEqual(await rows('store-callback'), ['unbounded-query internal/db/domain.go:40', 'query-in-loop internal/db/domain.go:52']);
  });
});
