/**
 * Metric naming conventions for HTTP server metrics, as data. Each names the histogram and the labels that
 * carry the route, the method and the status. OpenTelemetry's stable semantic conventions come first.
 */
export interface HttpConvention {
  id: string;
  countMetric: string;
  bucketMetric?: string;
  routeLabel: string;
  methodLabel: string;
  statusLabel: string;
  /** Label matcher value selecting server errors. */
  serverErrors: string;
  serviceLabel: string;
}

export const OTEL_STABLE: HttpConvention = {
  id: 'otel-stable',
  countMetric: 'http_server_request_duration_seconds_count',
  bucketMetric: 'http_server_request_duration_seconds_bucket',
  routeLabel: 'http_route',
  methodLabel: 'http_request_method',
  statusLabel: 'http_response_status_code',
  serverErrors: '5..',
  serviceLabel: 'job',
};

export const HTTP_CONVENTIONS: HttpConvention[] = [OTEL_STABLE];
