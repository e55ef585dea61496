import { sweepDueDeliveries, SWEEP_GRACE_MS } from '../src/deliveries/sweep-due-deliveries';
import { startReceiver } from './support/receiver';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

describe('a delivery whose job failed for good while PostgreSQL was unreachable', () => {
  let t: DeliveryTestApp;
  let now = new Date();
  beforeAll(async () => {
    t = await startDeliveryTestApp({}, { retryDelaysMs: [600_000], jitter: (ms) => ms, clock: () => now });
  });
  afterAll(() => t.stop());

  it('when every BullMQ retry of its job failed, then the sweeper replaces the dead job and the delivery is sent once', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret);
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep, { enqueue: false });
    const jobId = `${d.id}-1`;
    // The worker's reads of webhook_deliveries fail as they do while PostgreSQL is down, for the job's whole retry budget.
    await t.deps.prisma.$executeRawUnsafe('ALTER TABLE webhook_deliveries RENAME TO webhook_deliveries_unreachable');
    try {
      await t.deps.producer.add({ v: 1, eventId: jobId, tenantId: ep.tenantId, requestId: 'req-pg-down', at: now.toISOString(), deliveryId: d.id, endpointId: ep.endpointId, eventType: d.eventType }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
      while ((await t.deps.producer.queue.getJobState(jobId)) !== 'failed') await new Promise((r) => setTimeout(r, 25));
    } finally {
      await t.deps.prisma.$executeRawUnsafe('ALTER TABLE webhook_deliveries_unreachable RENAME TO webhook_deliveries');
    }
    expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'pending', attempts: 0 });

    now = new Date(Date.now() + SWEEP_GRACE_MS + 1000);
    expect(await sweepDueDeliveries(t.deps)).toBe(1);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([d.eventId]);
    await receiver.close();
  });
});
