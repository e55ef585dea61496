import { z } from 'zod';

/** W3C trace context of the span that enqueued a job, so the worker's span joins the same trace. */
export const JobTraceContext = z.object({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/),
  tracestate: z.string().max(512).optional(),
});
export type JobTraceContext = z.infer<typeof JobTraceContext>;

/** Fields every queue payload carries: version, tenant, the request that caused it, its own id. */
export const Envelope = z.object({
  v: z.literal(1),
  eventId: z.string().min(8).max(128),
  tenantId: z.string().min(1),
  requestId: z.string().min(1),
  at: z.iso.datetime(),
  /** Present only when the producer runs with tracing on (OTEL_EXPORTER_OTLP_ENDPOINT set). */
  trace: JobTraceContext.optional(),
});
