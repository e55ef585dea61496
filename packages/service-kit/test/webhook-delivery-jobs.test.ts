import { WEBHOOK_DELIVERIES_PER_JOB, WebhookDeliveriesJob, type WebhookDeliveryRef } from '@vocalia/contracts';
import { createWebhookDeliveryEnqueuer, webhookDeliveryJobs, type Producer } from '../src';

const ref = (n: number, attempt = 1, tenantId = 'tenant-a'): WebhookDeliveryRef => ({ tenantId, deliveryId: `dlv_${String(n).padStart(4, '0')}`, endpointId: `ep_${n % 3}`, eventType: 'lead.qualified', attempt });
const AT = '2026-12-02T07:00:00.000Z';

/** A producer that keeps what it is given (validated as the real one validates). */
function recordingProducer(): { producer: Producer<'webhook-deliveries'>; added: WebhookDeliveriesJob[] } {
  const added: WebhookDeliveriesJob[] = [];
  const producer = {
    add: async (payload: WebhookDeliveriesJob) => {
      added.push(WebhookDeliveriesJob.parse(payload));
      return payload.eventId;
    },
  } as unknown as Producer<'webhook-deliveries'>;
  return { producer, added };
}

describe('webhook delivery jobs', () => {
  it('when one attempt is enqueued, then it keeps the one-delivery shape and its job id names the attempt', () => {
    expect(webhookDeliveryJobs([ref(1)], 'req', AT)).toEqual([{ v: 1, eventId: 'dlv_0001', tenantId: 'tenant-a', requestId: 'req', at: AT, deliveryId: 'dlv_0001', endpointId: 'ep_1', eventType: 'lead.qualified' }]);
    expect(webhookDeliveryJobs([ref(1, 3)], 'req', AT)[0]?.eventId).toBe('dlv_0001-3');
  });

  it('when more attempts than a job holds are enqueued, in any order and one twice, then each goes once and the ids depend only on the attempts', () => {
    const refs = Array.from({ length: WEBHOOK_DELIVERIES_PER_JOB + 1 }, (_v, i) => ref(i, 1, i % 2 ? 'tenant-a' : 'tenant-b'));
    const jobs = webhookDeliveryJobs([...refs, refs[5] as WebhookDeliveryRef], 'req', AT);
    expect(jobs.map((j) => ('deliveries' in j ? j.deliveries.length : 1))).toEqual([WEBHOOK_DELIVERIES_PER_JOB, 1]);
    expect(jobs[0]).toMatchObject({ tenantId: null, eventId: expect.stringMatching(/^whb_[0-9a-f]{40}$/) });
    expect(webhookDeliveryJobs([...refs].reverse(), 'other', AT).map((j) => j.eventId)).toEqual(jobs.map((j) => j.eventId));
    expect(webhookDeliveryJobs(refs.map((r) => ({ ...r, attempt: 2 })), 'req', AT)[0]?.eventId).not.toBe(jobs[0]?.eventId);
  });

  it('when attempts are asked for in one event-loop turn, then they share one job; asked for in the next turn, they go in another', async () => {
    const { producer, added } = recordingProducer();
    const enqueuer = createWebhookDeliveryEnqueuer(producer, () => new Date(AT));
    await Promise.all([enqueuer.enqueue([ref(1)], 'req-1'), enqueuer.enqueue([ref(2), ref(3)], 'req-2')]);
    await enqueuer.enqueue([ref(4)], 'req-3');
    expect(added.map((j) => ('deliveries' in j ? j.deliveries.map((d) => d.deliveryId) : [j.deliveryId]))).toEqual([['dlv_0001', 'dlv_0002', 'dlv_0003'], ['dlv_0004']]);
    expect(added[0]).toMatchObject({ tenantId: 'tenant-a', requestId: 'req-1' });
  });

  it('when attempts are asked for while an add is still in Redis\'s hands, then they wait for it and go together in the next one', async () => {
    const added: string[][] = [];
    const pending: (() => void)[] = [];
    const producer = {
      add: (payload: WebhookDeliveriesJob) => {
        added.push('deliveries' in payload ? payload.deliveries.map((d) => d.deliveryId) : [payload.deliveryId]);
        return new Promise<string>((resolve) => pending.push(() => resolve(payload.eventId)));
      },
    } as unknown as Producer<'webhook-deliveries'>;
    const enqueuer = createWebhookDeliveryEnqueuer(producer, () => new Date(AT));
    const first = enqueuer.enqueue([ref(1)], 'req-1');
    await new Promise((resolve) => setImmediate(resolve));
    const later = [enqueuer.enqueue([ref(2)], 'req-2')];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(enqueuer.enqueue([ref(3)], 'req-3'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(added).toEqual([['dlv_0001']]);
    pending.shift()?.();
    await first;
    // The add's callers are answered first, then the next flush is scheduled on the following turn.
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(added).toEqual([['dlv_0001'], ['dlv_0002', 'dlv_0003']]);
    pending.shift()?.();
    await Promise.all(later);
  });

  it('when the add fails, then every caller of that turn gets the error', async () => {
    const producer = { add: () => Promise.reject(new Error('redis away')) } as unknown as Producer<'webhook-deliveries'>;
    const enqueuer = createWebhookDeliveryEnqueuer(producer);
    const asked = [enqueuer.enqueue([ref(1)], 'a'), enqueuer.enqueue([ref(2)], 'b')];
    await expect(Promise.all(asked.map((p) => p.then(() => 'ok', (err: Error) => err.message)))).resolves.toEqual(['redis away', 'redis away']);
  });
});
