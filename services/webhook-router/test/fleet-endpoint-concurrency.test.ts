import { createRedis, createPlaces, PLACE_KINDS, webhookDeliveryJobs } from '@vocalia/service-kit';
import { startReceiver, type Receiver } from './support/receiver';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

const HOLD_MS = 300;

describe('WEBHOOK_ENDPOINT_CONCURRENCY across replicas', () => {
  let t: DeliveryTestApp;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    t = await startDeliveryTestApp({ WEBHOOK_ENDPOINT_CONCURRENCY: '2' }, { retryDelaysMs: [20], jitter: (ms) => ms });
    t.replica();
  });
  afterAll(async () => {
    await receiver?.close();
    await t.stop();
  });

  it('when two replicas deliver to one endpoint, then it never has more than its 2 attempts in flight, and every delivery arrives once', async () => {
    const ep = await t.endpoint('http://placeholder');
    let inFlight = 0;
    let most = 0;
    receiver = await startReceiver(ep.secret, (_n, _req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(204).end();
      }, HOLD_MS);
    });
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const alone = await Promise.all(Array.from({ length: 8 }, () => t.delivery(ep)));
    const together = await Promise.all(Array.from({ length: 4 }, () => t.delivery(ep, { enqueue: false })));
    const refs = together.map((r) => ({ tenantId: r.tenantId, deliveryId: r.id, endpointId: r.endpointId, eventType: r.eventType, attempt: 1 }));
    await Promise.all(webhookDeliveryJobs(refs, 'req-fleet', new Date().toISOString()).map((job) => t.deps.producer.add(job)));
    for (const row of [...alone, ...together]) expect(await t.settled(row.id, 30_000)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(receiver.received).toHaveLength(12);
    expect(most).toBe(2);
    const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
    expect(await createPlaces({ redis, keyPrefix: t.queuePrefix, kind: PLACE_KINDS.webhookAttempts }).count(ep.endpointId)).toBe(0);
    await redis.quit();
  });
});
