import { WebhookDeliveriesJob } from '@vocalia/contracts';
import { deliveryAttemptJobId, webhookDeliveriesOf, type Producer } from '@vocalia/service-kit';

/**
 * The queued job entry making this attempt of a delivery: a job of its own (found by its id), or the
 * delivery's entry in a job of several. Undefined when no job carries it.
 */
export async function queuedWebhookAttempt({ queue }: Producer<'webhook-deliveries'>, deliveryId: string, attempt = 1): Promise<Record<string, unknown> | undefined> {
  const own = await queue.getJob(deliveryAttemptJobId(deliveryId, attempt));
  if (own) return own.data as Record<string, unknown>;
  const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
  for (const job of jobs) {
    const data = WebhookDeliveriesJob.parse(job.data);
    if (!('deliveries' in data)) continue;
    const found = webhookDeliveriesOf(data).find((d) => d.deliveryId === deliveryId && 'attempt' in d && d.attempt === attempt);
    if (found) return { ...found, requestId: data.requestId };
  }
  return undefined;
}
