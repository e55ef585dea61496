import { WEBHOOK_DELIVERIES_PER_JOB, type WebhookDeliveriesJob, type WebhookDeliveryJob, type WebhookDeliveryRef } from '@vocalia/contracts';
import { batchJobs } from './job-batches';
import type { Producer } from './queue';

/** The deliveries a `webhook-deliveries` job carries, in order (a one-delivery job makes the attempt its row is due for). */
export function webhookDeliveriesOf(job: WebhookDeliveriesJob): (WebhookDeliveryRef | WebhookDeliveryJob)[] {
  return 'deliveries' in job ? job.deliveries : [job];
}

/** The job id of one delivery's attempt alone: the first is named after the delivery, later ones after the attempt. */
export function deliveryAttemptJobId(deliveryId: string, attempt: number): string {
  return attempt === 1 ? deliveryId : `${deliveryId}-${attempt}`;
}

/** One delivery's attempt as a job of its own. */
export function singleDeliveryJob(ref: WebhookDeliveryRef, requestId: string, at: string): WebhookDeliveryJob {
  return { v: 1, eventId: deliveryAttemptJobId(ref.deliveryId, ref.attempt), tenantId: ref.tenantId, requestId, at, deliveryId: ref.deliveryId, endpointId: ref.endpointId, eventType: ref.eventType };
}

/**
 * The jobs for these attempts: one alone keeps the one-delivery shape (and its job id), more go
 * WEBHOOK_DELIVERIES_PER_JOB per job in delivery id order, each job's id derived from its deliveries' ids
 * and attempts, so adding the same attempts again adds nothing. A delivery listed twice goes once.
 */
export function webhookDeliveryJobs(refs: WebhookDeliveryRef[], requestId: string, at: string): WebhookDeliveriesJob[] {
  const unique = [...new Map(refs.map((r) => [`${r.deliveryId}:${r.attempt}`, r])).values()].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : a.attempt - b.attempt));
  return batchJobs<WebhookDeliveryRef, WebhookDeliveriesJob>(
    unique,
    WEBHOOK_DELIVERIES_PER_JOB,
    (r) => `${r.deliveryId}:${r.attempt}`,
    (r) => singleDeliveryJob(r, requestId, at),
    (b) => ({ v: 1, eventId: `whb_${b.digest}`, tenantId: b.tenantId, requestId, at, deliveries: b.items }),
  );
}

/** Hands delivery attempts to webhook-router; resolves once their jobs are in Redis. */
export interface WebhookDeliveryEnqueuer {
  enqueue(refs: WebhookDeliveryRef[], requestId: string): Promise<void>;
}

interface Asked {
  refs: WebhookDeliveryRef[];
  requestId: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces the attempts asked for in one turn of the event loop (the commits that finished together)
 * into as few jobs as webhookDeliveryJobs makes, one add in Redis at a time: attempts asked for while an
 * add runs go together in the next one (idle, an attempt waits for nothing; busy, jobs grow with the load).
 * A batch job carries the first caller's request id; every caller of a flush gets the outcome of its add.
 */
export function createWebhookDeliveryEnqueuer(producer: Producer<'webhook-deliveries'>, clock: () => Date = () => new Date()): WebhookDeliveryEnqueuer {
  let asked: Asked[] = [];
  let adding = false;
  let scheduled = false;
  const schedule = () => {
    if (adding || scheduled || !asked.length) return;
    scheduled = true;
    setImmediate(flush);
  };
  function flush(): void {
    scheduled = false;
    const turn = asked;
    asked = [];
    const [first] = turn;
    if (!first) return;
    adding = true;
    Promise.resolve()
      .then(() => Promise.all(webhookDeliveryJobs(turn.flatMap((a) => a.refs), first.requestId, clock().toISOString()).map((job) => producer.add(job))))
      .then(
        () => turn.forEach((a) => a.resolve()),
        (err: unknown) => turn.forEach((a) => a.reject(err)),
      )
      .finally(() => {
        adding = false;
        schedule();
      });
  }
  return {
    enqueue(refs, requestId) {
      if (!refs.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        asked.push({ refs, requestId, resolve, reject });
        schedule();
      });
    },
  };
}
