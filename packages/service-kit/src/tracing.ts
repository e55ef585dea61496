import type { Closer } from './shutdown';

/** The started OpenTelemetry SDK: flushes and stops the exporter on shutdown. */
export interface Tracing {
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * Starts OpenTelemetry (OTLP/HTTP trace exporter, http + express + ioredis + pg instrumentations) when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise loads nothing. Call it before express, ioredis or pg
 * are required (each service's `src/tracing.ts`, imported first by its main.ts), so they get patched.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  // Required here, not imported at the top: without the variable the SDK is never loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startOtelSdk } = require('./otel-sdk') as typeof import('./otel-sdk');
  started ??= startOtelSdk(env.OTEL_SERVICE_NAME ?? service);
  return started;
}

/** The closer that sends the spans still buffered, when tracing was started; none otherwise. */
export function tracingClosers(): Closer[] {
  const tracing = started;
  return tracing ? [{ name: 'traces', close: () => tracing.shutdown() }] : [];
}
