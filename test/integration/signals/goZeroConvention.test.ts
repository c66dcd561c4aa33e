// go-zero's REST metrics against a real Prometheus with hand-written history: a request counter by path, code and
// method, a histogram in milliseconds without the code; go-zero before 1.5 had no method label. The numbers land on
// the route the code analysis gives goctl's routes.go (prefix included). Counters grow linearly, so rates are exact.
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


describe('signals for go-zero REST servers (real Prometheus)', function () {
  this.timeout(120_000);
  let prom: CustomPrometheus;
  let set: SignalSet;

  before(async () => {
    const order = { job: 'order-api', path: '/order/v1/homestayOrder/createHomestayOrder', method: 'POST' };
    // go-zero before 1.5: no method label.
    const travel = { job: 'travel-api', path: '/travel/v1/homestay/homestayList' };
    // zrpc: the full method as the route, gRPC's status code as a number (13 INTERNAL is the server's, 5 NOT_FOUND not).
    const rpc = { job: 'order-rpc', method: '/pb.order/createHomestayOrder' };
    const families: Family[] = [
      {
        name: 'http_server_requests_code',
        type: 'counter',
        series: [
          counter('http_server_requests_code_total', { ...order, code: '200' }, 18),
          counter('http_server_requests_code_total', { ...order, code: '500' }, 0.9),
          counter('http_server_requests_code_total', { ...order, code: '401' }, 1.1),
          counter('http_server_requests_code_total', { ...travel, code: '200' }, 7),
        ],
      },
      {
        name: 'rpc_server_requests_code',
        type: 'counter',
        series: [
          counter('rpc_server_requests_code_total', { ...rpc, code: '0' }, 9),
          counter('rpc_server_requests_code_total', { ...rpc, code: '13' }, 0.5),
          counter('rpc_server_requests_code_total', { ...rpc, code: '5' }, 0.5),
        ],
      },
      { name: 'rpc_server_requests_duration_ms', type: 'histogram', series: histogram('rpc_server_requests_duration_ms', rpc, 10, ['5', '10', '25', '+Inf'], FRACTIONS, 6) },
      {
        name: 'http_server_requests_duration_ms',
        type: 'histogram',
        series: [
          ...histogram('http_server_requests_duration_ms', order, 20, ['25', '50', '100', '+Inf'], FRACTIONS, 40),
          ...histogram('http_server_requests_duration_ms', travel, 7, ['5', '10', '25', '+Inf'], FRACTIONS, 8),
        ],
      },
    ];
    prom = await startCustomPrometheus(openMetrics(families, start, end, STEP), end);
    const model: EnvironmentModel = { problems: [], services: [shopService('order-api'), shopService('travel-api'), shopService('order-rpc')] };
    set = await fetchSignals(new PrometheusClient({ url: prom.url }), model, { at: end, window: '5m' });
  });
  after(async () => {
    await prom?.stop();
  });

  const service = (name: string) => set.services.find((s) => s.service === name)!;

  it('rate and server errors from the code counter, p95 and mean from the millisecond histogram, each with its query', () => {
    const order = service('order-api');
    assert.equal(order.convention?.id, 'go-zero');
    assert.deepEqual(order.routes.map((r) => [r.method, r.route]), [['POST', '/order/v1/homestayOrder/createHomestayOrder']]);
    const [r] = order.routes;
    assertClose(r.requestRate.value, 20, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.9 / 20, 0.001, 'error ratio (500, not 401)');
    assertClose(r.p95Seconds?.value, p95In(50, 100) / 1000, 0.001, 'p95');
    assertClose(r.meanSeconds?.value, 0.04, 0.001, 'mean');
    assert.equal(r.requestRate.query, 'sum(rate(http_server_requests_code_total{job="order-api", path="/order/v1/homestayOrder/createHomestayOrder", method="POST"}[5m]))');
  });

  it('before go-zero 1.5 (no method label): the route reads as any method', () => {
    const travel = service('travel-api');
    assert.deepEqual(travel.routes.map((r) => [r.method, r.route]), [['ANY', '/travel/v1/homestay/homestayList']]);
    assertClose(travel.routes[0].requestRate.value, 7, 0.001, 'rps');
    assertClose(travel.routes[0].p95Seconds?.value, p95In(10, 25) / 1000, 0.001, 'p95');
  });

  it('zrpc servers: POST /<package>.<service>/<rpc> as the full method says, server errors by gRPC status number', () => {
    const order = service('order-rpc');
    assert.equal(order.convention?.id, 'go-zero-rpc');
    assert.deepEqual(order.routes.map((r) => [r.method, r.route]), [['POST', '/pb.order/createHomestayOrder']]);
    const [r] = order.routes;
    assertClose(r.requestRate.value, 10, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.05, 0.001, 'error ratio (INTERNAL, not NOT_FOUND)');
    assertClose(r.p95Seconds?.value, p95In(10, 25) / 1000, 0.001, 'p95');
  });

  it('the numbers land on the routes the code analysis finds in goctl\'s routes.go', async () => {
    const index = new CodeIndex(new Grammars(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm')));
    await index.ingest(
      'app/order/cmd/api/internal/handler/routes.go',
      [
        '// Code generated by goctl. DO NOT EDIT.',
        'package handler',
        '',
        'func RegisterHandlers(server *rest.Server, serverCtx *svc.ServiceContext) {',
        '\tserver.AddRoutes(',
        '\t\t[]rest.Route{',
        '\t\t\t{',
        '\t\t\t\tMethod:  http.MethodPost,',
        '\t\t\t\tPath:    "/homestayOrder/createHomestayOrder",',
        '\t\t\t\tHandler: homestayOrder.CreateHomestayOrderHandler(serverCtx),',
        '\t\t\t},',
        '\t\t},',
        '\t\trest.WithPrefix("/order/v1"),',
        '\t)',
        '\tserver.AddRoute(rest.Route{Method: "POST", Path: "/travel/v1/homestay/homestayList", Handler: homestay.HomestayListHandler(serverCtx)})',
        '}',
        '',
      ].join('\n'),
    );
    const routes = index.link().flatMap((a) => a.routes);
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['POST /order/v1/homestayOrder/createHomestayOrder', 'POST /travel/v1/homestay/homestayList']);
    assertClose(findRouteSignals(service('order-api'), routes[0])?.requestRate.value, 20, 0.001, "the order route's rps");
    assertClose(findRouteSignals(service('travel-api'), routes[1])?.requestRate.value, 7, 0.001, "the travel route's rps (any method)");
  });
});
