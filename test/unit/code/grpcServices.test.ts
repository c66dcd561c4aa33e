import { strict as assert } from 'node:assert';
import { protoServicesOf } from '../../../src/core/code/protoFiles';
import { handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** The shape of microservices-demo's protos/demo.proto (kept outside every service), trimmed. */
const DEMO_PROTO = lines(
  'syntax = "proto3";',
  '',
  'package hipstershop;',
  '',
  '// service Unused { rpc Nope(Empty) returns (Empty) {} }',
  'service ProductCatalogService {',
  '    rpc ListProducts(Empty) returns (ListProductsResponse) {}',
  '    rpc GetProduct(GetProductRequest) returns (Product) {}',
  '}',
  '',
  'service CurrencyService {',
  '    rpc GetSupportedCurrencies(Empty) returns (GetSupportedCurrenciesResponse) {}',
  '    rpc Convert(CurrencyConversionRequest) returns (Money) {}',
  '}',
  '',
  'service RecommendationService {',
  '  rpc ListRecommendations(ListRecommendationsRequest) returns (ListRecommendationsResponse){}',
  '}',
  '',
  'service AdService {',
  '    rpc GetAds(AdRequest) returns (AdResponse) {}',
  '}',
  '',
  'message Empty {}',
  'message Product { string id = 1; string description = 2; /* service Fake { rpc Not() } */ }',
);

const HEALTH_PROTO = lines('syntax = "proto3";', 'package grpc.health.v1;', 'service Health {', '  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);', '  rpc Watch(HealthCheckRequest) returns (stream HealthCheckResponse);', '}');

describe('gRPC services: each method a route, POST /<package>.<Service>/<Method>, from the .proto and the implementation', () => {
  it('a .proto file: its package, services and rpc names; not those in comments or strings', () => {
    assert.deepEqual(protoServicesOf(DEMO_PROTO), [
      { name: 'ProductCatalogService', fullName: 'hipstershop.ProductCatalogService', methods: ['ListProducts', 'GetProduct'] },
      { name: 'CurrencyService', fullName: 'hipstershop.CurrencyService', methods: ['GetSupportedCurrencies', 'Convert'] },
      { name: 'RecommendationService', fullName: 'hipstershop.RecommendationService', methods: ['ListRecommendations'] },
      { name: 'AdService', fullName: 'hipstershop.AdService', methods: ['GetAds'] },
    ]);
    assert.deepEqual(protoServicesOf(lines('syntax = "proto3";', 'service Greeter {', '  rpc SayHello (HelloRequest) returns (HelloReply) {', '    option (google.api.http) = { get: "/v1/hello" };', '  }', '}')), [
      { name: 'Greeter', fullName: 'Greeter', methods: ['SayHello'], http: { SayHello: [{ method: 'GET', path: '/v1/hello' }] } },
    ]);
  });

  it('a .proto file\'s HTTP bindings: each rpc\'s google.api.http option, additional bindings too, paths as written; not another option\'s keys, nor a binding in a comment', () => {
    assert.deepEqual(
      protoServicesOf(
        lines(
          'syntax = "proto3";',
          'package library.v1;',
          'service Library {',
          '  rpc GetShelf (GetShelfRequest) returns (Shelf) {',
          '    option (google.api.http) = {',
          '      get: "/v1/{name=shelves/*}"',
          '      additional_bindings { get: "/v1/shelves/{name}/details" }',
          '    };',
          '    option (openapi.v3.operation) = { get: "/not/a/binding" };',
          '  }',
          '  rpc DeleteShelf (DeleteShelfRequest) returns (Empty);',
          '  // option (google.api.http) = { delete: "/v1/commented" };',
          '  rpc CreateBook (CreateBookRequest) returns (Book) {',
          '    option (google.api.http) = { post: "/v1/{parent=shelves/*}/books" body: "book" };',
          '  }',
          '}',
        ),
      ),
      [
        {
          name: 'Library',
          fullName: 'library.v1.Library',
          methods: ['GetShelf', 'DeleteShelf', 'CreateBook'],
          http: {
            GetShelf: [
              { method: 'GET', path: '/v1/{name=shelves/*}' },
              { method: 'GET', path: '/v1/shelves/{name}/details' },
            ],
            CreateBook: [{ method: 'POST', path: '/v1/{parent=shelves/*}/books' }],
          },
        },
      ],
    );
  });

  it('Go Kratos and grpc-gateway: RegisterXHTTPServer(srv, s) and RegisterXHandlerServer(ctx, mux, s) serve the rpcs at their HTTP bindings, run by the implementation\'s methods (a parameter\'s type, a package beside one named by its major version)', async () => {
    const proto = lines(
      'syntax = "proto3";',
      'package catalog.service.v1;',
      'service Catalog {',
      '  rpc ListBeer (ListBeerReq) returns (ListBeerReply) {',
      '    option (google.api.http) = { get: "/v1/catalog/beers" };',
      '  }',
      '  rpc GetBeer (GetBeerReq) returns (GetBeerReply) {',
      '    option (google.api.http) = { get: "/v1/catalog/beers/{id}" };',
      '  }',
      '  rpc Reindex (ReindexReq) returns (ReindexReply);',
      '}',
      'service Stock {',
      '  rpc GetStock (GetStockReq) returns (GetStockReply) {',
      '    option (google.api.http) = { get: "/v1/stock/{sku}" };',
      '  }',
      '}',
    );
    const f = await joined({
      'go.mod': 'module shop\n',
      'api/catalog/service/v1/catalog.proto': proto,
      'app/catalog/internal/server/http.go': lines(
        'package server',
        '',
        'import (',
        '\t"shop/api/catalog/service/v1"',
        '\t"shop/app/catalog/internal/service"',
        ')',
        '',
        'func NewHTTPServer(c *conf.Server, s *service.CatalogService) *http.Server {',
        '\tsrv := http.NewServer()',
        '\tv1.RegisterCatalogHTTPServer(srv, s)',
        '\treturn srv',
        '}',
        'func NewGateway(ctx context.Context, mux *runtime.ServeMux, st *service.StockService) {',
        '\tv1.RegisterStockHandlerServer(ctx, mux, st)',
        '\tv1.RegisterCatalogHandlerFromEndpoint(ctx, mux, "localhost:9000", nil)',
        '}',
      ),
      'app/catalog/internal/service/beer.go': lines(
        'package service',
        '',
        'type CatalogService struct{ db *sql.DB }',
        '',
        'func (s *CatalogService) ListBeer(ctx context.Context, req *v1.ListBeerReq) (*v1.ListBeerReply, error) {',
        '\trows, err := s.db.QueryContext(ctx, "SELECT id, name FROM beers")',
        '\treturn nil, err',
        '}',
        'func (s *CatalogService) GetBeer(ctx context.Context, req *v1.GetBeerReq) (*v1.GetBeerReply, error) { return nil, nil }',
        'func (s *CatalogService) Reindex(ctx context.Context, req *v1.ReindexReq) (*v1.ReindexReply, error) { return nil, nil }',
      ),
      'app/catalog/internal/service/stock.go': lines(
        'package service',
        '',
        'type StockService struct{}',
        '',
        'func (s *StockService) GetStock(ctx context.Context, req *v1.GetStockReq) (*v1.GetStockReply, error) { return nil, nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v1/catalog/beers', 'app/catalog/internal/server/http.go', 9, 'kratos'],
      ['GET', '/v1/catalog/beers/{id}', 'app/catalog/internal/server/http.go', 9, 'kratos'],
      ['GET', '/v1/stock/{sku}', 'app/catalog/internal/server/http.go', 13, 'grpc-gateway'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query app/catalog/internal/service/beer.go:6:15 s.db.QueryContext → GET /v1/catalog/beers']);
  });

  it("Go grpc-gateway calling the service's own gRPC server (RegisterXHandlerClient, also handed to a helper as a value, …FromEndpoint): the rpcs at their HTTP bindings, run by the implementation the service registers", async () => {
    // flipt's shape: the gateway reaches the server through an in-process channel.
    const f = await joined({
      'go.mod': 'module flipt\n',
      'rpc/flipt/flipt.proto': lines(
        'syntax = "proto3";',
        'package flipt;',
        'service Flipt {',
        '  rpc ListFlags (ListFlagRequest) returns (FlagList) {',
        '    option (google.api.http) = { get: "/api/v1/namespaces/{namespace_key}/flags" };',
        '  }',
        '}',
        'service Auth {',
        '  rpc ListTokens (ListTokensRequest) returns (TokenList) {',
        '    option (google.api.http) = { get: "/auth/v1/tokens" };',
        '  }',
        '}',
        'service Meta {',
        '  rpc Info (InfoRequest) returns (InfoReply) {',
        '    option (google.api.http) = { get: "/meta/info" };',
        '  }',
        '}',
      ),
      'internal/cmd/grpc.go': lines(
        'package cmd',
        '',
        'import (',
        '\t"flipt/internal/server"',
        '\t"flipt/rpc/flipt"',
        ')',
        '',
        'func serve(db *sql.DB) {',
        '\tsrv := grpc.NewServer()',
        '\tflipt.RegisterFliptServer(srv, server.New(db))',
        '\tflipt.RegisterAuthServer(srv, &server.AuthServer{})',
        '}',
      ),
      'internal/cmd/http.go': lines(
        'package cmd',
        '',
        'import "flipt/rpc/flipt"',
        '',
        'func gateway(ctx context.Context, conn *grpc.ClientConn) {',
        '\tapi := runtime.NewServeMux()',
        '\tflipt.RegisterFliptHandlerClient(ctx, api, flipt.NewFliptClient(conn))',
        '\tregister(ctx, flipt.NewAuthClient(conn), flipt.RegisterAuthHandlerClient)',
        '\tflipt.RegisterMetaHandlerFromEndpoint(ctx, api, "meta:9000", nil)',
        '}',
      ),
      'internal/server/server.go': lines(
        'package server',
        '',
        'import "flipt/rpc/flipt"',
        '',
        'type Server struct{ db *sql.DB }',
        '',
        'func New(db *sql.DB) *Server { return &Server{db: db} }',
        '',
        'func (s *Server) ListFlags(ctx context.Context, r *flipt.ListFlagRequest) (*flipt.FlagList, error) {',
        '\tfor _, key := range r.Keys {',
        '\t\ts.db.QueryContext(ctx, "SELECT * FROM flags WHERE key = $1", key)',
        '\t}',
        '\treturn nil, nil',
        '}',
        '',
        'type AuthServer struct{}',
        '',
        'func (a *AuthServer) ListTokens(ctx context.Context, r *flipt.ListTokensRequest) (*flipt.TokenList, error) { return nil, nil }',
      ),
    });
    // Meta's server is another service's (no registration here): its gateway serves nothing of this one.
    assert.deepEqual(
      routeRows(f).filter((r) => r[4] === 'grpc-gateway'),
      [
        ['GET', '/api/v1/namespaces/{namespace_key}/flags', 'internal/cmd/http.go', 6, 'grpc-gateway'],
        ['GET', '/auth/v1/tokens', 'internal/cmd/http.go', 7, 'grpc-gateway'],
      ],
    );
    assert.deepEqual(hazardRows(f), [
      'query-in-loop internal/server/server.go:11:3 s.db.QueryContext [for sequential] → POST /flipt.Flipt/ListFlags, GET /api/v1/namespaces/{namespace_key}/flags',
    ]);
  });

  it('Go: RegisterXServer(srv, svc) serves the methods of svc\'s type the service declares; a library\'s health server and a helper method are no routes', async () => {
    const f = await joined({
      'protos/demo.proto': DEMO_PROTO,
      'protos/grpc/health/v1/health.proto': HEALTH_PROTO,
      'src/productcatalogservice/server.go': lines(
        'package main',
        '',
        'func run() {',
        '\tsrv := grpc.NewServer()',
        '\tsvc := &productCatalog{}',
        '\tpb.RegisterProductCatalogServiceServer(srv, svc)',
        '\thealthcheck := health.NewServer()',
        '\thealthpb.RegisterHealthServer(srv, healthcheck)',
        '}',
      ),
      'src/productcatalogservice/product_catalog.go': lines(
        'package main',
        '',
        'func (p *productCatalog) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {',
        '\treturn nil, nil',
        '}',
        'func (p *productCatalog) ListProducts(ctx context.Context, _ *pb.Empty) (*pb.ListProductsResponse, error) {',
        '\tfor _, id := range p.ids {',
        '\t\tp.db.QueryRow("SELECT name FROM products WHERE id = $1", id)',
        '\t}',
        '\treturn nil, nil',
        '}',
        'func (p *productCatalog) GetProduct(ctx context.Context, req *pb.GetProductRequest) (*pb.Product, error) {',
        '\treturn p.find(req.Id), nil',
        '}',
        'func (p *productCatalog) find(id string) *pb.Product {',
        '\treturn nil',
        '}',
      ),
      'src/shippingservice/main.go': lines('package main', '', 'func main() {', '\tsvc := new(server)', '\tpb.RegisterShippingServiceServer(grpc.NewServer(), svc)', '}', 'func (s *server) GetQuote(ctx context.Context) {}'),
    });
    // ShippingService is declared in no .proto of the workspace: its package, part of the path, is unknown.
    assert.deepEqual(routeRows(f), [
      ['POST', '/hipstershop.ProductCatalogService/GetProduct', 'src/productcatalogservice/server.go', 5, 'grpc'],
      ['POST', '/hipstershop.ProductCatalogService/ListProducts', 'src/productcatalogservice/server.go', 5, 'grpc'],
    ]);
    assert.deepEqual(handledRows(f), [
      'src/productcatalogservice/product_catalog.go:11 POST /hipstershop.ProductCatalogService/GetProduct',
      'src/productcatalogservice/product_catalog.go:5 POST /hipstershop.ProductCatalogService/ListProducts',
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop src/productcatalogservice/product_catalog.go:8:3 p.db.QueryRow [for sequential] → POST /hipstershop.ProductCatalogService/ListProducts']);
  });

  it('Go: the value made in place (&server{}, NewServer(…)) or the registering method\'s own receiver; RegisterService(&pb.X_ServiceDesc, impl)', async () => {
    const proto = lines('package shop.v1;', 'service Orders { rpc Place(Req) returns (Res); rpc Cancel(Req) returns (Res); }', 'service Stock { rpc Reserve(Req) returns (Res); }', 'service Audit { rpc Log(Req) returns (Res); }');
    const f = await joined({
      'api/shop.proto': proto,
      'cmd/main.go': lines('package main', '', 'func main() {', '\tpb.RegisterOrdersServer(s, &ordersServer{})', '\tpb.RegisterStockServer(s, NewStockServer(db))', '}', 'func (o *ordersServer) Place() {}', 'func (o *ordersServer) Cancel() {}', 'func (k *StockServer) Reserve() {}'),
      'cmd/audit.go': lines('package main', '', 'func (a *auditServer) Register(s *grpc.Server) {', '\tpb.RegisterAuditServer(s, a)', '}', 'func (a *auditServer) Log() {}'),
      'cmd/desc.go': lines('package main', '', 'func serve(s *grpc.Server) {', '\ts.RegisterService(&pb.Stock_ServiceDesc, &stockV2{})', '}', 'func (k *stockV2) Reserve() {}'),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/shop.v1.Audit/Log', 'cmd/audit.go', 3, 'grpc'],
      ['POST', '/shop.v1.Stock/Reserve', 'cmd/desc.go', 3, 'grpc'],
      ['POST', '/shop.v1.Orders/Cancel', 'cmd/main.go', 3, 'grpc'],
      ['POST', '/shop.v1.Orders/Place', 'cmd/main.go', 3, 'grpc'],
      ['POST', '/shop.v1.Stock/Reserve', 'cmd/main.go', 4, 'grpc'],
    ]);
  });

  it('Go: a service and methods named in lower case (go-zero\'s looklook), the implementation declared in the function around the registering closure', async () => {
    const f = await joined({
      'go.mod': 'module looklook\n',
      'app/order/rpc/pb/order.proto': lines('syntax = "proto3";', 'package pb;', 'service order {', '  rpc createOrder(CreateReq) returns (CreateResp);', '  rpc order_detail(DetailReq) returns (DetailResp);', '}'),
      'app/order/rpc/order.go': lines(
        'package main',
        '',
        'import "looklook/app/order/rpc/internal/server"',
        '',
        'func main() {',
        '\tsrv := server.NewOrderServer(ctx)',
        '\ts := zrpc.MustNewServer(c.RpcServerConf, func(grpcServer *grpc.Server) {',
        '\t\tpb.RegisterOrderServer(grpcServer, srv)',
        '\t})',
        '\ts.Start()',
        '}',
      ),
      'app/order/rpc/internal/server/orderserver.go': lines(
        'package server',
        '',
        'type OrderServer struct{}',
        '',
        'func NewOrderServer(ctx *svc.ServiceContext) *OrderServer { return &OrderServer{} }',
        'func (s *OrderServer) CreateOrder(ctx context.Context, in *pb.CreateReq) (*pb.CreateResp, error) { return nil, nil }',
        'func (s *OrderServer) OrderDetail(ctx context.Context, in *pb.DetailReq) (*pb.DetailResp, error) { return nil, nil }',
      ),
    });
    // The paths as the .proto spells them: what gRPC puts on the wire.
    assert.deepEqual(routeRows(f), [
      ['POST', '/pb.order/createOrder', 'app/order/rpc/order.go', 7, 'grpc'],
      ['POST', '/pb.order/order_detail', 'app/order/rpc/order.go', 7, 'grpc'],
    ]);
    assert.deepEqual(handledRows(f), ['app/order/rpc/internal/server/orderserver.go:5 POST /pb.order/createOrder', 'app/order/rpc/internal/server/orderserver.go:6 POST /pb.order/order_detail']);
  });

  it('Go connect-go: pbconnect.NewXServiceHandler(impl) serves the same paths; a struct\'s embedded *APIV1Service is its field of that name (memos)', async () => {
    const f = await joined({
      'proto/api/v1/memo_service.proto': lines('package memos.api.v1;', 'service MemoService {', '  rpc DeleteMemo(DeleteMemoRequest) returns (Empty);', '  rpc GetMemo(GetMemoRequest) returns (Memo);', '}'),
      'server/v1/connect_handler.go': lines(
        'package v1',
        '',
        'type ConnectServiceHandler struct {',
        '\t*APIV1Service',
        '}',
        '',
        'func (s *ConnectServiceHandler) RegisterConnectHandlers(mux *http.ServeMux, opts ...connect.HandlerOption) {',
        '\tmux.Handle(apiv1connect.NewMemoServiceHandler(s, opts...))',
        '\tmux.Handle(otherpkg.NewMemoServiceHandler(s))',
        '}',
        '',
        'func (s *ConnectServiceHandler) DeleteMemo(ctx context.Context, req *connect.Request[v1pb.DeleteMemoRequest]) (*connect.Response[v1pb.Empty], error) {',
        '\t_, err := s.APIV1Service.DeleteMemo(ctx, req.Msg)',
        '\treturn nil, err',
        '}',
      ),
      'server/v1/memo_service.go': lines(
        'package v1',
        '',
        'func (s *APIV1Service) DeleteMemo(ctx context.Context, r *v1pb.DeleteMemoRequest) (*v1pb.Empty, error) {',
        '\tfor _, id := range r.RelatedIds {',
        '\t\ts.db.ExecContext(ctx, "DELETE FROM memo_relation WHERE memo_id = $1", id)',
        '\t}',
        '\treturn nil, nil',
        '}',
      ),
    });
    // GetMemo has no method of ConnectServiceHandler's: no route. otherpkg is not a connect package.
    assert.deepEqual(routeRows(f), [['POST', '/memos.api.v1.MemoService/DeleteMemo', 'server/v1/connect_handler.go', 7, 'connect']]);
    assert.deepEqual(hazardRows(f), ['query-in-loop server/v1/memo_service.go:5:3 s.db.ExecContext [for sequential] → POST /memos.api.v1.MemoService/DeleteMemo']);
  });

  it('Python: a class extending the generated …Servicer (also through a base class of the file), its methods the service declares', async () => {
    const f = await joined({
      'protos/demo.proto': DEMO_PROTO,
      'src/recommendationservice/recommendation_server.py': lines(
        'import demo_pb2_grpc',
        '',
        'class BaseService(demo_pb2_grpc.RecommendationServiceServicer):',
        '    def Check(self, request, context):',
        '        return None',
        '',
        'class RecommendationService(BaseService):',
        '    def ListRecommendations(self, request, context):',
        '        for pid in request.product_ids:',
        '            requests.get("http://catalog/" + pid, timeout=2)',
        '        return None',
        '',
        '    def _helper(self):',
        '        return None',
        '',
        'class Other:',
        '    def ListRecommendations(self, request, context):',
        '        return None',
      ),
    });
    assert.deepEqual(routeRows(f), [['POST', '/hipstershop.RecommendationService/ListRecommendations', 'src/recommendationservice/recommendation_server.py', 7, 'grpc']]);
    assert.deepEqual(hazardRows(f), ['call-in-loop src/recommendationservice/recommendation_server.py:10:13 requests.get [for sequential] → POST /hipstershop.RecommendationService/ListRecommendations']);
  });

  it('Java: a class extending XGrpc.XImplBase, its public methods in lower camel case (not a private helper of an rpc\'s name)', async () => {
    const f = await joined({
      'src/adservice/src/main/proto/demo.proto': DEMO_PROTO,
      'src/adservice/src/main/java/hipstershop/AdService.java': lines(
        'package hipstershop;',
        '',
        'public final class AdService {',
        '  private static class AdServiceImpl extends hipstershop.AdServiceGrpc.AdServiceImplBase {',
        '    @Override',
        '    @SuppressWarnings("static-access")',
        '    public void getAds(AdRequest req, StreamObserver<AdResponse> responseObserver) {',
        '      responseObserver.onNext(null);',
        '    }',
        '    private void log(String s) {}',
        // A helper named as the rpc (Signal-Server's MessagesGrpcService): the generated base never calls it.
        '    private void getAds(String reason, boolean urgent) {}',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['POST', '/hipstershop.AdService/GetAds', 'src/adservice/src/main/java/hipstershop/AdService.java', 4, 'grpc']]);
  });

  it('JavaScript: server.addService(pkg.X.service or XService, { handlers }), each key the service declares', async () => {
    const f = await joined({
      'protos/demo.proto': DEMO_PROTO,
      'src/currencyservice/server.js': lines(
        "const grpc = require('@grpc/grpc-js');",
        'function getSupportedCurrencies(call, callback) { callback(null, {}); }',
        'function convert(call, callback) {',
        '  for (const c of call.request.codes) fetch("http://rates/" + c, { signal: AbortSignal.timeout(1000) });',
        '}',
        'const server = new grpc.Server();',
        'server.addService(shopProto.CurrencyService.service, { getSupportedCurrencies, convert, unknown: convert });',
        'server.addService(healthProto.Health.service, { check });',
      ),
      'src/catalog/index.ts': lines(
        "import { ProductCatalogServiceService } from './gen/demo_grpc_pb';",
        'class Handlers { static list(call, cb) { cb(null, []); } }',
        'server.addService(ProductCatalogServiceService, {',
        '  listProducts: Handlers.list.bind(this),',
        '  getProduct(call, cb) { cb(null, null); },',
        '});',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/hipstershop.ProductCatalogService/ListProducts', 'src/catalog/index.ts', 3, 'grpc'],
      ['POST', '/hipstershop.ProductCatalogService/GetProduct', 'src/catalog/index.ts', 4, 'grpc'],
      ['POST', '/hipstershop.CurrencyService/Convert', 'src/currencyservice/server.js', 6, 'grpc'],
      ['POST', '/hipstershop.CurrencyService/GetSupportedCurrencies', 'src/currencyservice/server.js', 6, 'grpc'],
    ]);
    assert.deepEqual(hazardRows(f), ['call-in-loop src/currencyservice/server.js:4:39 fetch [for…of sequential] → POST /hipstershop.CurrencyService/Convert']);
  });

  it('NestJS microservices: @GrpcMethod(service, method), the method name capitalised or the class name by default', async () => {
    const f = await joined({
      'proto/hero.proto': lines('package hero;', 'service HeroesService { rpc FindOne(HeroById) returns (Hero); rpc FindMany(Q) returns (stream Hero); }', 'service HeroesController { rpc Count(Q) returns (N); }'),
      'src/hero/hero.controller.ts': lines(
        "import { Controller } from '@nestjs/common';",
        "import { GrpcMethod, GrpcStreamMethod } from '@nestjs/microservices';",
        '@Controller()',
        'export class HeroesController {',
        "  @GrpcMethod('HeroesService', 'FindOne')",
        '  findOne(data: HeroById): Hero {',
        '    return this.heroes.find(({ id }) => id === data.id);',
        '  }',
        "  @GrpcStreamMethod('HeroesService')",
        '  findMany(messages: Observable<any>): Observable<Hero> {',
        '    return messages;',
        '  }',
        '  @GrpcMethod()',
        '  count(): N {',
        '    return { n: 1 };',
        '  }',
        "  @GrpcMethod('HeroesService', 'Remove')",
        '  remove(): void {}',
        '}',
      ),
    });
    // Remove is no method of the service's .proto.
    assert.deepEqual(routeRows(f), [
      ['POST', '/hero.HeroesService/FindOne', 'src/hero/hero.controller.ts', 4, 'nestjs'],
      ['POST', '/hero.HeroesService/FindMany', 'src/hero/hero.controller.ts', 8, 'nestjs'],
      ['POST', '/hero.HeroesController/Count', 'src/hero/hero.controller.ts', 12, 'nestjs'],
    ]);
  });

  it('the definition nearest the implementation gives the package when several .proto files declare the service', async () => {
    const f = await joined({
      'vendor-protos/old/demo.proto': lines('package legacy;', 'service AdService { rpc GetAds(A) returns (B); }'),
      'services/ad/proto/demo.proto': lines('package ads.v2;', 'service AdService { rpc GetAds(A) returns (B); }'),
      'services/ad/src/Ads.java': lines('class Ads extends AdServiceGrpc.AdServiceImplBase {', '  public void getAds(A a, StreamObserver<B> o) {}', '}'),
    });
    assert.deepEqual(routeRows(f), [['POST', '/ads.v2.AdService/GetAds', 'services/ad/src/Ads.java', 1, 'grpc']]);
  });

  it('a .proto folder named as a Go package (memos\' proto/store/ beside store/) is no package: calls into store/ still land', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app'),
      'proto/store/attachment.proto': lines('syntax = "proto3";', 'package memos.store;', 'message Attachment { string uid = 1; }'),
      'store/attachment.go': lines('package store', '', 'func (s *Store) GetAttachment(ctx context.Context, uid string) {', '\ts.db.QueryRowContext(ctx, "SELECT blob FROM attachment WHERE uid = $1", uid)', '}'),
      'api/attachments.go': lines(
        'package api',
        '',
        'import "example.com/app/store"',
        '',
        'type Service struct { Store *store.Store }',
        '',
        'func (s *Service) BatchGet(ctx context.Context, uids []string) {',
        '\tfor _, uid := range uids {',
        '\t\ts.Store.GetAttachment(ctx, uid)',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop api/attachments.go:9:3 s.Store.GetAttachment → s.db.QueryRowContext [for sequential] → -']);
  });
});
