import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Apache's async HTTP client, however its holder is spelt (Sentinel's `CloseableHttpAsyncClient httpclient`):
 * `execute(request, callback)` per item starts each request and goes on, a parallel fan-out; the blocking client's
 * `execute(request)` waits for each.
 */
describe("Java: Apache's async HttpClient in a loop", function () {
  this.timeout(20_000);

  const fetcher = (...body: string[]) =>
    lines(
      'package com.alibaba.csp.sentinel.dashboard.metric;',
      'import org.apache.http.HttpResponse;',
      'import org.apache.http.client.methods.HttpGet;',
      'import org.apache.http.concurrent.FutureCallback;',
      'import org.apache.http.impl.client.CloseableHttpClient;',
      'import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;',
      'import org.springframework.web.bind.annotation.*;',
      'import java.util.*;',
      '@RestController',
      'public class MetricFetcher {',
      ...body,
      '}',
    );

  it('says an async execute given a callback fans out in parallel, by name or by declared type, and a blocking one runs in sequence', async () => {
    const f = await joined({
      'src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java': fetcher(
        '    private CloseableHttpAsyncClient httpclient;',
        '    private CloseableHttpAsyncClient metricsFetcher;',
        '    private CloseableHttpClient httpClient;',
        '    @GetMapping("/fetch")',
        '    public void fetch(@RequestParam List<String> urls) throws Exception {',
        '        for (final String url : urls) {',
        '            httpclient.execute(new HttpGet(url), new FutureCallback<HttpResponse>() {', // 17
        '                public void completed(HttpResponse r) {}',
        '                public void failed(Exception e) {}',
        '                public void cancelled() {}',
        '            });',
        '        }',
        '    }',
        '    @GetMapping("/typed")',
        '    public void typed(@RequestParam List<String> urls, FutureCallback<HttpResponse> callback) {',
        '        for (String url : urls) metricsFetcher.execute(new HttpGet(url), callback);', // 26
        '    }',
        '    @GetMapping("/blocking")',
        '    public void blocking(@RequestParam List<String> urls) throws Exception {',
        '        for (String url : urls) httpClient.execute(new HttpGet(url));', // 30
        '    }',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:17:13 httpclient.execute [for-each parallel] → GET /fetch',
      'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:26:33 metricsFetcher.execute [for-each parallel] → GET /typed',
      'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:30:33 httpClient.execute [for-each sequential] → GET /blocking',
    ]);
  });

  it("says an async execute waited for with .get() runs in sequence, and a project wrapper given a callback per item fans out (nacos's NacosAsyncRestTemplate)", async () => {
    const f = await joined({
      'src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java': fetcher(
        '    private CloseableHttpAsyncClient httpAsyncClient;',
        '    private FutureCallback<HttpResponse> callback;',
        '    private AsyncRestTemplate asyncRestTemplate;',
        '    @PostMapping("/ping")',
        '    public void ping(@RequestBody List<String> hosts) throws Exception {',
        '        for (String h : hosts) {',
        '            HttpResponse r = httpAsyncClient.execute(new HttpGet("http://" + h), callback).get();', // 17
        '        }',
        '    }',
        '    @GetMapping("/cluster")',
        '    public void cluster(@RequestParam List<String> members) throws Exception {',
        '        CountDownLatch latch = new CountDownLatch(members.size());',
        '        for (String m : members) {',
        '            asyncRestTemplate.get("http://" + m + "/metrics", new ClusterMetricsCallBack(latch));', // 24
        '        }',
        '        latch.await(3L, TimeUnit.SECONDS);',
        '    }',
        '    @GetMapping("/waited")',
        '    public void waited(@RequestParam List<String> members) throws Exception {',
        '        for (String m : members) asyncRestTemplate.getNow("http://" + m + "/metrics", new ClusterMetricsCallBack(null));', // 30
        '    }',
      ),
      'src/main/java/com/alibaba/csp/sentinel/dashboard/metric/AsyncRestTemplate.java': lines(
        'package com.alibaba.csp.sentinel.dashboard.metric;',
        'import org.apache.http.HttpResponse;',
        'import org.apache.http.client.methods.HttpGet;',
        'import org.apache.http.concurrent.FutureCallback;',
        'import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;',
        'public class AsyncRestTemplate {',
        '    private CloseableHttpAsyncClient asyncClient;',
        '    public void get(String url, FutureCallback<HttpResponse> futureCallback) {',
        '        execute(new HttpGet(url), futureCallback);',
        '    }',
        '    private void execute(HttpGet request, FutureCallback<HttpResponse> futureCallback) {',
        '        asyncClient.execute(request, futureCallback);',
        '    }',
        '    public HttpResponse getNow(String url, FutureCallback<HttpResponse> futureCallback) throws Exception {',
        '        return asyncClient.execute(new HttpGet(url), futureCallback).get();',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('MetricFetcher.java')),
      [
        'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:17:30 httpAsyncClient.execute [for-each sequential] → POST /ping',
        'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:24:13 asyncRestTemplate.get → execute → asyncClient.execute [for-each parallel] → GET /cluster',
        'call-in-loop src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java:30:34 asyncRestTemplate.getNow → asyncClient.execute [for-each sequential] → GET /waited',
      ],
    );
  });

  it("leaves an executor's execute alone", async () => {
    const f = await joined({
      'src/main/java/com/alibaba/csp/sentinel/dashboard/metric/MetricFetcher.java': fetcher(
        '    private java.util.concurrent.ExecutorService executor;',
        '    @GetMapping("/fetch")',
        '    public void fetch(@RequestParam List<String> urls) {',
        '        for (String url : urls) executor.execute(() -> System.out.println(url));',
        '    }',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});
