import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// mall4cloud's mall4cloud-search ElasticConfig: Elasticsearch's low-level RestClient, whose builder defaults to a 1 s
// connect and a 30 s socket timeout, is not Spring's RestClient (no read timeout by default).
const config = (imported: string) =>
  lines(
    'package demo;',
    'import org.apache.http.HttpHost;',
    `import ${imported};`,
    'public class ElasticConfig {',
    '  public Object client() {',
    '    return RestClient.builder(new HttpHost("localhost", 9200, "http"));',
    '  }',
    '}',
  );

const FILE = 'src/main/java/demo/ElasticConfig.java';

describe("Elasticsearch's low-level RestClient.builder is not Spring's RestClient", () => {
  it('imported from org.elasticsearch.client (by name or the package): no missing-timeout', async () => {
    for (const imported of ['org.elasticsearch.client.RestClient', 'org.elasticsearch.client.*']) {
      assert.deepEqual(hazardRows(await joined({ [FILE]: config(imported) })), [], imported);
    }
  });

  it("Spring's RestClient.builder in the same shape is still reported, also beside an import of Elasticsearch's builder", async () => {
    assert.deepEqual(hazardRows(await joined({ [FILE]: config('org.springframework.web.client.RestClient') })), [
      `missing-timeout ${FILE}:6:12 RestClient.builder → -`,
    ]);
    assert.deepEqual(hazardRows(await joined({ [FILE]: config('org.springframework.web.client.RestClient;\nimport org.elasticsearch.client.RestClientBuilder') })), [
      `missing-timeout ${FILE}:7:12 RestClient.builder → -`,
    ]);
  });
});
