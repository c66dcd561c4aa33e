import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review counter-examples to mall4cloud's Elasticsearch RestClient exception: only real import lines count, and a
// single-type import of Spring's RestClient wins over Elasticsearch's `org.elasticsearch.client.*`, as in Java.
const FILE = 'src/main/java/com/x/SearchController.java';
const controller = (imports: string[], call: string, tail: string[] = []) =>
  lines(
    'package com.x;',
    ...imports,
    'import org.springframework.web.bind.annotation.*;',
    '@RestController',
    'public class SearchController {',
    '  @GetMapping("/proxy")',
    '  public String proxy() {',
    `    RestClient client = ${call};`,
    '    return client.get().uri("/x").retrieve().body(String.class);',
    '  }',
    ...tail,
    '}',
  );

describe("Spring's RestClient beside Elasticsearch's package or a comment naming it", () => {
  it("a single-type import of Spring's RestClient wins over import org.elasticsearch.client.*: missing-timeout", async () => {
    const text = controller(['import org.elasticsearch.client.*;', 'import org.springframework.web.client.RestClient;'], 'RestClient.builder().baseUrl("http://other").build()');
    assert.deepEqual(hazardRows(await joined({ [FILE]: text })), [`missing-timeout ${FILE}:9:25 RestClient.builder → GET /proxy`]);
  });

  it('an Elasticsearch import only in a comment: missing-timeout', async () => {
    const text = controller(
      ['import org.elasticsearch.client.RestHighLevelClient;', 'import org.springframework.web.client.RestClient;'],
      'RestClient.create("http://other")',
      ['  // see org.elasticsearch.client.RestClient docs', '  // import org.elasticsearch.client.RestClient;'],
    );
    assert.deepEqual(hazardRows(await joined({ [FILE]: text })), [`missing-timeout ${FILE}:9:25 RestClient.create → GET /proxy`]);
  });

  it("Elasticsearch's RestClient imported by name or only through its package's *: no missing-timeout", async () => {
    for (const imports of [['import org.elasticsearch.client.RestClient;'], ['import org.elasticsearch.client.*;', 'import org.springframework.web.client.RestTemplate;']]) {
      const text = controller(imports, 'RestClient.builder(new HttpHost("localhost", 9200)).build()');
      assert.deepEqual(hazardRows(await joined({ [FILE]: text })), [], imports.join(' '));
    }
  });
});
