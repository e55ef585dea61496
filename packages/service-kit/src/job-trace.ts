import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { JobTraceContext } from '@vocalia/contracts';

// The API alone: with no SDK started (OTEL_EXPORTER_OTLP_ENDPOINT unset) every call below is a no-op.
const tracer = () => trace.getTracer('@vocalia/service-kit');

const messaging = (queue: string, operation: 'send' | 'process') => ({
  'messaging.system': 'bullmq',
  'messaging.destination.name': queue,
  'messaging.operation.type': operation,
});

/**
 * The payload with the trace context of a `<queue> publish` span, child of the active span, so the
 * worker's span joins the same trace; the payload unchanged when nothing is being traced.
 */
export function withJobTrace<T extends object>(queue: string, payload: T): T {
  if (!trace.getActiveSpan()) return payload;
  const span = tracer().startSpan(`${queue} publish`, { kind: SpanKind.PRODUCER, attributes: messaging(queue, 'send') });
  const carrier: Partial<JobTraceContext> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  span.end();
  return carrier.traceparent ? Object.assign({}, payload, { trace: carrier }) : payload;
}

/** Runs a job inside a `<queue> process` span, child of the span that enqueued it when the job carries one. */
export function inJobSpan<T>(queue: string, jobId: string | undefined, carried: JobTraceContext | undefined, run: () => Promise<T>): Promise<T> {
  const parent = carried ? propagation.extract(ROOT_CONTEXT, carried) : ROOT_CONTEXT;
  const attributes = Object.assign(messaging(queue, 'process'), jobId ? { 'messaging.message.id': jobId } : {});
  return tracer().startActiveSpan(`${queue} process`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await run();
    } catch (err) {
      // A job put back for later (deferJob) did not fail.
      if (!(err instanceof Error && err.name === 'DelayedError')) {
        span.recordException(err instanceof Error ? err : String(err));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw err;
    } finally {
      span.end();
    }
  });
}
