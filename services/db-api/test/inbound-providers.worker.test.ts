import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import type { InboundEventJob } from '@vocalia/contracts';
import { applyInboundEvent } from '../src/inbound/apply-inbound-event';
import { bearer, startTestApp, type TestApp, type TestSession } from './support';

const fixture = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../../packages/contracts/fixtures/providers', name), 'utf8'));
// Wednesday 10:00 in Casablanca (UTC+1): an hour later is inside the default calling hours (Mon-Sat 09:00-20:00).
const NOW = new Date('2026-12-02T09:00:00.000Z');

describe('inbound provider events processed by db-api (Shopify, HubSpot, Klaviyo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => NOW });
  });
  afterAll(() => t.close());

  async function tenantOn(plan: 'telephony' | 'ecommerce'): Promise<TestSession> {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan } });
    const agent = await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Ventes', personaId: 'dental', languages: ['fr'], isDefault: true } });
    await t.deps.prisma.phoneNumber.create({ data: { tenantId: s.tenantId, number: `+2125${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, agentId: agent.id } });
    return s;
  }

  /** What webhook-router does after verifying: one stored row and its job. */
  async function stored(tenantId: string, provider: InboundEventJob['provider'], type: string, payload: object): Promise<InboundEventJob> {
    const providerEventId = randomUUID();
    const row = await t.deps.prisma.inboundEvent.create({ data: { provider, providerEventId, type, tenantId, payload } });
    return { v: 1, eventId: `${provider}-${providerEventId}`, tenantId, requestId: randomUUID(), at: NOW.toISOString(), provider, providerEventId, inboundEventId: row.id, type };
  }

  it('when orders/create names a lead\'s email, then the order is recorded against it once, the lead is won, and the owner sees it', async () => {
    const s = await tenantOn('telephony');
    const lead = await t.deps.prisma.lead.create({ data: { tenantId: s.tenantId, score: 72, status: 'qualified', email: 'Salma.Benali@example.com' } });
    const job = await stored(s.tenantId, 'shopify', 'orders/create', fixture('shopify-orders-create.json'));
    expect(await applyInboundEvent(t.deps, job)).toBe('recorded');
    expect(await applyInboundEvent(t.deps, job)).toBe('already_processed');
    const redelivered = await stored(s.tenantId, 'shopify', 'orders/create', fixture('shopify-orders-create.json'));
    expect(await applyInboundEvent(t.deps, redelivered)).toBe('duplicate');
    const orders = await request(t.app).get('/api/v1/shop/orders').set(bearer(s));
    expect(orders.body.items).toEqual([
      { id: expect.any(String), externalId: '5678901234567', name: '#1042', email: 'salma.benali@example.com', phone: '+********4567', totalPrice: 1340, currency: 'MAD', leadId: lead.id, orderedAt: '2026-11-30T17:42:10.000Z' },
    ]);
    expect((await t.deps.prisma.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('won');
    expect(await t.deps.prisma.inboundEvent.count({ where: { tenantId: s.tenantId, processedAt: null } })).toBe(0);
  });

  it('when a checkout is abandoned, then it is recorded and one cart-recovery call is queued in calling hours; the order that follows cancels the call', async () => {
    const s = await tenantOn('telephony');
    const checkout = fixture('shopify-checkouts-update.json');
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'shopify', 'checkouts/update', checkout))).toBe('call_scheduled');
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'shopify', 'checkouts/update', { ...checkout, updated_at: '2026-12-01T10:12:00+01:00' }))).toBe('recorded');
    const carts = (await request(t.app).get('/api/v1/shop/abandoned-checkouts').set(bearer(s))).body.items;
    expect(carts).toEqual([expect.objectContaining({ email: 'youssef.amrani@example.com', phone: '+********4599', totalPrice: 1290, recoveryUrl: checkout.abandoned_checkout_url, callId: expect.any(String), recoveredAt: null })]);
    const call = await t.deps.prisma.call.findUniqueOrThrow({ where: { id: carts[0].callId } });
    expect(call).toMatchObject({ tenantId: s.tenantId, direction: 'outbound', status: 'queued', reason: 'cart_recovery', to: '+********4599' });
    const job = await t.deps.producers.outboundCalls.queue.getJob(`outbound-call-${call.id}`);
    expect(job?.data).toMatchObject({ to: '+212661234599', reason: 'cart_recovery', scheduledAt: '2026-12-02T10:00:00.000Z' });
    expect(await job?.isDelayed()).toBe(true);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(1);

    const order = { ...fixture('shopify-orders-create.json'), admin_graphql_api_id: 'gid://shopify/Order/5678901234999', checkout_token: checkout.token };
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'shopify', 'orders/create', order))).toBe('recorded');
    expect(await t.deps.producers.outboundCalls.queue.getJob(`outbound-call-${call.id}`)).toBeUndefined();
    expect((await t.deps.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('canceled');
    expect((await t.deps.prisma.abandonedCheckout.findFirstOrThrow({ where: { tenantId: s.tenantId } })).recoveredAt).toEqual(NOW);
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'shopify', 'checkouts/update', checkout))).toBe('already_ordered');
  });

  it('when the plan has no outbound calls, then the abandoned cart is recorded and nobody is called', async () => {
    const s = await tenantOn('ecommerce');
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'shopify', 'checkouts/update', fixture('shopify-checkouts-update.json')))).toBe('no_outbound_calls');
    expect(await t.deps.prisma.abandonedCheckout.count({ where: { tenantId: s.tenantId, callId: null } })).toBe(1);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when a Shopify payload lacks what an order needs, then the event is marked processed as invalid, not retried', async () => {
    const s = await tenantOn('ecommerce');
    const job = await stored(s.tenantId, 'shopify', 'orders/create', { id: 1 });
    expect(await applyInboundEvent(t.deps, job)).toBe('invalid_payload');
    expect((await t.deps.prisma.inboundEvent.findUniqueOrThrow({ where: { id: job.inboundEventId } })).processedAt).toEqual(NOW);
  });

  it('when HubSpot sends a contact creation and its property changes, then one lead carries the email, phone and name, however often they are processed', async () => {
    const s = await tenantOn('ecommerce');
    const events = fixture('hubspot-contact-events.json') as { subscriptionType: string }[];
    const jobs = await Promise.all(events.map((e) => stored(s.tenantId, 'hubspot', e.subscriptionType, e)));
    expect(await Promise.all(jobs.map((j) => applyInboundEvent(t.deps, j)))).toEqual(['lead_created', 'lead_updated', 'lead_updated', 'lead_updated']);
    for (const e of events) await applyInboundEvent(t.deps, await stored(s.tenantId, 'hubspot', e.subscriptionType, e));
    const leads = await request(t.app).get('/api/v1/leads').set(bearer(s));
    expect(leads.status).toBe(200);
    expect(await t.deps.prisma.lead.findMany({ where: { tenantId: s.tenantId } })).toEqual([
      expect.objectContaining({ sourceProvider: 'hubspot', sourceId: '51023', email: 'karim.idrissi@example.com', phone: '+212 6 70 11 22 33', name: 'Karim', status: 'new', score: 0 }),
    ]);
  });

  it('when a Klaviyo profile subscribes to SMS marketing, then it becomes a lead; other topics are stored only', async () => {
    const s = await tenantOn('ecommerce');
    const event = fixture('klaviyo-system-webhook.json').data[0];
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'klaviyo', event.topic, event))).toBe('lead_subscribed');
    expect(await applyInboundEvent(t.deps, await stored(s.tenantId, 'klaviyo', 'event:klaviyo.sent_sms', { ...event, topic: 'event:klaviyo.sent_sms' }))).toBe('ignored');
    expect(await t.deps.prisma.lead.findMany({ where: { tenantId: s.tenantId } })).toEqual([
      expect.objectContaining({ sourceProvider: 'klaviyo', sourceId: '01KBC2X7Q9M3N5P7R9T1V3X5Z7', email: 'nadia.tazi@example.com', phone: '+212662334455', name: 'Nadia Tazi' }),
    ]);
  });
});
