import request from 'supertest';
import { FEATURES, PLANS } from '@vocalia/contracts';
import { addMemberSession, bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

describe('plans and features', () => {
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  it('when anyone reads the catalogue, then every plan comes with features, prices, quotas and the telephony price', async () => {
    const res = await request(t.app).get('/api/v1/plans');
    expect(res.status).toBe(200);
    expect(res.body.plans.map((p: { id: string }) => p.id)).toEqual(['starter', 'pro', 'ecommerce', 'expert_clone', 'telephony']);
    expect(res.body.plans[0]).toEqual(PLANS.starter);
    expect(res.body).toMatchObject({ telephonyEurPerMinute: 0.24, trialDays: 14, currency: 'EUR' });
  });

  it("when a tenant reads its plan, then it sees starter, trialing, the trial end and the plan's features", async () => {
    const s = await t.register();
    const res = await request(t.app).get('/api/v1/plan').set(bearer(s));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: 'starter', status: 'trialing', features: PLANS.starter.features, quotas: PLANS.starter.quotas });
    expect(res.body.trialEndsAt).toEqual(expect.any(String));
  });

  it('when a feature is in the plan, then 200 enabled; when not, then 403 PLAN_REQUIRED naming the feature and the cheapest plan', async () => {
    const s = await t.register();
    const ok = await request(t.app).get('/api/v1/features/knowledge_base').set(bearer(s));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ feature: 'knowledge_base', enabled: true });
    const denied = await request(t.app).get('/api/v1/features/telephony').set(bearer(s));
    expect(denied.status).toBe(403);
    expect(problemOf(denied)).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'telephony', requiredPlan: 'telephony' });
    const catalog = await request(t.app).get('/api/v1/features/product_catalog').set(bearer(s));
    expect(problemOf(catalog)).toMatchObject({ feature: 'product_catalog', requiredPlan: 'ecommerce' });
    const unknown = await request(t.app).get('/api/v1/features/teleportation').set(bearer(s));
    expect(unknown.status).toBe(400);
    expect(problemOf(unknown).errors?.[0]?.path).toBe('params.feature');
  });

  it('when every feature is checked on every plan, then the answer follows the plan table', async () => {
    const s = await t.register();
    for (const plan of ['starter', 'telephony'] as const) {
      await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan } });
      for (const feature of FEATURES) {
        const res = await request(t.app).get(`/api/v1/features/${feature}`).set(bearer(s));
        expect([feature, plan, res.status]).toEqual([feature, plan, PLANS[plan].features.includes(feature) ? 200 : 403]);
      }
    }
  });

  it('when the owner changes the plan, then tenant and subscription change, it is audited and announced', async () => {
    const s = await t.register();
    const res = await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'ecommerce' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: 'ecommerce', features: PLANS.ecommerce.features });
    expect((await t.deps.prisma.subscription.findUniqueOrThrow({ where: { tenantId: s.tenantId } })).plan).toBe('ecommerce');
    await updates.waitFor(s.tenantId, 'plan');
    const audit = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId, action: 'plan.changed' } });
    expect(audit.meta).toEqual({ from: 'starter', to: 'ecommerce' });
    expect((await request(t.app).get('/api/v1/features/product_catalog').set(bearer(s))).status).toBe(200);
  });

  it('when an admin, a member or an API key changes the plan, then 403', async () => {
    const owner = await t.register();
    const admin = await addMemberSession(t, owner, 'admin');
    const member = await addMemberSession(t, owner, 'member');
    const key = await t.createApiKey(owner);
    for (const credential of [admin.accessToken, member.accessToken, key.key]) {
      const res = await request(t.app).put('/api/v1/plan').set(bearer(credential)).send({ plan: 'pro' });
      expect(res.status).toBe(403);
    }
    // createApiKey moved the tenant to Pro (keys need api_access); none of the three changed it since.
    expect((await t.deps.prisma.tenant.findUniqueOrThrow({ where: { id: owner.tenantId } })).plan).toBe('pro');
  });

  it('when the plan is unknown, then 400 on body.plan', async () => {
    const s = await t.register();
    const res = await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'platinum' });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0]?.path).toBe('body.plan');
  });
});
