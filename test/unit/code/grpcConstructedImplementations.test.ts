import { strict as assert } from 'node:assert';
import { handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A Go gRPC implementation a function of another package makes (openfga's `svr := server.MustNewServerWithOpts(…)`
 * then `openfgav1.RegisterOpenFGAServiceServer(grpcServer, svr)`): its methods are those of the type that function
 * declares to return, `*Server` or the first of `(*T, error)`, whatever its name would guess.
 */
describe('Go gRPC: an implementation made by a constructor of another package', () => {
  const proto = lines(
    'syntax = "proto3";',
    'package authz.v1;',
    'service Stores { rpc ListStores(Req) returns (Res); rpc GetStore(Req) returns (Res); }',
    'service Models { rpc ReadModel(Req) returns (Res); }',
    'service Tuples { rpc Write(Req) returns (Res); }',
    'service Health { rpc Check(Req) returns (Res); }',
    'service Audit { rpc Log(Req) returns (Res); }',
  );

  it('svr := pkg.MustNew…(…), svc, err := pkg.NewX(…) of another type, and one made in place: the methods of the declared result', async () => {
    const f = await joined({
      'go.mod': 'module example.com/authz\n',
      'proto/authz/v1/authz.proto': proto,
      'cmd/main.go': lines(
        'package main',
        '',
        'import (',
        '\t"example.com/authz/pkg/models"',
        '\t"example.com/authz/pkg/server"',
        '\t"example.com/authz/pkg/tuples"',
        ')',
        '',
        'func main() {',
        '\tgrpcServer := grpc.NewServer()',
        '\tsvr := server.MustNewServerWithOpts(server.WithDB(db))',
        '\tauthzv1.RegisterStoresServer(grpcServer, svr)',
        '\tms, err := models.NewService(db)',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\tauthzv1.RegisterModelsServer(grpcServer, ms)',
        '\tauthzv1.RegisterTuplesServer(grpcServer, tuples.Must(db))',
        '}',
      ),
      'pkg/server/server.go': lines(
        'package server',
        '',
        'type Server struct {',
        '\tauthzv1.UnimplementedStoresServer',
        '\tdb *sql.DB',
        '}',
        '',
        'func MustNewServerWithOpts(opts ...Option) *Server { return &Server{} }',
        '',
        'func (s *Server) ListStores(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) {',
        '\trows, err := s.db.QueryContext(ctx, "SELECT id, name FROM store")', // 11
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tdefer rows.Close()',
        '\treturn nil, nil',
        '}',
        'func (s *Server) GetStore(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
        'func (s *Server) helper() {}',
      ),
      'pkg/models/models.go': lines(
        'package models',
        '',
        'type modelServer struct{}',
        '',
        'func NewService(db *sql.DB) (*modelServer, error) { return &modelServer{}, nil }',
        'func (m *modelServer) ReadModel(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
      ),
      'pkg/tuples/tuples.go': lines(
        'package tuples',
        '',
        'type Service struct{}',
        '',
        'func Must(db *sql.DB) *Service { return &Service{} }',
        'func (t *Service) Write(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/authz.v1.Stores/GetStore', 'cmd/main.go', 11, 'grpc'],
      ['POST', '/authz.v1.Stores/ListStores', 'cmd/main.go', 11, 'grpc'],
      ['POST', '/authz.v1.Models/ReadModel', 'cmd/main.go', 16, 'grpc'],
      ['POST', '/authz.v1.Tuples/Write', 'cmd/main.go', 17, 'grpc'],
    ]);
    assert.deepEqual(handledRows(f), [
      'pkg/models/models.go:5 POST /authz.v1.Models/ReadModel',
      'pkg/server/server.go:17 POST /authz.v1.Stores/GetStore',
      'pkg/server/server.go:9 POST /authz.v1.Stores/ListStores',
      'pkg/tuples/tuples.go:5 POST /authz.v1.Tuples/Write',
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query pkg/server/server.go:11:15 s.db.QueryContext → POST /authz.v1.Stores/ListStores']);
  });

  it('not a constructor returning a library\'s server (grpc-go\'s health), nor one of no declared result; a guessed type still serves when the declared one has no such method', async () => {
    const f = await joined({
      'go.mod': 'module example.com/authz\n',
      'proto/authz/v1/authz.proto': proto,
      'cmd/main.go': lines(
        'package main',
        '',
        'import (',
        '\t"example.com/authz/pkg/audit"',
        '\t"example.com/authz/pkg/server"',
        ')',
        '',
        'func main() {',
        '\tgrpcServer := grpc.NewServer()',
        '\thc := health.NewServer()',
        '\tauthzv1.RegisterHealthServer(grpcServer, hc)',
        '\tsvr := server.Build()',
        '\tauthzv1.RegisterStoresServer(grpcServer, svr)',
        '\tau := audit.NewAuditServer(db)',
        '\tauthzv1.RegisterAuditServer(grpcServer, au)',
        '}',
      ),
      'pkg/server/server.go': lines(
        'package server',
        '',
        'type Server struct{}',
        '',
        'func Build() interface{} { return &Server{} }',
        'func (s *Server) ListStores(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
        'func (s *Server) Check(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
      ),
      'pkg/audit/audit.go': lines(
        'package audit',
        '',
        'type AuditServer struct{}',
        '',
        'func NewAuditServer(db *sql.DB) authzv1.AuditServer { return &AuditServer{} }',
        'func (a *AuditServer) Log(ctx context.Context, req *authzv1.Req) (*authzv1.Res, error) { return nil, nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [['POST', '/authz.v1.Audit/Log', 'cmd/main.go', 14, 'grpc']]);
    assert.deepEqual(handledRows(f), ['pkg/audit/audit.go:5 POST /authz.v1.Audit/Log']);
  });
});
