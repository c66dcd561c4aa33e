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
  methodLabel: string;
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

export const HTTP_CONVENTIONS: readonly HttpConvention[] = [
  OTEL_STABLE,
  OTEL_OLD,
  MICROMETER,
  EXPRESS_PROM_BUNDLE,
  PROM_CLIENT,
  FASTAPI_INSTRUMENTATOR,
];

/** The latency histogram's `_count`, which counts the same requests as the bucket's `+Inf`. */
export function latencyCountMetric(c: HttpConvention): string | undefined {
  return c.bucketMetric?.replace(/_bucket$/, '_count');
}
