import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvironmentModel, Service } from '../../../src/core/model/environment';
import { PrometheusClient } from '../../../src/core/signals/prometheusClient';
import { fetchSignals, jobMatches } from '../../../src/core/signals/prometheusSignals';

const loc = { file: 'deploy/k8s/orders.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

function service(name: string, namespace?: string, extra: Partial<Service> = {}): Service {
  return { name, namespace, recipes: [], capacity: {}, codeRoots: [], env: {}, ...extra };
}

describe('prometheus signals', () => {
  describe('jobMatches', () => {
    it('matches the plain service name', () => {
      assert.ok(jobMatches('orders', service('orders', 'shop')));
    });
    it("matches OpenTelemetry's namespace/name when the namespace agrees or is unknown", () => {
      assert.ok(jobMatches('shop/orders', service('orders', 'shop')));
      assert.ok(jobMatches('shop/orders', service('orders')));
      assert.ok(jobMatches('prod/shop/orders', service('orders', 'shop')));
    });
    it('does not match another namespace, a longer name or a prefix', () => {
      assert.ok(!jobMatches('billing/orders', service('orders', 'shop')));
      assert.ok(!jobMatches('myorders', service('orders')));
      assert.ok(!jobMatches('orders-worker', service('orders')));
      assert.ok(!jobMatches('shop/orders/extra', service('orders', 'shop')));
    });
  });

  describe('fetchSignals against a real HTTP server speaking the Prometheus API', () => {
    let server: Server;
    let url: string;
    const queries: string[] = [];

    const vector = (result: { metric: Record<string, string>; value: string }[]) =>
      JSON.stringify({ status: 'success', data: { resultType: 'vector', result: result.map((r) => ({ metric: r.metric, value: [1760000000, r.value] })) } });

    before(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          const q = new URLSearchParams(body).get('query') ?? '';
          queries.push(q);
          const route = (r: string, m: string) => ({ job: 'shop/orders', http_route: r, http_request_method: m });
          let out = vector([]);
          if (q.startsWith('sum by (job, http_route, http_request_method) (rate(http_server_request_duration_seconds_count[5m]))')) {
            out = vector([
              { metric: route('/orders', 'GET'), value: '850' },
              { metric: route('/orders/:id', 'GET'), value: '12.5' },
              { metric: { job: 'other', http_route: '/x', http_request_method: 'GET' }, value: '99' },
            ]);
          } else if (q.includes('http_response_status_code=~"5.."')) {
            out = vector([{ metric: route('/orders', 'GET'), value: '8.5' }]);
          } else if (q.startsWith('histogram_quantile')) {
            out = vector([{ metric: route('/orders', 'GET'), value: '0.25' }]);
          } else if (q === 'kube_horizontalpodautoscaler_status_current_replicas') {
            out = vector([{ metric: { horizontalpodautoscaler: 'orders-hpa', namespace: 'shop' }, value: '10' }]);
          } else if (q === 'kube_horizontalpodautoscaler_spec_max_replicas') {
            out = vector([{ metric: { horizontalpodautoscaler: 'orders-hpa', namespace: 'shop' }, value: '10' }]);
          } else if (q.startsWith('sum by (namespace, pod) (rate(container_cpu_usage_seconds_total')) {
            out = vector([
              { metric: { namespace: 'shop', pod: 'orders-api-7d9f8b6c5d-x2x4z' }, value: '0.4' },
              { metric: { namespace: 'shop', pod: 'orders-api-7d9f8b6c5d-k9l8m' }, value: '0.5' },
              { metric: { namespace: 'shop', pod: 'orders-api-worker-5f6d7c8b9a-abcde' }, value: '3' },
              { metric: { namespace: 'shop', pod: 'catalog-6c7d8e9f0a-aaaaa' }, value: '0.2' },
              // The StatefulSet "catalog-redis" beside the Deployment "catalog": its pods are not catalog's.
              { metric: { namespace: 'shop', pod: 'catalog-redis-0' }, value: '2' },
            ]);
          } else if (q.startsWith('sum by (namespace, pod) (kube_pod_container_resource_requests')) {
            out = vector([
              { metric: { namespace: 'shop', pod: 'orders-api-7d9f8b6c5d-x2x4z' }, value: '0.5' },
              { metric: { namespace: 'shop', pod: 'orders-api-7d9f8b6c5d-k9l8m' }, value: '0.5' },
            ]);
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(out);
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('joins route rates, errors, p95, HPA headroom and CPU to the service, in seven queries', async () => {
      const model: EnvironmentModel = {
        problems: [],
        services: [
          service('orders', 'shop', {
            workload: 'orders-api',
            recipes: [{ kind: 'kubernetes/Deployment', name: 'orders-api', location: loc }],
            codeRoots: [{ root: 'services/orders', reason: 'r', confidence: 'high' }],
            capacity: { autoscaling: { name: 'orders-hpa', location: loc } },
          }),
          service('catalog', 'shop', {
            recipes: [{ kind: 'kubernetes/Deployment', name: 'catalog', location: loc }],
            codeRoots: [{ root: 'services/catalog', reason: 'r', confidence: 'high' }],
          }),
        ],
      };
      const client = new PrometheusClient({ url });
      const set = await fetchSignals(client, model, { at: 1760000000 });
      assert.equal(client.requestCount, 9); // rate (detects conventions), errors, latency, 2 HPA, pod usage, pod spec, 7-day peaks, pools
      assert.equal(set.evaluatedAt, 1760000000);
      assert.equal(set.window, '5m');
      assert.deepEqual(set.source, { kind: 'prometheus', url });
      assert.equal(set.services.length, 1);
      const orders = set.services[0];
      assert.equal(orders.service, 'orders');
      assert.equal(orders.job, 'shop/orders');
      assert.deepEqual(
        orders.routes.map((r) => [r.method, r.route, r.requestRate.value, r.errorRatio?.value, r.p95Seconds?.value]),
        [
          ['GET', '/orders', 850, 0.01, 0.25],
          ['GET', '/orders/:id', 12.5, 0, undefined],
        ],
      );
      assert.equal(
        orders.routes[0].requestRate.query,
        'sum(rate(http_server_request_duration_seconds_count{job="shop/orders", http_route="/orders", http_request_method="GET"}[5m]))',
      );
      assert.equal(orders.autoscaler?.headroom, 0);
      assert.equal(orders.autoscaler?.maxReplicas.value, 10);
      // Only orders-api pods: not the orders-api-worker Deployment's.
      assert.equal(orders.cpu?.usedCores.value, 0.9);
      assert.equal(orders.cpu?.requestCores?.value, 1);
      assert.equal(orders.cpu?.ratio, 0.9);
      assert.deepEqual(set.notes, [
        'No HTTP metrics for service "catalog": no job label equal to "catalog" or ending in "/catalog" in http_server_request_duration_seconds_count, http_server_duration_milliseconds_count, http_server_requests_seconds_count, http_request_duration_seconds_count, http_requests_total, starlette_requests_total, vertx_http_server_requests_total, http_server_requests_code_total, rpc_server_call_duration_seconds_count, rpc_server_duration_milliseconds_count, grpc_server_handled_total, rpc_server_requests_code_total',
      ]);
    });

    it("a Deployment's CPU does not include the pods of a StatefulSet whose name extends it (catalog vs catalog-redis-0)", async () => {
      const model: EnvironmentModel = {
        problems: [],
        services: [
          service('catalog', 'shop', {
            workload: 'catalog',
            recipes: [{ kind: 'kubernetes/Deployment', name: 'catalog', location: loc }],
          }),
        ],
      };
      const set = await fetchSignals(new PrometheusClient({ url }), model, { at: 1760000000 });
      assert.equal(set.services[0].cpu?.usedCores.value, 0.2);
    });
  });
});
