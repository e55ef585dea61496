import request from 'supertest';
import { applyPaidPlan } from '../src/billing/apply-paid-plan';
import { toActive, toGrace, toRestricted } from '../src/billing/billing-moves';
import { moveTenantStatus } from '../src/billing/move-tenant-status';
import { bearer, startTestApp, type TestApp } from './support';

describe('tenant.updated where the tenant changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(async () => {
    await t.close();
  });

  async function subscribed(plan: 'starter' | 'pro' = 'pro') {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan } });
    const endpoint = await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example.com/t', secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0', eventTypes: ['tenant.updated'] } });
    const events = async () => {
      const rows = await t.deps.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: 'asc' } });
      return rows.map((r) => (r.payload as { data: { what: string; fields: string[] } }).data);
    };
    return { s, endpoint, events };
  }

  it('when the owner changes the plan with PUT /api/v1/plan, then one delivery names the plan and is enqueued', async () => {
    const { s, endpoint, events } = await subscribed('starter');
    expect((await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'pro' })).status).toBe(200);
    expect((await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'pro' })).status).toBe(200);
    expect(await events()).toEqual([expect.objectContaining({ what: 'plan', fields: ['plan'] })]);
    const [delivery] = await t.deps.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect((await t.deps.producers.webhooks.queue.getJob(delivery!.id))?.data).toMatchObject({ deliveryId: delivery!.id, eventType: 'tenant.updated' });
  });

  it('when Stripe (or the operator) confirms a paid plan, then the plan change is sent once; the same plan again sends nothing', async () => {
    const { s, events } = await subscribed('starter');
    await applyPaidPlan(t.deps, s.tenantId, { plan: 'pro', status: 'active' }, 'stripe');
    await applyPaidPlan(t.deps, s.tenantId, { plan: 'pro', status: 'active' }, 'stripe');
    expect(await events()).toEqual([expect.objectContaining({ what: 'plan', fields: ['plan'] })]);
  });

  it('when the status moves trial -> grace -> restricted -> active, then each move is sent with the fields it changed', async () => {
    const { s, events } = await subscribed();
    const now = t.deps.clock();
    expect(await moveTenantStatus(t.deps, s.tenantId, toGrace(now, 'trial_ended', 'system:billing'))).toBe(true);
    expect(await moveTenantStatus(t.deps, s.tenantId, toRestricted('system:billing'))).toBe(true);
    expect(await moveTenantStatus(t.deps, s.tenantId, toRestricted('system:billing'))).toBe(false);
    expect(await moveTenantStatus(t.deps, s.tenantId, toActive('operator'))).toBe(true);
    expect((await events()).map((e) => [e.what, e.fields])).toEqual([
      ['billing', ['status', 'statusReason', 'graceEndsAt']],
      ['billing', ['status']],
      ['billing', ['status', 'statusReason', 'graceEndsAt']],
    ]);
  });

  it('when an origin is added then removed, then each change is sent as allowedOrigins', async () => {
    const { s, events } = await subscribed();
    const added = await request(t.app).post('/api/v1/origins').set(bearer(s)).send({ origin: 'https://shop.example.com' });
    expect(added.status).toBe(201);
    expect((await request(t.app).delete(`/api/v1/origins/${added.body.id}`).set(bearer(s))).status).toBe(204);
    expect((await events()).map((e) => [e.what, e.fields])).toEqual([
      ['origins', ['allowedOrigins']],
      ['origins', ['allowedOrigins']],
    ]);
  });

  it('when the widget settings change, then the fields sent are named; a refused change sends nothing', async () => {
    const { s, events } = await subscribed('starter');
    expect((await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ primaryColor: '#112233', greeting: { fr: 'Bonjour' } })).status).toBe(200);
    expect((await request(t.app).put('/api/v1/widget').set(bearer(s)).send({ showPoweredBy: false })).status).toBe(403);
    expect((await events()).map((e) => [e.what, e.fields])).toEqual([['widget', ['widget.primaryColor', 'widget.greeting']]]);
  });
});
