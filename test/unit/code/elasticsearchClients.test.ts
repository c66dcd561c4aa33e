import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * An Elasticsearch or OpenSearch request is a round trip to the cluster, as a query is: one per item in a loop is a
 * query in a loop (the fix is mget, msearch or the bulk API). Known only in files that load one of their clients: the
 * names (`client.get`, `es.index`) are everyone's.
 */
describe('Elasticsearch and OpenSearch clients (JavaScript, Python, Go, Java)', () => {
  it('JavaScript: @elastic/elasticsearch and NestJS ElasticsearchService per item; not once, nor a client of another module', async () => {
    const f = await joined({
      'src/search.ts': lines(
        "import { Client } from '@elastic/elasticsearch';",
        '',
        "const client = new Client({ node: 'http://es:9200' });",
        '',
        'export async function related(ids: string[]) {',
        '  const hits = [];',
        '  for (const id of ids) {',
        "    hits.push(await client.get({ index: 'products', id }));", // 8: per item
        '  }',
        "  const all = await client.search({ index: 'products', query: { match_all: {} } });",
        "  await Promise.all(ids.map((id) => client.index({ index: 'seen', document: { id } })));", // 11: fanned out
        '  return { hits, all };',
        '}',
      ),
      'src/products.service.ts': lines(
        "import { Injectable } from '@nestjs/common';",
        "import { ElasticsearchService } from '@nestjs/elasticsearch';",
        '',
        '@Injectable()',
        'export class ProductsService {',
        '  constructor(private readonly elasticsearchService: ElasticsearchService) {}',
        '  async reindex(docs: { id: string }[]) {',
        "    for (const d of docs) await this.elasticsearchService.index({ index: 'p', id: d.id, document: d });", // 8
        '  }',
        '}',
      ),
      // The same call where no Elasticsearch client is loaded: read as any HTTP client's `get`, not a cluster's request.
      'src/local.ts': lines(
        'export async function names(ids: string[], client: { get(o: object): Promise<unknown> }) {',
        '  for (const id of ids) await client.get({ id });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/local.ts:2:31 client.get [for…of sequential] → -',
      'query-in-loop src/products.service.ts:8:33 this.elasticsearchService.index [for…of sequential] → -',
      'query-in-loop src/search.ts:11:37 client.index [.map() parallel] → -',
      'query-in-loop src/search.ts:8:21 client.get [for…of sequential] → -',
    ]);
    const h = [...f.values()].flatMap((a) => a.hazards).find((x) => x.code === 'query-in-loop' && x.file === 'src/search.ts');
    assert.match(h?.explanation ?? '', /Elasticsearch request/);
    assert.match(h?.explanation ?? '', /msearch or the bulk API/);
  });

  it('Python: elasticsearch-py and opensearch-py per item; not a dict .get in the same loop', async () => {
    const f = await joined({
      'app/search.py': lines(
        'from elasticsearch import Elasticsearch',
        '',
        'es = Elasticsearch("http://es:9200")',
        '',
        'def load(ids, cache):',
        '    out = []',
        '    for i in ids:',
        '        out.append(es.get(index="products", id=i))', // 8
        '        out.append(cache.get(i))',
        '    return out',
      ),
      'app/audit.py': lines(
        'from opensearchpy import OpenSearch',
        '',
        'class Audit:',
        '    def __init__(self):',
        '        self.client = OpenSearch(hosts=["os:9200"])',
        '',
        '    def write(self, events):',
        '        for e in events:',
        '            self.client.index(index="audit", body=e)', // 9
        '        self.client.count(index="audit")',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/audit.py:9:13 self.client.index [for sequential] → -',
      'query-in-loop app/search.py:8:20 es.get [for sequential] → -',
    ]);
  });

  it("Go: go-elasticsearch's requests and olivere's builders run at Do, per item; not strings.Index", async () => {
    const f = await joined({
      'search/search.go': lines(
        'package search',
        '',
        'import (',
        '\t"context"',
        '\t"strings"',
        '',
        '\t"github.com/elastic/go-elasticsearch/v8"',
        '\t"github.com/olivere/elastic/v7"',
        ')',
        '',
        'func Index(es *elasticsearch.Client, docs []string) {',
        '\tfor _, d := range docs {',
        '\t\tif strings.Index(d, "x") >= 0 {',
        '\t\t\tcontinue',
        '\t\t}',
        '\t\tes.Index("docs", strings.NewReader(d))', // 16
        '\t}',
        '}',
        '',
        'func Fetch(ctx context.Context, client *elastic.Client, ids []string) {',
        '\tfor _, id := range ids {',
        '\t\tclient.Get().Index("docs").Id(id).Do(ctx)', // 22
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop search/search.go:16:3 es.Index [for sequential] → -',
      'query-in-loop search/search.go:22:3 client.Get.Index.Id.Do [for sequential] → -',
    ]);
  });

  it('Java: the High Level REST Client and Spring Data Elasticsearch per item; not without their imports', async () => {
    const hlrc = lines(
      'package demo;',
      'import java.util.List;',
      'import org.elasticsearch.action.get.GetRequest;',
      'import org.elasticsearch.client.RequestOptions;',
      'import org.elasticsearch.client.RestHighLevelClient;',
      'public class ProductSearch {',
      '  private RestHighLevelClient restHighLevelClient;',
      '  public void load(List<String> ids) throws Exception {',
      '    for (String id : ids) {',
      '      restHighLevelClient.get(new GetRequest("products", id), RequestOptions.DEFAULT);', // 10
      '    }',
      '  }',
      '}',
    );
    const spring = lines(
      'package demo;',
      'import java.util.List;',
      'import org.springframework.data.elasticsearch.core.ElasticsearchRestTemplate;',
      'public class ProductIndexer {',
      '  private ElasticsearchRestTemplate elasticsearchRestTemplate;',
      '  public void save(List<Object> docs) {',
      '    docs.forEach(d -> elasticsearchRestTemplate.save(d));', // 7
      '  }',
      '}',
    );
    const f = await joined({
      'src/main/java/demo/ProductSearch.java': hlrc,
      'src/main/java/demo/ProductIndexer.java': spring,
      // A client of another kind, in a file that imports no Elasticsearch client.
      'src/main/java/demo/Other.java': hlrc.replace(/import org\.elasticsearch[^\n]*\n/g, '').replace(/RestHighLevelClient/g, 'CacheClient').replace('ProductSearch', 'Other'),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/demo/ProductIndexer.java:7:23 elasticsearchRestTemplate.save [.forEach() sequential] → -',
      'query-in-loop src/main/java/demo/ProductSearch.java:10:7 restHighLevelClient.get [for-each sequential] → -',
    ]);
  });

  it('a service whose only SQL database is embedded SQLite keeps its Elasticsearch requests in loops (a round trip still)', async () => {
    const f = await joined({
      'src/sync.ts': lines(
        "import Database from 'better-sqlite3';",
        "import { Client } from '@elastic/elasticsearch';",
        '',
        "const db = new Database('local.db');",
        "const client = new Client({ node: 'http://es:9200' });",
        '',
        'export async function push(ids: string[]) {',
        '  for (const id of ids) {',
        "    const row = db.prepare('SELECT * FROM docs WHERE id = ?').get(id);",
        "    await client.index({ index: 'docs', id, document: row });", // 10
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/sync.ts:10:11 client.index [for…of sequential] → -']);
  });
});
