import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Tracing } from './tracing';

/** Query parameters that carry tokens, OAuth codes, phone numbers or visitors' words: recorded as REDACTED. */
const REDACTED_QUERY_PARAMS = ['token', 'code', 'state', 'number', 'from', 'to', 'q', 'contains', 'key', 'sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature'];

/** Probes and scrapes would fill every trace store with one-span traces. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * The OpenTelemetry Node SDK: the exporter and propagation read the standard OTEL_* variables
 * (endpoint, headers, W3C `traceparent`); no metrics or logs are exported; Redis and PostgreSQL calls are traced inside a request or job only.
 */
export function startOtelSdk(serviceName: string): Tracing {
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    // Traces only: metrics are prom-client's /metrics, logs are the JSON lines on stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
        redactedQueryParams: REDACTED_QUERY_PARAMS,
        redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
      }),
      new ExpressInstrumentation(),
      // The command alone: arguments are keys, job payloads and conversation text.
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
