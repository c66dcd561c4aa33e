// gRPC servers' metrics against a real Prometheus with hand-written history: OpenTelemetry's RPC conventions (before
// 1.38, service and method in two labels, milliseconds; stable, the method fully qualified, seconds) and
// go-grpc-prometheus. Each method's numbers land on the route the code analysis gives it, POST /<package>.<Service>/<Method>.
// Counters grow linearly, so the true rates are exact.
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
const svc = shopService;


describe('signals for gRPC servers (real Prometheus): OpenTelemetry RPC metrics old and stable, go-grpc-prometheus', function () {
  this.timeout(120_000);
  let prom: CustomPrometheus;
  let set: SignalSet;

  before(async () => {
    const cart = { job: 'shop/cart', rpc_system: 'grpc', rpc_service: 'shop.CartService', rpc_method: 'AddItem' };
    const ads = { job: 'ads', grpc_type: 'unary', grpc_service: 'shop.AdService', grpc_method: 'GetAds' };
    const pricing = { job: 'shop/pricing', rpc_system_name: 'grpc', rpc_method: 'shop.Pricing/Quote' };
    const families: Family[] = [
      {
        name: 'rpc_server_duration_milliseconds',
        type: 'histogram',
        series: [
          ...histogram('rpc_server_duration_milliseconds', { ...cart, rpc_grpc_status_code: '0' }, 30, ['10', '50', '100', '+Inf'], FRACTIONS, 20),
          // INTERNAL (13) is the server's; NOT_FOUND (5) the caller's.
          ...histogram('rpc_server_duration_milliseconds', { ...cart, rpc_grpc_status_code: '13' }, 1.5, ['10', '50', '100', '+Inf'], FRACTIONS, 20),
          ...histogram('rpc_server_duration_milliseconds', { ...cart, rpc_grpc_status_code: '5' }, 3, ['10', '50', '100', '+Inf'], FRACTIONS, 20),
        ],
      },
      {
        name: 'grpc_server_handled',
        type: 'counter',
        series: [
          counter('grpc_server_handled_total', { ...ads, grpc_code: 'OK' }, 12),
          counter('grpc_server_handled_total', { ...ads, grpc_code: 'Unavailable' }, 0.6),
          counter('grpc_server_handled_total', { ...ads, grpc_code: 'InvalidArgument' }, 2),
        ],
      },
      { name: 'grpc_server_handling_seconds', type: 'histogram', series: histogram('grpc_server_handling_seconds', ads, 14.6, ['0.005', '0.01', '0.025', '+Inf'], FRACTIONS, 0.006) },
      {
        name: 'rpc_server_call_duration_seconds',
        type: 'histogram',
        series: [
          ...histogram('rpc_server_call_duration_seconds', { ...pricing, rpc_response_status_code: 'OK' }, 5, ['0.1', '0.25', '0.5', '+Inf'], FRACTIONS, 0.12),
          ...histogram('rpc_server_call_duration_seconds', { ...pricing, rpc_response_status_code: 'DEADLINE_EXCEEDED' }, 0.25, ['0.1', '0.25', '0.5', '+Inf'], FRACTIONS, 0.12),
        ],
      },
    ];
    prom = await startCustomPrometheus(openMetrics(families, start, end, STEP), end);
    const model: EnvironmentModel = { problems: [], services: [svc('cart'), svc('ads'), svc('pricing')] };
    set = await fetchSignals(new PrometheusClient({ url: prom.url }), model, { at: end, window: '5m', history: { hours: 0.25, step: 60 } });
  });
  after(async () => {
    await prom?.stop();
  });

  const service = (name: string) => set.services.find((s) => s.service === name)!;

  it('OpenTelemetry before 1.38: POST /<rpc.service>/<rpc.method>, server errors by gRPC status code, milliseconds in seconds', () => {
    const cart = service('cart');
    assert.equal(cart.convention?.id, 'otel-rpc-old');
    assert.deepEqual(cart.routes.map((r) => [r.method, r.route]), [['POST', '/shop.CartService/AddItem']]);
    const [r] = cart.routes;
    assertClose(r.requestRate.value, 34.5, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 1.5 / 34.5, 0.001, 'error ratio (INTERNAL, not NOT_FOUND)');
    assertClose(r.p95Seconds?.value, p95In(50, 100) / 1000, 0.001, 'p95');
    assert.equal(r.requestRate.query, 'sum(rate(rpc_server_duration_milliseconds_count{job="shop/cart", rpc_service="shop.CartService", rpc_method="AddItem"}[5m]))');
    assert.ok(r.history && r.history.rps.some((v) => v !== null && Math.abs(v - 34.5) < 0.01), `history: ${JSON.stringify(r.history)}`);
  });

  it('go-grpc-prometheus: rate and server errors from grpc_server_handled_total, p95 from the handling-time histogram', () => {
    const ads = service('ads');
    assert.equal(ads.convention?.id, 'grpc-prometheus');
    const [r] = ads.routes;
    assert.deepEqual([r.method, r.route], ['POST', '/shop.AdService/GetAds']);
    assertClose(r.requestRate.value, 14.6, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.6 / 14.6, 0.001, 'error ratio (Unavailable, not InvalidArgument)');
    assertClose(r.p95Seconds?.value, p95In(0.01, 0.025), 0.001, 'p95');
  });

  it('OpenTelemetry stable: rpc.method is already <package>.<Service>/<Method>', () => {
    const pricing = service('pricing');
    assert.equal(pricing.convention?.id, 'otel-rpc-stable');
    const [r] = pricing.routes;
    assert.deepEqual([r.method, r.route], ['POST', '/shop.Pricing/Quote']);
    assertClose(r.requestRate.value, 5.25, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.25 / 5.25, 0.001, 'error ratio');
    assertClose(r.p95Seconds?.value, p95In(0.25, 0.5), 0.001, 'p95');
  });

  it('the numbers land on the route the code analysis finds for the implementation', async () => {
    const index = new CodeIndex(new Grammars(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm')));
    await index.ingest('protos/shop.proto', ['syntax = "proto3";', 'package shop;', 'service CartService {', '  rpc AddItem(AddItemRequest) returns (Empty) {}', '}', ''].join('\n'));
    await index.ingest(
      'services/cart/main.go',
      ['package main', '', 'func main() {', '\tsvc := &cartServer{}', '\tpb.RegisterCartServiceServer(grpc.NewServer(), svc)', '}', '', 'func (c *cartServer) AddItem(ctx context.Context, r *pb.AddItemRequest) (*pb.Empty, error) {', '\treturn nil, nil', '}', ''].join('\n'),
    );
    const routes = index.link().flatMap((a) => a.routes);
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['POST /shop.CartService/AddItem']);
    assertClose(findRouteSignals(service('cart'), routes[0])?.requestRate.value, 34.5, 0.001, 'the route\'s rps');
  });
});
