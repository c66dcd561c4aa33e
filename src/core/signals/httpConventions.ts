/**
 * Metric naming conventions for HTTP server metrics, as data. Each names the metrics and the labels that carry
 * the route, the method and the status. The order is the preference when one service exports several (a service
 * migrating from the old OpenTelemetry names to the stable ones reports both): custom conventions from
 * `.ops-lens.yaml` first, then OpenTelemetry's stable semantic conventions.
 */
export interface HttpConvention {
  id: string;
  /** Counter of requests (a histogram's `_count` or a plain counter). */
  countMetric: string;
  /** Histogram buckets, when the convention has them; percentiles need them. */
  bucketMetric?: string;
  /** Histogram or summary `_sum`, for the mean latency where there are no buckets. */
  sumMetric?: string;
  routeLabel: string;
  /**
   * gRPC: the labels whose values make the route, `/<service>/<method>` as the code's routes are written
   * (`['rpc_service', 'rpc_method']` → `/shop.Cart/AddItem`); by default the route label alone.
   */
  routeLabels?: string[];
  /** Absent where every request has one method (gRPC's POST, in `method`). */
  methodLabel?: string;
  /** The method of every request when no label says it. */
  method?: string;
  statusLabel: string;
  /** Label matcher value selecting server errors (`5..` also matches FastAPI's `5xx`). */
  serverErrors: string;
  serviceLabel: string;
  /** Latency values are divided by this to give seconds (1000 for `_milliseconds` metrics). */
  unitsPerSecond: number;
}

export const OTEL_STABLE: HttpConvention = {
  id: 'otel-stable',
  countMetric: 'http_server_request_duration_seconds_count',
  bucketMetric: 'http_server_request_duration_seconds_bucket',
  sumMetric: 'http_server_request_duration_seconds_sum',
  routeLabel: 'http_route',
  methodLabel: 'http_request_method',
  statusLabel: 'http_response_status_code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/** OpenTelemetry semantic conventions before 1.21: `http.server.duration` in milliseconds. */
export const OTEL_OLD: HttpConvention = {
  id: 'otel-old',
  countMetric: 'http_server_duration_milliseconds_count',
  bucketMetric: 'http_server_duration_milliseconds_bucket',
  sumMetric: 'http_server_duration_milliseconds_sum',
  routeLabel: 'http_route',
  methodLabel: 'http_method',
  statusLabel: 'http_status_code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1000,
};

/** Spring Boot Micrometer: buckets only with `percentiles-histogram`; otherwise count, sum and max. */
export const MICROMETER: HttpConvention = {
  id: 'micrometer',
  countMetric: 'http_server_requests_seconds_count',
  bucketMetric: 'http_server_requests_seconds_bucket',
  sumMetric: 'http_server_requests_seconds_sum',
  routeLabel: 'uri',
  methodLabel: 'method',
  statusLabel: 'status',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/** express-prom-bundle (prom-client underneath): `path` holds the route, ids normalised to `#val`. */
export const EXPRESS_PROM_BUNDLE: HttpConvention = {
  id: 'express-prom-bundle',
  countMetric: 'http_request_duration_seconds_count',
  bucketMetric: 'http_request_duration_seconds_bucket',
  sumMetric: 'http_request_duration_seconds_sum',
  routeLabel: 'path',
  methodLabel: 'method',
  statusLabel: 'status_code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/** Hand-written prom-client middleware, usually labelled `route`. */
export const PROM_CLIENT: HttpConvention = { ...EXPRESS_PROM_BUNDLE, id: 'prom-client', routeLabel: 'route' };

/** prometheus-fastapi-instrumentator: a request counter with `status` (`2xx`…`5xx`), a latency histogram without it. */
export const FASTAPI_INSTRUMENTATOR: HttpConvention = {
  id: 'fastapi-instrumentator',
  countMetric: 'http_requests_total',
  bucketMetric: 'http_request_duration_seconds_bucket',
  sumMetric: 'http_request_duration_seconds_sum',
  routeLabel: 'handler',
  methodLabel: 'method',
  statusLabel: 'status',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/**
 * starlette_exporter (Starlette and FastAPI): a request counter and a latency histogram, each by `method`, `path` and
 * `status_code`; with `group_paths` (its default since 0.18) `path` is the route as Starlette matched it, the mounts'
 * paths included (`/api/v1/users/{user_id:int}`).
 */
export const STARLETTE_EXPORTER: HttpConvention = {
  id: 'starlette-exporter',
  countMetric: 'starlette_requests_total',
  bucketMetric: 'starlette_request_duration_seconds_bucket',
  sumMetric: 'starlette_request_duration_seconds_sum',
  routeLabel: 'path',
  methodLabel: 'method',
  statusLabel: 'status_code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/**
 * Vert.x's Micrometer metrics (vertx-micrometer-metrics with `Label.HTTP_ROUTE` enabled): a request counter and a
 * response-time histogram by `route` (the Vert.x Web route's path, `/v1/account/:address`), `method` and `code`.
 */
export const VERTX_MICROMETER: HttpConvention = {
  id: 'vertx-micrometer',
  countMetric: 'vertx_http_server_requests_total',
  bucketMetric: 'vertx_http_server_response_time_seconds_bucket',
  sumMetric: 'vertx_http_server_response_time_seconds_sum',
  routeLabel: 'route',
  methodLabel: 'method',
  statusLabel: 'code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1,
};

/**
 * go-zero's REST server: a counter of requests by `path` (the route as registered, prefix included), `code` and
 * `method` (go-zero before 1.5 had no `method`: each route then reads as any method), and a histogram in milliseconds
 * without the code.
 */
export const GO_ZERO: HttpConvention = {
  id: 'go-zero',
  countMetric: 'http_server_requests_code_total',
  bucketMetric: 'http_server_requests_duration_ms_bucket',
  sumMetric: 'http_server_requests_duration_ms_sum',
  routeLabel: 'path',
  methodLabel: 'method',
  statusLabel: 'code',
  serverErrors: '5..',
  serviceLabel: 'job',
  unitsPerSecond: 1000,
};

/**
 * gRPC servers: every call is a POST to `/<package>.<Service>/<Method>`, the route the code analysis gives each method
 * (routes/grpcServices.ts). Server errors are the status codes gRPC's own guidance counts as the server's: UNKNOWN,
 * DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS.
 */
const GRPC = { routeLabel: 'rpc_method', method: 'POST', serviceLabel: 'job' } as const;

/** OpenTelemetry's stable RPC conventions: `rpc.server.call.duration` in seconds, the method fully qualified (`shop.Cart/AddItem`). */
export const OTEL_RPC_STABLE: HttpConvention = {
  ...GRPC,
  id: 'otel-rpc-stable',
  countMetric: 'rpc_server_call_duration_seconds_count',
  bucketMetric: 'rpc_server_call_duration_seconds_bucket',
  sumMetric: 'rpc_server_call_duration_seconds_sum',
  routeLabels: ['rpc_method'],
  statusLabel: 'rpc_response_status_code',
  serverErrors: 'UNKNOWN|DEADLINE_EXCEEDED|UNIMPLEMENTED|INTERNAL|UNAVAILABLE|DATA_LOSS',
  unitsPerSecond: 1,
};

/** OpenTelemetry's RPC conventions before 1.38 (otelgrpc's default): `rpc.server.duration` in milliseconds, service and method apart. */
export const OTEL_RPC_OLD: HttpConvention = {
  ...GRPC,
  id: 'otel-rpc-old',
  countMetric: 'rpc_server_duration_milliseconds_count',
  bucketMetric: 'rpc_server_duration_milliseconds_bucket',
  sumMetric: 'rpc_server_duration_milliseconds_sum',
  routeLabels: ['rpc_service', 'rpc_method'],
  statusLabel: 'rpc_grpc_status_code',
  serverErrors: '2|4|12|13|14|15',
  unitsPerSecond: 1000,
};

/** go-grpc-prometheus and go-grpc-middleware's providers: a counter of handled calls, a histogram when enabled. */
export const GRPC_PROMETHEUS: HttpConvention = {
  ...GRPC,
  id: 'grpc-prometheus',
  countMetric: 'grpc_server_handled_total',
  bucketMetric: 'grpc_server_handling_seconds_bucket',
  sumMetric: 'grpc_server_handling_seconds_sum',
  routeLabel: 'grpc_method',
  routeLabels: ['grpc_service', 'grpc_method'],
  statusLabel: 'grpc_code',
  serverErrors: 'Unknown|DeadlineExceeded|Unimplemented|Internal|Unavailable|DataLoss',
  unitsPerSecond: 1,
};

/** go-zero's zrpc servers: `method` is the call's full path already (`/pb.order/createOrder`), `code` gRPC's number. */
export const GO_ZERO_RPC: HttpConvention = {
  ...GRPC,
  id: 'go-zero-rpc',
  countMetric: 'rpc_server_requests_code_total',
  bucketMetric: 'rpc_server_requests_duration_ms_bucket',
  sumMetric: 'rpc_server_requests_duration_ms_sum',
  routeLabel: 'method',
  statusLabel: 'code',
  serverErrors: '2|4|12|13|14|15',
  unitsPerSecond: 1000,
};

/** HTTP first: a service that answers both is shown by its HTTP routes (one convention per service). */
export const HTTP_CONVENTIONS: readonly HttpConvention[] = [
  OTEL_STABLE,
  OTEL_OLD,
  MICROMETER,
  EXPRESS_PROM_BUNDLE,
  PROM_CLIENT,
  FASTAPI_INSTRUMENTATOR,
  STARLETTE_EXPORTER,
  VERTX_MICROMETER,
  GO_ZERO,
  OTEL_RPC_STABLE,
  OTEL_RPC_OLD,
  GRPC_PROMETHEUS,
  GO_ZERO_RPC,
];

/** The latency histogram's `_count`, which counts the same requests as the bucket's `+Inf`. */
export function latencyCountMetric(c: HttpConvention): string | undefined {
  return c.bucketMetric?.replace(/_bucket$/, '_count');
}

/** The labels a convention's series are told apart by: service, the route's labels, the method's. */
export function groupingLabels(c: HttpConvention): string {
  return [c.serviceLabel, ...(c.routeLabels ?? [c.routeLabel]), ...(c.methodLabel ? [c.methodLabel] : [])].join(', ');
}

/** A series' route as the code writes it; undefined when a label of it is missing. */
export function routeOfSeries(c: HttpConvention, labels: Record<string, string>): string | undefined {
  if (!c.routeLabels) return labels[c.routeLabel] || undefined;
  const parts = c.routeLabels.map((l) => labels[l]);
  return parts.every(Boolean) ? `/${parts.join('/')}` : undefined;
}

/** A series' method, or undefined when neither a label nor the convention says. */
export function methodOfSeries(c: HttpConvention, labels: Record<string, string>): string | undefined {
  return (c.methodLabel ? labels[c.methodLabel] : undefined) || c.method;
}
