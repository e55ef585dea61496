import { sweepDueDeliveries, SWEEP_GRACE_MS } from '../src/deliveries/sweep-due-deliveries';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';
import { startOwnRedis, type OwnRedis } from './support/own-redis';
import { startReceiver } from './support/receiver';

const BACKOFF_MS = 600_000;

describe('outbound webhook deliveries across a real Redis restart', () => {
  let redis: OwnRedis;
  let t: DeliveryTestApp;
  let now = new Date();
  beforeAll(async () => {
    redis = await startOwnRedis();
    t = await startDeliveryTestApp({ REDIS_URL: redis.url, WEBHOOK_SWEEP_INTERVAL_MS: '1000' }, { retryDelaysMs: [BACKOFF_MS], jitter: (ms) => ms, clock: () => now, sweeper: true });
  });
  afterAll(async () => {
    await t.stop();
    await redis.stop();
  });

  it('when Redis restarts empty while a delivery waits in backoff, then the periodic sweeper delivers it exactly once', async () => {
    const ep = await t.endpoint('http://placeholder');
    const receiver = await startReceiver(ep.secret, (n, _req, res) => res.writeHead(n === 1 ? 503 : 200).end());
    await t.deps.prisma.webhookEndpoint.update({ where: { id: ep.endpointId }, data: { url: receiver.url } });
    const d = await t.delivery(ep);
    const retryJob = `${d.id}-2`;
    await receiver.waitFor(1);
    while ((await t.deps.producer.queue.getJobState(retryJob)) !== 'delayed') await new Promise((r) => setTimeout(r, 25));

    await redis.restart();
    while ((await t.deps.producer.queue.getJobState(retryJob).catch(() => 'unreachable')) !== 'unknown') await new Promise((r) => setTimeout(r, 25));
    expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });

    now = new Date(now.getTime() + BACKOFF_MS + SWEEP_GRACE_MS + 1000);
    expect(await t.settled(d.id)).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect(await sweepDueDeliveries(t.deps)).toBe(0);
    const attempts = await t.deps.prisma.webhookAttempt.findMany({ where: { deliveryId: d.id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 200]]);
    // The test clock jumped 10 minutes ahead, so the receiver's verifier finds the second timestamp too new: the ids say it all.
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([d.eventId, d.eventId]);
    await receiver.close();
  });
});
