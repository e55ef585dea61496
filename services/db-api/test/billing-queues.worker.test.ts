import { randomUUID } from 'node:crypto';
import request from 'supertest';
import Stripe from 'stripe';
import { PLANS } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import type { Producer } from '@vocalia/service-kit';
import { setupStripePrices } from '../src/billing/stripe-prices';
import { bearer, jobsSettled, startFakeStripe, queueProducers, startTestApp, type FakeStripe, type QueueProducers, type TestApp } from './support';

const SECRET = 'whsec_queue_test';

describe('billing through the queues (usage-events and inbound-events workers)', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  const meters = () => ({ telephony: t.deps.env.STRIPE_METER_EVENT_NAME, overage: t.deps.env.STRIPE_OVERAGE_METER_EVENT_NAME });
  let producers: QueueProducers;
  let usage: Producer<'usage-events'>;
  let inbound: Producer<'inbound-events'>;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: { STRIPE_SECRET_KEY: 'sk_test_queue', STRIPE_API_BASE: stripe.url } });
    producers = queueProducers(t);
    usage = producers.producer('usage-events');
    inbound = producers.producer('inbound-events');
    await setupStripePrices(t.deps.stripe!, meters());
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
    await stripe.close();
  });

  it('when a usage event is delivered twice on the queue, then one ledger row and one credit burn', async () => {
    const s = await t.register();
    const job = { v: 1 as const, eventId: `call-${randomUUID()}`, tenantId: s.tenantId, requestId: randomUUID(), at: new Date().toISOString(), kind: 'telephony_seconds' as const, quantity: 300 };
    const first = await usage.add(job);
    await jobsSettled(usage.queue, [first]);
    const again = await usage.add(job, { jobId: `${job.eventId}-redelivered` });
    await jobsSettled(usage.queue, [again]);
    expect(await t.deps.prisma.usageRecord.count({ where: { tenantId: s.tenantId } })).toBe(1);
    const status = await request(t.app).get('/api/v1/billing').set(bearer(s));
    expect(status.body.creditBalanceCents).toBe(PLANS.starter.trialCreditCents - 120);
  });

  it('when webhook-router enqueues a signed checkout.session.completed, then the worker switches the plan and marks the event processed', async () => {
    const s = await t.register();
    await request(t.app).post('/api/v1/billing/checkout').set(bearer(s)).send({ plan: 'ecommerce' }).expect(201);
    const customer = (await t.deps.prisma.tenant.findUniqueOrThrow({ where: { id: s.tenantId } })).stripeCustomerId!;
    const payload = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cs_q', object: 'checkout.session', status: 'complete', customer, subscription: 'sub_q', metadata: { tenantId: s.tenantId, plan: 'ecommerce' } } },
    });
    const event = Stripe.webhooks.constructEvent(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }), SECRET);
    const row = await t.deps.prisma.inboundEvent.create({ data: { provider: 'stripe', providerEventId: event.id, type: event.type, tenantId: s.tenantId, payload: JSON.parse(payload) as Prisma.InputJsonValue } });
    const id = await inbound.add({ v: 1, eventId: `stripe-${event.id}`, tenantId: s.tenantId, requestId: randomUUID(), at: new Date().toISOString(), provider: 'stripe', providerEventId: event.id, inboundEventId: row.id, type: event.type });
    await jobsSettled(inbound.queue, [id]);
    expect(await t.deps.prisma.tenant.findUniqueOrThrow({ where: { id: s.tenantId } })).toMatchObject({ plan: 'ecommerce', status: 'active' });
    expect((await t.deps.prisma.inboundEvent.findUniqueOrThrow({ where: { id: row.id } })).processedAt).not.toBeNull();
  });
});
