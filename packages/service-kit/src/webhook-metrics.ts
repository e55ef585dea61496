import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics';

const attempts = new Counter({
  name: 'webhook_attempts_total',
  help: 'Webhook attempts made (claimed and sent), by what came of them: delivered, retry (scheduled again) or failed (no attempt left, or the endpoint disabled)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

const attemptDuration = new Histogram({
  name: 'webhook_attempt_duration_seconds',
  help: "Time one webhook POST took, to the end of the tenant endpoint's answer or the error, by outcome",
  labelNames: ['outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
  registers: [metricsRegistry],
});

const deliveryLag = new Histogram({
  name: 'webhook_delivery_lag_seconds',
  help: 'Time from a delivery recorded (its event committed) to the tenant endpoint answering 2xx; attempt: first, or retried (the retry schedule included)',
  labelNames: ['attempt'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
  registers: [metricsRegistry],
});

/** webhook-router: one attempt of an outbound delivery. */
export interface WebhookAttemptObservation {
  outcome: 'delivered' | 'retry' | 'failed';
  /** The POST's own time. */
  postMs: number;
  /** This attempt's number (1 = the first). */
  attempt: number;
  /** Recorded -> the endpoint answered, for a delivered attempt. */
  lagMs: number;
}

export function observeWebhookAttempt(o: WebhookAttemptObservation): void {
  attempts.inc({ outcome: o.outcome });
  attemptDuration.observe({ outcome: o.outcome }, o.postMs / 1000);
  if (o.outcome === 'delivered') deliveryLag.observe({ attempt: o.attempt === 1 ? 'first' : 'retried' }, o.lagMs / 1000);
}
