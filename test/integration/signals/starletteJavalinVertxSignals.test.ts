// starlette_exporter's and Vert.x Micrometer's metrics against a real Prometheus with hand-written history: a request
// counter and a latency histogram, each by method, route and status. The numbers land on the routes the code analysis
// gives a Starlette table under its mounts and a Vert.x router, as they do on a Javalin route by Micrometer's `uri`.
// Counters grow linearly, so rates are exact.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { Grammars } from '../../../src/core/code/treeSitter';
import { findRouteSignals } from '../../../src/core/insights/hazardWarnings';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { PrometheusClient } from '../../../src/core/signals/prometheusClient';
import { fetchSignals } from '../../../src/core/signals/prometheusSignals';
import type { SignalSet } from '../../../src/core/signals/signalSet';
import { handWritten, openMetrics, startCustomPrometheus, type CustomPrometheus, type Family } from './customPrometheus';
import { assertClose, FRACTIONS, p95In, shopService } from './support';

const STEP = 15;
const end = Math.floor(Date.now() / 1000 / STEP) * STEP - 60;
const start = end - 1800;
const { counter, histogram } = handWritten(start);


describe('signals for Starlette (starlette_exporter), Vert.x and Javalin (Micrometer) services (real Prometheus)', function () {
  this.timeout(120_000);
  let prom: CustomPrometheus;
  let set: SignalSet;

  before(async () => {
    const order = { job: 'orders', app_name: 'starlette', method: 'GET', path: '/api/v1/orders/{order_id:int}' };
    const users = { job: 'orders', app_name: 'starlette', method: 'POST', path: '/api/v1/users/' };
    const carts = { job: 'carts', method: 'DELETE', uri: '/carts/{cart-id}', outcome: 'SUCCESS' };
    // Vert.x: the route as the Router has it, the status in `code`.
    const stock = { job: 'stock', method: 'GET', route: '/api/stock/:sku' };
    const families: Family[] = [
      {
        name: 'starlette_requests',
        type: 'counter',
        series: [
          counter('starlette_requests_total', { ...order, status_code: '200' }, 11),
          counter('starlette_requests_total', { ...order, status_code: '503' }, 0.6),
          counter('starlette_requests_total', { ...order, status_code: '404' }, 0.4),
          counter('starlette_requests_total', { ...users, status_code: '201' }, 3),
        ],
      },
      {
        name: 'starlette_request_duration_seconds',
        type: 'histogram',
        series: [
          ...histogram('starlette_request_duration_seconds', { ...order, status_code: '200' }, 11, ['0.025', '0.05', '0.1', '+Inf'], FRACTIONS, 0.03),
          ...histogram('starlette_request_duration_seconds', { ...order, status_code: '503' }, 1, ['0.025', '0.05', '0.1', '+Inf'], FRACTIONS, 0.03),
          ...histogram('starlette_request_duration_seconds', { ...users, status_code: '201' }, 3, ['0.1', '0.25', '0.5', '+Inf'], FRACTIONS, 0.2),
        ],
      },
      { name: 'http_server_requests_seconds', type: 'histogram', series: histogram('http_server_requests_seconds', { ...carts, status: '200' }, 4, ['0.01', '0.05', '0.1', '+Inf'], FRACTIONS, 0.02) },
      {
        name: 'vertx_http_server_requests',
        type: 'counter',
        series: [counter('vertx_http_server_requests_total', { ...stock, code: '200' }, 6), counter('vertx_http_server_requests_total', { ...stock, code: '500' }, 0.3)],
      },
      { name: 'vertx_http_server_response_time_seconds', type: 'histogram', series: histogram('vertx_http_server_response_time_seconds', { ...stock, code: '200' }, 6.3, ['0.005', '0.01', '0.05', '+Inf'], FRACTIONS, 0.008) },
    ];
    prom = await startCustomPrometheus(openMetrics(families, start, end, STEP), end);
    const model: EnvironmentModel = { problems: [], services: [shopService('orders'), shopService('carts'), shopService('stock')] };
    set = await fetchSignals(new PrometheusClient({ url: prom.url }), model, { at: end, window: '5m' });
  });
  after(async () => {
    await prom?.stop();
  });

  const service = (name: string) => set.services.find((s) => s.service === name)!;

  it('rate and server errors from the request counter, p95 and mean from the histogram, each with its query', () => {
    const orders = service('orders');
    assert.equal(orders.convention?.id, 'starlette-exporter');
    assert.deepEqual(orders.routes.map((r) => [r.method, r.route]).sort(), [['GET', '/api/v1/orders/{order_id:int}'], ['POST', '/api/v1/users/']]);
    const r = orders.routes.find((x) => x.method === 'GET')!;
    assertClose(r.requestRate.value, 12, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.6 / 12, 0.001, 'error ratio (503, not 404)');
    assertClose(r.p95Seconds?.value, p95In(0.05, 0.1), 0.001, 'p95');
    assertClose(r.meanSeconds?.value, 0.03, 0.001, 'mean');
    assert.equal(r.requestRate.query, 'sum(rate(starlette_requests_total{job="orders", path="/api/v1/orders/{order_id:int}", method="GET"}[5m]))');
  });

  it('Vert.x: rate and server errors by code from the request counter, p95 from the response-time histogram', () => {
    const stock = service('stock');
    assert.equal(stock.convention?.id, 'vertx-micrometer');
    assert.deepEqual(stock.routes.map((r) => [r.method, r.route]), [['GET', '/api/stock/:sku']]);
    const [r] = stock.routes;
    assertClose(r.requestRate.value, 6.3, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.3 / 6.3, 0.001, 'error ratio');
    assertClose(r.p95Seconds?.value, p95In(0.01, 0.05), 0.001, 'p95');
  });

  it('the numbers land on the routes the code analysis finds: a Starlette table under its mounts, a Vert.x router, a Javalin crud()', async () => {
    const index = new CodeIndex(new Grammars(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm')));
    await index.ingest(
      'orders/app/main.py',
      [
        'from starlette.applications import Starlette',
        'from starlette.routing import Mount, Route',
        'from app import users',
        'async def get_order(request):',
        '    return JSONResponse({})',
        'app = Starlette(routes=[Mount("/api/v1", routes=[Route("/orders/{order_id:int}", get_order), Mount("/users", routes=users.routes)])])',
        '',
      ].join('\n'),
    );
    await index.ingest('orders/app/users.py', ['from starlette.routing import Route', 'async def create(request):', '    return JSONResponse({})', 'routes = [Route("/", create, methods=["POST"])]', ''].join('\n'));
    await index.ingest(
      'carts/src/main/java/carts/Main.java',
      [
        'package carts;',
        'import io.javalin.Javalin;',
        'import static io.javalin.apibuilder.ApiBuilder.*;',
        'public class Main {',
        '  public static void main(String[] args) {',
        '    Javalin.create(config -> config.router.apiBuilder(() -> crud("carts/{cart-id}", new CartController()))).start(7070);',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    await index.ingest(
      'stock/src/main/java/stock/Api.java',
      ['package stock;', 'import io.vertx.ext.web.Router;', 'public class Api {', '  void routes(Router router) {', '    router.get("/api/stock/:sku").handler(this::one);', '  }', '  void one(RoutingContext ctx) {}', '}', ''].join('\n'),
    );
    const routes = index.link().flatMap((a) => a.routes);
    const route = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path)!;
    assertClose(findRouteSignals(service('orders'), route('GET', '/api/v1/orders/{order_id:int}'))?.requestRate.value, 12, 0.001, "the order route's rps");
    assertClose(findRouteSignals(service('orders'), route('POST', '/api/v1/users/'))?.requestRate.value, 3, 0.001, "the mounted users route's rps");
    assertClose(findRouteSignals(service('carts'), route('DELETE', '/carts/{cart-id}'))?.requestRate.value, 4, 0.001, "the Javalin crud route's rps");
    assert.equal(findRouteSignals(service('carts'), route('GET', '/carts/{cart-id}')), undefined, 'no numbers for a route with no traffic');
    assertClose(findRouteSignals(service('stock'), route('GET', '/api/stock/:sku'))?.requestRate.value, 6.3, 0.001, "the Vert.x route's rps");
  });
});
