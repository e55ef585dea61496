import request from 'supertest';
import { createLogger, createRedis, type Redis } from '@vocalia/service-kit';
import { createApp } from '../src/app';
import { startReceiver } from './support/receiver';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

const fast = { retryDelaysMs: [20, 20], jitter: (ms: number) => ms };

/** One sample of webhook-router's /metrics, by its full name and labels as Prometheus prints them. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

describe('outbound webhook metrics', () => {
  let t: DeliveryTestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startDeliveryTestApp({}, fast);
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'client');
  });
  afterAll(async () => {
    await redis.quit();
    await t.stop();
  });

  it('when deliveries are attempted, then /metrics counts each attempt by outcome and the lag from the row recorded to the 2xx', async () => {
    const [first, retried] = [await t.endpoint('http://placeholder'), await t.endpoint('http://placeholder')];
    const [ok, flaky] = [await startReceiver(first.secret), await startReceiver(retried.secret, (n, _req, res) => res.writeHead(n === 1 ? 500 : 200).end())];
    await t.deps.prisma.webhookEndpoint.update({ where: { id: first.endpointId }, data: { url: ok.url } });
    await t.deps.prisma.webhookEndpoint.update({ where: { id: retried.endpointId }, data: { url: flaky.url } });

    // Recorded 40 s ago (its event committed then, its job lost until now): its lag says so.
    const late = await t.delivery(first, { enqueue: false });
    await t.deps.prisma.webhookDelivery.update({ where: { id: late.id }, data: { createdAt: new Date(Date.now() - 40_000) } });
    await t.deps.producer.add({ v: 1, eventId: late.id, tenantId: first.tenantId, requestId: 'req-late', at: new Date().toISOString(), deliveryId: late.id, endpointId: first.endpointId, eventType: 'lead.qualified' });
    const again = await t.delivery(retried);
    expect(await t.settled(late.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await t.settled(again.id)).toMatchObject({ status: 'delivered', attempts: 2 });

    const res = await request(createApp({ logger: createLogger('webhook-router', 'silent'), redis })).get('/metrics').expect(200);
    expect(sample(res.text, 'webhook_attempts_total{outcome="delivered"}')).toBe(2);
    expect(sample(res.text, 'webhook_attempts_total{outcome="retry"}')).toBe(1);
    expect(sample(res.text, 'webhook_attempt_duration_seconds_count{outcome="retry"}')).toBe(1);
    expect(sample(res.text, 'webhook_delivery_lag_seconds_count{attempt="first"}')).toBe(1);
    expect(sample(res.text, 'webhook_delivery_lag_seconds_bucket{le="30",attempt="first"}')).toBe(0);
    expect(sample(res.text, 'webhook_delivery_lag_seconds_bucket{le="60",attempt="first"}')).toBe(1);
    expect(sample(res.text, 'webhook_delivery_lag_seconds_count{attempt="retried"}')).toBe(1);
    expect(sample(res.text, 'webhook_delivery_lag_seconds_bucket{le="10",attempt="retried"}')).toBe(1);
    await Promise.all([ok.close(), flaky.close()]);
  });
});
