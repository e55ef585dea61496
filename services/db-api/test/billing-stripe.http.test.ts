import request from 'supertest';
import Stripe from 'stripe';
import { PLANS, type InboundEventJob } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import { applyStripeEvent } from '../src/billing/apply-stripe-event';
import { reportMeteredUsage } from '../src/billing/report-metered-usage';
import { recordUsageEvents } from '../src/usage/record-usage-events';
import { ingestUsageEvents } from '../src/workers/usage-events.worker';
import { setupStripePrices } from '../src/billing/stripe-prices';
import { sweepBilling } from '../src/billing/sweep-billing';
import { bearer, problemOf, startFakeStripe, startTestApp, type FakeStripe, type TestApp } from './support';

const WEBHOOK_SECRET = 'whsec_test_billing_secret';
const DAY = 86_400_000;

describe('billing with Stripe (the SDK against a local Stripe-speaking server)', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  const meters = () => ({ telephony: t.deps.env.STRIPE_METER_EVENT_NAME, overage: t.deps.env.STRIPE_OVERAGE_METER_EVENT_NAME });
  let now = new Date();
  let eventSeq = 0;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ workers: false, clock: () => now, env: { STRIPE_SECRET_KEY: 'sk_test_local', STRIPE_API_BASE: stripe.url, STRIPE_TIMEOUT_MS: '400' } });
    await setupStripePrices(t.deps.stripe!, meters());
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** What webhook-router does with a POST to /webhooks/stripe: verify the signature with the stripe library, store the event, enqueue its id. */
  async function deliver(type: string, object: Record<string, unknown>, createdSec = Math.floor(now.getTime() / 1000), id = `evt_test_${++eventSeq}`): Promise<InboundEventJob> {
    const payload = JSON.stringify({ id, object: 'event', type, created: createdSec, api_version: '2025-08-27.basil', livemode: false, data: { object } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const event = Stripe.webhooks.constructEvent(payload, header, WEBHOOK_SECRET);
    const customer = typeof object.customer === 'string' ? object.customer : null;
    const tenant = customer ? await t.deps.prisma.tenant.findUnique({ where: { stripeCustomerId: customer }, select: { id: true } }) : null;
    const row = await t.deps.prisma.inboundEvent.upsert({
      where: { provider_providerEventId: { provider: 'stripe', providerEventId: event.id } },
      create: { provider: 'stripe', providerEventId: event.id, type: event.type, tenantId: tenant?.id ?? null, payload: JSON.parse(payload) as Prisma.InputJsonValue },
      update: {},
    });
    return { v: 1, eventId: `stripe-${event.id}`, requestId: 'req-stripe', at: now.toISOString(), provider: 'stripe', providerEventId: event.id, inboundEventId: row.id, type: event.type, ...(tenant ? { tenantId: tenant.id } : {}) };
  }
  const subscriptionObject = (customer: string, plan: string, status: string, extra: Record<string, unknown> = {}) => {
    const start = Math.floor(now.getTime() / 1000);
    return { id: 'sub_test_1', object: 'subscription', customer, status, metadata: {}, cancel_at: null, cancel_at_period_end: false, items: { object: 'list', data: [{ id: 'si_1', price: { id: 'price_x', lookup_key: `vocalia_${plan}_monthly` }, current_period_start: start, current_period_end: start + 30 * 86_400 }] }, ...extra };
  };
  const tenantOf = (id: string) => t.deps.prisma.tenant.findUniqueOrThrow({ where: { id } });

  it('when the price setup runs twice, then the plan prices, both Billing Meters and the metered prices exist once each, found again by lookup key', async () => {
    const again = await setupStripePrices(t.deps.stripe!, meters());
    expect(Object.values(again).every((what) => what === 'exists')).toBe(true);
    expect(Object.keys(again)).toHaveLength(5 + 2 + 1 + 4);
    expect(stripe.callsTo('POST', '/v1/billing/meters').map((c) => c.params)).toEqual([
      { display_name: 'VocalIA telephony seconds', event_name: 'vocalia_telephony_seconds', 'default_aggregation[formula]': 'sum', 'customer_mapping[type]': 'by_id', 'customer_mapping[event_payload_key]': 'stripe_customer_id', 'value_settings[event_payload_key]': 'value' },
      { display_name: 'VocalIA conversation overage', event_name: 'vocalia_conversation_overage', 'default_aggregation[formula]': 'sum', 'customer_mapping[type]': 'by_id', 'customer_mapping[event_payload_key]': 'stripe_customer_id', 'value_settings[event_payload_key]': 'value' },
    ]);
    const meterIds = await t.deps.stripe!.billing.meters.list({ status: 'active' });
    const meterOf = (eventName: string) => meterIds.data.find((m) => m.event_name === eventName)!.id;
    const created = stripe.callsTo('POST', '/v1/prices');
    expect(created.map((c) => [c.params.lookup_key, c.params.unit_amount ?? c.params.unit_amount_decimal, c.params.currency, c.params['recurring[interval]'], c.params['recurring[usage_type]'], c.params['recurring[meter]']])).toEqual([
      ['vocalia_starter_monthly', '4900', 'eur', 'month', undefined, undefined],
      ['vocalia_pro_monthly', '9900', 'eur', 'month', undefined, undefined],
      ['vocalia_ecommerce_monthly', '9900', 'eur', 'month', undefined, undefined],
      ['vocalia_expert_clone_monthly', '14900', 'eur', 'month', undefined, undefined],
      ['vocalia_telephony_monthly', '19900', 'eur', 'month', undefined, undefined],
      // 0.24 EUR a minute, the meter receives seconds: 0.4 cent a second.
      ['vocalia_telephony_seconds', '0.4', 'eur', 'month', 'metered', meterOf('vocalia_telephony_seconds')],
      ['vocalia_pro_conversation_overage', '5', 'eur', 'month', 'metered', meterOf('vocalia_conversation_overage')],
      ['vocalia_ecommerce_conversation_overage', '5', 'eur', 'month', 'metered', meterOf('vocalia_conversation_overage')],
      ['vocalia_expert_clone_conversation_overage', '4', 'eur', 'month', 'metered', meterOf('vocalia_conversation_overage')],
      ['vocalia_telephony_conversation_overage', '4', 'eur', 'month', 'metered', meterOf('vocalia_conversation_overage')],
    ]);
    expect(stripe.callsTo('POST', '/v1/products')).toHaveLength(10);
  });

  it('when the owner asks for a checkout, then one customer per tenant and a Checkout Session URL; the plan does not change yet', async () => {
    const s = await t.register();
    const res = await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'pro' });
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_/);
    const session = stripe.callsTo('POST', '/v1/checkout/sessions').at(-1)!;
    const tenant = await tenantOf(s.tenantId);
    expect(session.params).toMatchObject({ mode: 'subscription', customer: tenant.stripeCustomerId, client_reference_id: s.tenantId, 'line_items[0][quantity]': '1', 'metadata[plan]': 'pro', 'subscription_data[metadata][tenantId]': s.tenantId });
    const priceOf = async (key: string) => (await t.deps.stripe!.prices.list({ lookup_keys: [key] })).data[0]!.id;
    const lineItems = (params: Record<string, string>) => Object.entries(params).filter(([k]) => k.startsWith('line_items')).sort(([a], [b]) => a.localeCompare(b));
    expect(lineItems(session.params)).toEqual([
      ['line_items[0][price]', await priceOf('vocalia_pro_monthly')],
      ['line_items[0][quantity]', '1'],
      ['line_items[1][price]', await priceOf('vocalia_pro_conversation_overage')],
    ]);
    expect(tenant.plan).toBe('starter');
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'telephony' }).expect(201);
    expect(lineItems(stripe.callsTo('POST', '/v1/checkout/sessions').at(-1)!.params)).toEqual([
      ['line_items[0][price]', await priceOf('vocalia_telephony_monthly')],
      ['line_items[0][quantity]', '1'],
      ['line_items[1][price]', await priceOf('vocalia_telephony_seconds')],
      ['line_items[2][price]', await priceOf('vocalia_telephony_conversation_overage')],
    ]);
    expect(stripe.callsTo('POST', '/v1/customers').filter((c) => c.params['metadata[tenantId]'] === s.tenantId)).toHaveLength(1);
    expect((await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'pro' })).status).toBe(409);
    const unknownPlan = await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'platinum' });
    expect(problemOf(unknownPlan).errors?.[0]?.path).toBe('body.plan');
  });

  it('when Stripe confirms, then the plan changes once; a duplicate or older event changes nothing; a failed payment means grace and a paid invoice active', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'pro' }).expect(201);
    const customer = (await tenantOf(s.tenantId)).stripeCustomerId!;
    const t0 = Math.floor(now.getTime() / 1000);
    const completed = await deliver('checkout.session.completed', { id: 'cs_1', object: 'checkout.session', status: 'complete', customer, subscription: 'sub_test_1', client_reference_id: s.tenantId, metadata: { tenantId: s.tenantId, plan: 'pro' } }, t0);
    expect(await applyStripeEvent(t.deps, completed)).toBe('applied');
    expect(await tenantOf(s.tenantId)).toMatchObject({ plan: 'pro', status: 'active' });
    expect(await applyStripeEvent(t.deps, completed)).toBe('already_processed');
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'plan.changed' } })).toBe(1);

    const stale = await deliver('customer.subscription.updated', subscriptionObject(customer, 'starter', 'active'), t0 - 60);
    expect(await applyStripeEvent(t.deps, stale)).toBe('out_of_order');
    expect((await tenantOf(s.tenantId)).plan).toBe('pro');

    expect(await applyStripeEvent(t.deps, await deliver('invoice.payment_failed', { id: 'in_1', object: 'invoice', customer }, t0 + 10))).toBe('applied');
    expect(await tenantOf(s.tenantId)).toMatchObject({ status: 'past_due', statusReason: 'payment_failed' });
    expect(await applyStripeEvent(t.deps, await deliver('invoice.paid', { id: 'in_1', object: 'invoice', customer }, t0 + 20))).toBe('applied');
    expect(await tenantOf(s.tenantId)).toMatchObject({ status: 'active', statusReason: null, graceEndsAt: null });

    const upgraded = await deliver('customer.subscription.updated', subscriptionObject(customer, 'telephony', 'active'), t0 + 30);
    expect(await applyStripeEvent(t.deps, upgraded)).toBe('applied');
    const sub = await t.deps.prisma.subscription.findUniqueOrThrow({ where: { tenantId: s.tenantId } });
    expect(sub).toMatchObject({ plan: 'telephony', status: 'active', stripeSubscriptionId: 'sub_test_1' });
    expect(sub.currentPeriodEnd!.getTime() - sub.currentPeriodStart!.getTime()).toBe(30 * DAY);
    expect((await tenantOf(s.tenantId)).plan).toBe('telephony');
  });

  it('when an event names a customer nobody has, then it is stored, marked processed and changes nothing', async () => {
    const job = await deliver('invoice.paid', { id: 'in_x', object: 'invoice', customer: 'cus_nobody' });
    expect(await applyStripeEvent(t.deps, job)).toBe('unknown_customer');
    const row = await t.deps.prisma.inboundEvent.findUniqueOrThrow({ where: { id: job.inboundEventId } });
    expect(row.processedAt).not.toBeNull();
    expect(row.tenantId).toBeNull();
  });

  it('when the owner cancels, then Stripe cancels at period end and the plan holds; the portal link comes from Stripe', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'pro' }).expect(201);
    const customer = (await tenantOf(s.tenantId)).stripeCustomerId!;
    await applyStripeEvent(t.deps, await deliver('customer.subscription.created', { ...subscriptionObject(customer, 'pro', 'active'), id: `sub_${s.tenantId}` }));
    const again = await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'pro' });
    expect(again.status).toBe(409);
    expect(problemOf(again).detail).toContain('already');
    const cancelled = await request(t.app).post('/api/v1/billing/cancel').set(bearer(s));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelAt).toEqual(expect.any(String));
    expect(stripe.callsTo('POST', `/v1/subscriptions/sub_${s.tenantId}`).at(-1)?.params).toEqual({ cancel_at_period_end: 'true' });
    expect((await tenantOf(s.tenantId)).plan).toBe('pro');
    const invoices = await request(t.app).get('/api/v1/billing/invoices').set(bearer(s));
    expect(invoices.body.items).toEqual([expect.objectContaining({ number: 'VOC-0001', status: 'paid', totalCents: 9900, currency: 'eur' })]);
    expect(stripe.callsTo('GET', '/v1/invoices').at(-1)?.params.customer).toBe(customer);
    const portal = await request(t.app).post('/api/v1/billing/portal').set(bearer(s));
    expect(portal.status).toBe(201);
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(stripe.callsTo('POST', '/v1/billing_portal/sessions').at(-1)?.params.customer).toBe(customer);
  });

  it('when a tenant goes trial -> quota warning -> trial end -> grace -> restricted, then a paid checkout (signed webhook) brings it back to active, each step audited', async () => {
    const s = await t.register();
    const start = now;
    const limit = PLANS.starter.quotas.conversationsPerMonth;
    await t.deps.prisma.usageRecord.createMany({ data: Array.from({ length: 0.8 * limit - 1 }, (_, i) => ({ tenantId: s.tenantId, eventId: `j-${s.tenantId}-${i}`, kind: 'conversation' as const, quantity: 1, at: now })) });
    const last = { v: 1 as const, tenantId: s.tenantId, requestId: 'req-journey', eventId: `j-${s.tenantId}-last`, at: now.toISOString(), kind: 'conversation' as const, quantity: 1 };
    await ingestUsageEvents(t.deps, [last]);
    expect((await t.deps.prisma.quotaNotice.findMany({ where: { tenantId: s.tenantId } })).map((n) => n.level)).toEqual(['warning']);
    now = new Date(start.getTime() + 14 * DAY + 1000);
    await sweepBilling(t.deps);
    now = new Date(now.getTime() + 7 * DAY + 1000);
    await sweepBilling(t.deps);
    expect((await tenantOf(s.tenantId)).status).toBe('suspended');
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: s.email, password: s.password });
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(login.body.accessToken)).send({ plan: 'pro' }).expect(201);
    const customer = (await tenantOf(s.tenantId)).stripeCustomerId!;
    await applyStripeEvent(t.deps, await deliver('checkout.session.completed', { id: 'cs_2', object: 'checkout.session', status: 'complete', customer, subscription: 'sub_2', metadata: { tenantId: s.tenantId, plan: 'pro' } }));
    expect(await tenantOf(s.tenantId)).toMatchObject({ status: 'active', plan: 'pro' });
    const moves = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: 'billing.status_changed' }, orderBy: { seq: 'asc' } });
    expect(moves.map((m) => (m.meta as { to: string }).to)).toEqual(['past_due', 'suspended', 'active']);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'billing.quota_notice' } })).toBe(1);
    now = start;
  });

  it('when a burst of telephony usage (with a duplicate, a 500 and timeouts) is reported, then each usage event is one meter event, identified by its id, reported once', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'telephony' }).expect(201);
    const customer = (await tenantOf(s.tenantId)).stripeCustomerId!;
    const other = await t.register();
    const job = (tenantId: string, eventId: string, kind: 'telephony_seconds' | 'conversation', quantity: number) =>
      recordUsageEvents(t.deps, [{ v: 1, tenantId, requestId: 'req-meter', eventId, at: now.toISOString(), kind, quantity }]);
    const ids = ['call-a', 'call-b', 'call-c', 'call-d', 'call-e'].map((id) => `${id}-${s.tenantId}`);
    for (const [i, id] of ids.entries()) await job(s.tenantId, id, 'telephony_seconds', 60 + i + 0.4);
    await job(s.tenantId, ids[0]!, 'telephony_seconds', 60.4);
    await job(s.tenantId, `conv-${s.tenantId}`, 'conversation', 1);
    await job(other.tenantId, `call-${other.tenantId}`, 'telephony_seconds', 30);
    const before = stripe.callsTo('POST', '/v1/billing/meter_events').length;

    stripe.failMeterEvents(1, 500);
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 5, failed: 0 });
    for (const id of ids.slice(2)) await job(s.tenantId, `${id}-late`, 'telephony_seconds', 10);
    stripe.failMeterEvents(3, 0);
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 2, failed: 1 });
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 1, failed: 0 });
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 0, failed: 0 });

    const sent = stripe.callsTo('POST', '/v1/billing/meter_events').slice(before);
    const byIdentifier = new Map<string, typeof sent>();
    for (const call of sent) byIdentifier.set(call.params.identifier!, [...(byIdentifier.get(call.params.identifier!) ?? []), call]);
    const expected = [...ids, ...ids.slice(2).map((id) => `${id}-late`)];
    expect([...byIdentifier.keys()].sort()).toEqual([...expected].sort());
    for (const [identifier, calls] of byIdentifier) {
      expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([`vocalia-meter-${identifier}`]));
      expect(calls[0]!.params).toMatchObject({ event_name: 'vocalia_telephony_seconds', 'payload[stripe_customer_id]': customer });
    }
    expect(byIdentifier.get(ids[0]!)!.map((c) => c.params['payload[value]'])).toEqual(['61', '61']);
    expect(sent).toHaveLength(expected.length + 1 + 3);
    const rows = await t.deps.prisma.usageRecord.findMany({ where: { tenantId: { in: [s.tenantId, other.tenantId] } } });
    expect(rows.filter((r) => r.reportedAt).map((r) => r.eventId).sort()).toEqual([...expected].sort());
  });
  it('when a burst of conversations (concurrent, one duplicated, a 500 and timeouts) goes past a quota that bills overage, then exactly the conversations beyond it are metered once each, by usage event id', async () => {
    const paying = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(paying)).send({ plan: 'pro' }).expect(201);
    const customer = (await tenantOf(paying.tenantId)).stripeCustomerId!;
    const trial = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(trial)).send({ plan: 'pro' }).expect(201);
    await t.deps.prisma.tenant.update({ where: { id: paying.tenantId }, data: { plan: 'pro', status: 'active' } });
    await t.deps.prisma.tenant.update({ where: { id: trial.tenantId }, data: { plan: 'pro' } });
    const limit = PLANS.pro.quotas.conversationsPerMonth;
    for (const tenantId of [paying.tenantId, trial.tenantId]) {
      await t.deps.prisma.usageRecord.createMany({ data: Array.from({ length: limit - 2 }, (_, i) => ({ tenantId, eventId: `included-${tenantId}-${i}`, kind: 'conversation' as const, quantity: 1, at: now })) });
    }
    const conversation = (tenantId: string, n: number) => ({ v: 1 as const, tenantId, requestId: 'req-overage', eventId: `conv-${tenantId}-${n}`, at: new Date(now.getTime() + n * 1000).toISOString(), kind: 'conversation' as const, quantity: 1 });
    /** What the usage-events worker does with one job. */
    const consume = async (job: ReturnType<typeof conversation>) => {
      await ingestUsageEvents(t.deps, [job]);
    };
    const burst = [1, 2, 3, 4, 5, 6].map((n) => conversation(paying.tenantId, n));
    await Promise.all([...burst, burst[5]!, conversation(trial.tenantId, 1), conversation(trial.tenantId, 2), conversation(trial.tenantId, 3)].map(consume));
    await consume(burst[3]!);
    const marked = await t.deps.prisma.usageRecord.findMany({ where: { tenantId: { in: [paying.tenantId, trial.tenantId] }, overage: true } });
    expect(marked.map((r) => r.tenantId)).toEqual(Array(4).fill(paying.tenantId));

    const overageCalls = () => stripe.callsTo('POST', '/v1/billing/meter_events').filter((c) => c.params.event_name === 'vocalia_conversation_overage');
    const before = overageCalls().length;
    stripe.failMeterEvents(1, 500);
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 4, failed: 0 });
    await consume(conversation(paying.tenantId, 7));
    await consume(conversation(paying.tenantId, 8));
    stripe.failMeterEvents(3, 0);
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 1, failed: 1 });
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 1, failed: 0 });
    expect(await reportMeteredUsage(t.deps)).toEqual({ reported: 0, failed: 0 });

    const sent = overageCalls().slice(before);
    const identifiers = [...new Set(sent.map((c) => c.params.identifier!))];
    expect(identifiers).toHaveLength(6);
    expect(identifiers).toEqual(expect.arrayContaining([`conv-${paying.tenantId}-7`, `conv-${paying.tenantId}-8`]));
    for (const id of identifiers) expect(id).toMatch(new RegExp(`^conv-${paying.tenantId}-[1-8]$`));
    // The 500 and the timeouts were retried with the same key: one call more for the 500, three for the timed-out one.
    expect(sent).toHaveLength(6 + 1 + 3);
    for (const call of sent) {
      expect(call.params).toMatchObject({ 'payload[stripe_customer_id]': customer, 'payload[value]': '1' });
      expect(call.idempotencyKey).toBe(`vocalia-meter-${call.params.identifier}`);
    }
    const reported = await t.deps.prisma.usageRecord.findMany({ where: { tenantId: { in: [paying.tenantId, trial.tenantId] }, reportedAt: { not: null } } });
    expect(reported.map((r) => r.eventId).sort()).toEqual([...identifiers].sort());
    expect((await request(t.app).get('/api/v1/usage').set(bearer(paying))).body.conversations).toEqual({ used: limit + 6, quota: limit });
  });
});
