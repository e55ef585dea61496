import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { createLogger, createProducer, createRedis, type Producer, type Redis } from '@vocalia/service-kit';
import { createApp } from '../src/app';
import { createIntegrationSecrets } from '../src/inbound/integration-secrets';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';
import { startFakeDbApiSecrets, type FakeDbApiSecrets } from './support/fake-db-api-secrets';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLIC_BASE_URL = 'https://vocalia.example.com';
const fixture = (name: string) => readFileSync(resolve(__dirname, '../../../packages/contracts/fixtures/providers', name), 'utf8');
const NOW = new Date('2026-12-02T07:00:30.000Z');

// Signing as each provider documents it, written here independently of the code under test.
const shopifySign = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');
const hubspotSign = (secret: string, method: string, uri: string, body: string, timestamp: string) => createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`, 'utf8').digest('base64');
const klaviyoSign = (secret: string, body: string, timestamp: string) => createHmac('sha256', secret).update(`${body}${timestamp}`, 'utf8').digest('hex');

describe('inbound Shopify, HubSpot and Klaviyo webhooks', () => {
  let t: DeliveryTestApp;
  let redis: Redis;
  let producer: Producer<'inbound-events'>;
  let dbApi: FakeDbApiSecrets;
  let app: ReturnType<typeof createApp>;
  let tenantId: string;
  const shopSecret = `shpss_${randomBytes(16).toString('hex')}`;
  const hubspotSecret = 'b9f1c6a2-4d3e-4f5a-9c8b-7e6d5c4b3a21';
  const klaviyoSecret = `kl_${randomBytes(20).toString('hex')}`;

  beforeAll(async () => {
    t = await startDeliveryTestApp();
    redis = createRedis(REDIS_URL, 'worker');
    producer = createProducer('inbound-events', { connection: redis, prefix: t.queuePrefix });
    dbApi = await startFakeDbApiSecrets();
    tenantId = (await t.deps.prisma.tenant.create({ data: { name: 'Riad Shop', slug: `riad-${randomBytes(4).toString('hex')}`, plan: 'ecommerce' } })).id;
    dbApi.connections.set('shopify/riad-shop.myshopify.com', { tenantId, connectionId: 'conn_shop', secret: shopSecret });
    dbApi.connections.set('hubspot/24601357', { tenantId, connectionId: 'conn_hub', secret: hubspotSecret });
    dbApi.connections.set('klaviyo/XyZ9Ab', { tenantId, connectionId: 'conn_kla', secret: klaviyoSecret });
    const logger = createLogger('webhook-router', 'silent');
    const integrationSecrets = createIntegrationSecrets({ dbApiUrl: dbApi.url, token: dbApi.token, timeoutMs: 2000, ttlMs: 60_000, clock: () => NOW.getTime() });
    app = createApp({ logger, redis, inbound: { logger, prisma: t.deps.prisma, producer, integrationSecrets, publicBaseUrl: PUBLIC_BASE_URL, clock: () => NOW } });
  });
  afterAll(async () => {
    await dbApi.close();
    await producer.close();
    await redis.quit();
    await t.stop();
  });

  const stored = (provider: string) => t.deps.prisma.inboundEvent.findMany({ where: { provider }, orderBy: { providerEventId: 'asc' } });

  describe('Shopify', () => {
    const order = fixture('shopify-orders-create.json');
    const post = (body: string, headers: Record<string, string>) => request(app).post('/webhooks/shopify').set({ 'content-type': 'application/json', ...headers }).send(body);
    const headersFor = (body: string, webhookId: string, topic = 'orders/create', secret = shopSecret) => ({
      'x-shopify-topic': topic, 'x-shopify-shop-domain': 'riad-shop.myshopify.com', 'x-shopify-webhook-id': webhookId, 'x-shopify-api-version': '2025-10',
      'x-shopify-hmac-sha256': shopifySign(secret, body),
    });

    it('when a signed orders/create arrives twice, then it is stored once for the shop\'s tenant, acknowledged both times and enqueued once', async () => {
      const first = await post(order, headersFor(order, 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'));
      expect([first.status, first.body]).toEqual([200, { received: true, duplicate: false }]);
      const again = await post(order, headersFor(order, 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'));
      expect([again.status, again.body]).toEqual([200, { received: true, duplicate: true }]);
      expect(await stored('shopify')).toEqual([expect.objectContaining({ tenantId, type: 'orders/create', providerEventId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', payload: JSON.parse(order) })]);
      expect((await producer.queue.getJob('shopify-b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'))?.data).toMatchObject({ tenantId, provider: 'shopify', type: 'orders/create' });
      expect(await producer.queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    });

    it('when the body is tampered with, the secret is wrong, the HMAC is missing or the shop is not connected, then 400 naming the header and nothing is stored', async () => {
      const webhookId = 'c1d2e3f4-0000-4000-8000-000000000001';
      const tampered = await post(order.replace('"1340.00"', '"1.00"'), headersFor(order, webhookId));
      expect(tampered.status).toBe(400);
      expect(tampered.body.errors).toEqual([{ path: 'headers.x-shopify-hmac-sha256', message: 'does not match the body' }]);
      expect((await post(order, headersFor(order, webhookId, 'orders/create', 'shpss_not_the_shop_secret'))).status).toBe(400);
      const { 'x-shopify-hmac-sha256': _dropped, ...unsigned } = headersFor(order, webhookId);
      expect((await post(order, unsigned)).status).toBe(400);
      expect((await post(order, { ...headersFor(order, webhookId), 'x-shopify-shop-domain': 'other.myshopify.com' })).body.errors[0].path).toBe('headers.x-shopify-shop-domain');
      expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: webhookId } })).toBe(0);
    });
  });

  describe('HubSpot', () => {
    const events = fixture('hubspot-contact-events.json');
    const uri = `${PUBLIC_BASE_URL}/webhooks/hubspot`;
    const post = (body: string, headers: Record<string, string>) => request(app).post('/webhooks/hubspot').set({ 'content-type': 'application/json', ...headers }).send(body);
    const signedAt = (body: string, at: number, signUri = uri) => ({
      'x-hubspot-request-timestamp': String(at),
      'x-hubspot-signature-v3': hubspotSign(hubspotSecret, 'POST', signUri, body, String(at)),
      'x-hubspot-signature-version': 'v3',
    });

    it('when a signed v3 batch arrives twice, then each event is stored once for the portal\'s tenant and the re-delivery is acknowledged', async () => {
      const first = await post(events, signedAt(events, NOW.getTime() - 1000));
      expect([first.status, first.body]).toEqual([200, { received: true, duplicate: false }]);
      expect((await post(events, signedAt(events, NOW.getTime()))).body).toEqual({ received: true, duplicate: true });
      const rows = await stored('hubspot');
      expect(rows.map((r) => [r.providerEventId, r.type, r.tenantId])).toEqual([
        ['24601357-1785903412', 'contact.creation', tenantId],
        ['24601357-1785903413', 'contact.propertyChange', tenantId],
        ['24601357-1785903414', 'contact.propertyChange', tenantId],
        ['24601357-1785903415', 'contact.propertyChange', tenantId],
      ]);
      expect(rows[1]?.payload).toEqual(JSON.parse(events)[1]);
      expect((await producer.queue.getJob('hubspot-24601357-1785903413'))?.data).toMatchObject({ tenantId, provider: 'hubspot' });
    });

    it('when the timestamp is over 5 minutes old, the body is tampered with, or another URI was signed, then 400 and nothing is stored', async () => {
      const fresh = events.replaceAll('17859034', '27859034');
      const old = await post(fresh, signedAt(fresh, NOW.getTime() - 5 * 60_000 - 1));
      expect([old.status, old.body.errors]).toEqual([400, [{ path: 'headers.x-hubspot-request-timestamp', message: 'more than 5 minutes away' }]]);
      expect((await post(fresh.replace('karim.idrissi', 'mallory'), signedAt(fresh, NOW.getTime()))).status).toBe(400);
      expect((await post(fresh, signedAt(fresh, NOW.getTime(), 'https://elsewhere.example/webhooks/hubspot'))).status).toBe(400);
      expect((await post(fresh, { 'x-hubspot-request-timestamp': String(NOW.getTime()) })).status).toBe(400);
      expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: { startsWith: '24601357-278' } } })).toBe(0);
    });
  });

  describe('Klaviyo', () => {
    const body = fixture('klaviyo-system-webhook.json');
    const timestamp = '2026-12-02T07:00:01.123456+00:00';
    const post = (raw: string, headers: Record<string, string>) => request(app).post('/webhooks/klaviyo').set({ 'content-type': 'application/json', ...headers }).send(raw);
    const signed = (raw: string, at = timestamp, secret = klaviyoSecret) => ({ 'klaviyo-webhook-id': '01KBC2WEBHOOK0000000000001', 'klaviyo-timestamp': at, 'klaviyo-signature': klaviyoSign(secret, raw, at) });

    it('when a signed system webhook arrives twice, then its event is stored once for the account\'s tenant', async () => {
      expect((await post(body, signed(body))).body).toEqual({ received: true, duplicate: false });
      expect((await post(body, signed(body))).body).toEqual({ received: true, duplicate: true });
      expect(await stored('klaviyo')).toEqual([expect.objectContaining({ tenantId, providerEventId: '5mEJDtHkvJ8', type: 'event:klaviyo.subscribed_to_sms_marketing' })]);
    });

    it('when tampered with, signed with another secret, stale, or the webhook id differs from the header, then 400 and nothing is stored', async () => {
      const fresh = body.replaceAll('5mEJDtHkvJ8', '6nFKEuIlwK9');
      expect((await post(fresh.replace('VIP Maroc', 'Everyone'), signed(fresh))).status).toBe(400);
      expect((await post(fresh, signed(fresh, timestamp, 'another-klaviyo-secret-0000'))).status).toBe(400);
      expect((await post(fresh, signed(fresh, '2026-12-02T06:50:00+00:00'))).body.errors[0].path).toBe('headers.klaviyo-timestamp');
      expect((await post(fresh, { ...signed(fresh), 'klaviyo-webhook-id': '01KBC2WEBHOOKOTHER' })).body.errors[0].path).toBe('body.meta.klaviyo_webhook_id');
      expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: '6nFKEuIlwK9' } })).toBe(0);
    });
  });

  it('when db-api cannot be reached, then 503 (the provider retries) and nothing is stored; secrets read once are cached', async () => {
    const reads = dbApi.reads;
    const order = fixture('shopify-orders-create.json');
    const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'riad-shop.myshopify.com', 'x-shopify-webhook-id': 'cached-1', 'x-shopify-hmac-sha256': shopifySign(shopSecret, order) };
    expect((await request(app).post('/webhooks/shopify').set(headers).send(order)).status).toBe(200);
    expect(dbApi.reads).toBe(reads);
    const logger = createLogger('webhook-router', 'silent');
    const down = createIntegrationSecrets({ dbApiUrl: 'http://127.0.0.1:9', token: dbApi.token, timeoutMs: 500, ttlMs: 60_000, clock: () => NOW.getTime() });
    const offline = createApp({ logger, redis, inbound: { logger, prisma: t.deps.prisma, producer, integrationSecrets: down, publicBaseUrl: PUBLIC_BASE_URL, clock: () => NOW } });
    const res = await request(offline).post('/webhooks/shopify').set({ ...headers, 'x-shopify-webhook-id': 'offline-1' }).send(order);
    expect(res.status).toBe(503);
    expect(await t.deps.prisma.inboundEvent.count({ where: { providerEventId: 'offline-1' } })).toBe(0);
  });
});
