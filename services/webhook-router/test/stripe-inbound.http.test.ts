import Stripe from 'stripe';
import request from 'supertest';
import { createLogger, createProducer, createRedis, type Producer, type Redis } from '@vocalia/service-kit';
import { createApp } from '../src/app';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const secret = 'whsec_test_platform_secret';

function stripeEvent(id: string, customer: string | null): string {
  return JSON.stringify({ id, object: 'event', type: 'invoice.paid', api_version: '2025-08-27', created: 1764626400, data: { object: { id: 'in_1', object: 'invoice', customer } } });
}

function signed(payload: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}

describe('inbound Stripe webhooks', () => {
  let t: DeliveryTestApp;
  let redis: Redis;
  let producer: Producer<'inbound-events'>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await startDeliveryTestApp();
    redis = createRedis(REDIS_URL, 'worker');
    producer = createProducer('inbound-events', { connection: redis, prefix: t.queuePrefix });
    const logger = createLogger('webhook-router', 'silent');
    app = createApp({ logger, redis, inbound: { logger, prisma: t.deps.prisma, producer, stripeWebhookSecret: secret, publicBaseUrl: 'http://localhost:8080', clock: () => new Date() } });
  });
  afterAll(async () => {
    await producer.close();
    await redis.quit();
    await t.stop();
  });

  const post = (body: string, signature?: string) => {
    const req = request(app).post('/webhooks/stripe').set('content-type', 'application/json');
    return (signature ? req.set('stripe-signature', signature) : req).send(body);
  };

  it("when a signed event arrives twice, then it is stored once, acknowledged both times, and enqueued once for the customer's tenant", async () => {
    const tenant = await t.deps.prisma.tenant.create({ data: { name: 'Billing', slug: 'billing-stripe', stripeCustomerId: 'cus_123' } });
    const body = stripeEvent('evt_once_1', 'cus_123');
    const first = await post(body, signed(body));
    expect([first.status, first.body]).toEqual([200, { received: true, duplicate: false }]);
    const second = await post(body, signed(body));
    expect([second.status, second.body]).toEqual([200, { received: true, duplicate: true }]);
    const rows = await t.deps.prisma.inboundEvent.findMany({ where: { provider: 'stripe', providerEventId: 'evt_once_1' } });
    expect(rows).toEqual([expect.objectContaining({ tenantId: tenant.id, type: 'invoice.paid' })]);
    expect(await producer.queue.getJobCounts('waiting', 'delayed', 'active', 'completed')).toMatchObject({ waiting: 1 });
    expect((await producer.queue.getJob('stripe-evt_once_1'))?.data).toMatchObject({ tenantId: tenant.id, inboundEventId: rows[0]?.id, provider: 'stripe' });
  });

  it('when an event concerns no tenant yet, then it is still accepted, with no tenant', async () => {
    const body = stripeEvent('evt_no_tenant', null);
    expect((await post(body, signed(body))).status).toBe(200);
    expect((await t.deps.prisma.inboundEvent.findFirstOrThrow({ where: { providerEventId: 'evt_no_tenant' } })).tenantId).toBeNull();
    expect((await producer.queue.getJob('stripe-evt_no_tenant'))?.data.tenantId).toBeUndefined();
  });

  it('when the body is tampered with or the signature is missing, then 400 and nothing is stored', async () => {
    const body = stripeEvent('evt_tampered', null);
    const tampered = await post(body.replace('invoice.paid', 'invoice.voided'), signed(body));
    expect(tampered.status).toBe(400);
    expect(tampered.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await post(body)).status).toBe(400);
    expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: 'evt_tampered' } })).toBe(0);
  });

  it('when the body is over 1 MB, then 413; when the provider is unknown, then 404', async () => {
    const big = JSON.stringify({ id: 'evt_big', pad: 'x'.repeat(1_100_000) });
    expect((await post(big, signed(big))).status).toBe(413);
    expect((await request(app).post('/webhooks/nope').send({})).status).toBe(404);
    expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: 'evt_big' } })).toBe(0);
  });
});
