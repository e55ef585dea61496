import request from 'supertest';
import { INTERNAL_TOKEN_HEADER, PLANS, type UsageEventJob } from '@vocalia/contracts';
import { operatorSetPlan } from '../src/billing/operator-set-plan';
import { sweepBilling } from '../src/billing/sweep-billing';
import { ingestUsageEvents } from '../src/workers/usage-events.worker';
import { bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';
const DAY = 86_400_000;

describe('billing: trial credits, quota notices, trial -> grace -> restricted', () => {
  let t: TestApp;
  let now = new Date('2026-03-10T10:00:00.000Z');
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { INTERNAL_API_TOKEN: TOKEN } });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  const usage = (tenantId: string, kind: UsageEventJob['kind'], quantity: number, eventId = `usage-${++seq}`): UsageEventJob => ({
    v: 1,
    tenantId,
    requestId: 'req-billing',
    eventId,
    at: now.toISOString(),
    kind,
    quantity,
  });
  /** What the usage-events worker does with one job. */
  const consume = async (job: UsageEventJob) => {
    await ingestUsageEvents(t.deps, [job]);
  };
  const billing = async (accessToken: string) => (await request(t.app).get('/api/v1/billing').set(bearer(accessToken))).body;

  it('when a tenant registers, then it gets the Starter trial credits once, in the ledger, and GET /api/v1/billing shows the trial', async () => {
    const s = await t.register();
    const status = await billing(s.accessToken);
    expect(status).toMatchObject({ plan: 'starter', status: 'trialing', state: 'trial', reason: null, creditBalanceCents: PLANS.starter.trialCreditCents, payments: 'not_configured', graceEndsAt: null });
    expect(Date.parse(status.trialEndsAt) - now.getTime()).toBe(14 * DAY);
    const credits = await request(t.app).get('/api/v1/billing/credits').set(bearer(s));
    expect(credits.body.items).toEqual([expect.objectContaining({ deltaCents: PLANS.starter.trialCreditCents, reason: 'trial_grant', balanceAfterCents: PLANS.starter.trialCreditCents })]);
  });

  it('when usage arrives twice with one event id, then credits burn once; when they run out, then the tenant enters grace, audited, announced and mailed in French to a French tenant', async () => {
    const s = await t.register();
    const minutes = usage(s.tenantId, 'telephony_seconds', 600, 'call-burn-1');
    await consume(minutes);
    await consume(minutes);
    expect((await billing(s.accessToken)).creditBalanceCents).toBe(PLANS.starter.trialCreditCents - 240);
    expect(await t.deps.prisma.creditLedger.count({ where: { tenantId: s.tenantId, reason: 'usage:telephony_seconds' } })).toBe(1);

    await consume(usage(s.tenantId, 'telephony_seconds', 60 * 60));
    const status = await billing(s.accessToken);
    expect(status).toMatchObject({ status: 'past_due', state: 'grace', reason: 'credits_exhausted' });
    expect(Date.parse(status.graceEndsAt) - now.getTime()).toBe(7 * DAY);
    expect(status.detail).toContain('trial credits are used up');
    const audit = await t.deps.prisma.auditLog.findFirstOrThrow({ where: { tenantId: s.tenantId, action: 'billing.status_changed' } });
    expect(audit.meta).toEqual({ from: 'trialing', to: 'past_due', reason: 'credits_exhausted' });
    await updates.waitFor(s.tenantId, 'billing');
    const mail = await t.mailbox.next(s.email, /Facturation/);
    expect(mail.subject).toMatch(/^Facturation VocalIA : /);
    expect(mail.text).toContain('Bonjour,');
    expect(mail.text).toContain('Votre assistant continue de fonctionner jusqu’au 17 mars 2026 à 10:00 UTC, car vos crédits d’essai sont épuisés.');
    expect(mail.text).toContain('L’équipe VocalIA');
  });

  it('when conversations reach 80 % then 100 % of a hard-stop quota, then each notice is sent once per period, in French to a French tenant, and the snapshot stops the widget', async () => {
    const s = await t.register();
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example.com/in', secret: 'whsec_test' } });
    const limit = PLANS.starter.quotas.conversationsPerMonth;
    const at = now;
    const bulk = (from: number, to: number) =>
      t.deps.prisma.usageRecord.createMany({ data: Array.from({ length: to - from }, (_, i) => ({ tenantId: s.tenantId, eventId: `bulk-${s.tenantId}-${from + i}`, kind: 'conversation' as const, quantity: 1, at })) });
    await bulk(0, 0.8 * limit - 1);
    await consume(usage(s.tenantId, 'conversation', 1));
    await consume(usage(s.tenantId, 'conversation', 1));
    const warnings = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId, eventType: 'usage.threshold_reached' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.payload).toMatchObject({ type: 'usage.threshold_reached', data: { quota: 'conversationsPerMonth', level: 'warning', used: 0.8 * limit, limit, hardStop: true } });
    const warning = await t.mailbox.next(s.email, /Consommation/);
    expect(warning.subject).toMatch(/^Consommation VocalIA : .+ a utilisé 800 des 1\u202f000 conversations incluses ce mois-ci$/);
    expect(warning.text).toContain('Vous avez utilisé 80\u00a0% de vos conversations du mois.');
    const snapshot = async () => (await request(t.app).get(`/internal/v1/tenants/${s.tenantId}/snapshot`).set(INTERNAL_TOKEN_HEADER, TOKEN)).body;
    expect((await snapshot()).tenant.conversationQuotaReached).toBeUndefined();

    await bulk(0.8 * limit + 1, limit - 1);
    await consume(usage(s.tenantId, 'conversation', 1));
    await consume(usage(s.tenantId, 'conversation', 1));
    const levels = (await t.deps.prisma.quotaNotice.findMany({ where: { tenantId: s.tenantId }, orderBy: { createdAt: 'asc' } })).map((n) => n.level);
    expect(levels).toEqual(['warning', 'reached']);
    expect(await t.deps.prisma.webhookDelivery.count({ where: { tenantId: s.tenantId, eventType: 'usage.threshold_reached' } })).toBe(2);
    await updates.waitFor(s.tenantId, 'billing');
    expect((await snapshot()).tenant.conversationQuotaReached).toBe(true);
    expect(await t.deps.prisma.auditLog.count({ where: { tenantId: s.tenantId, action: 'billing.quota_notice' } })).toBe(2);
    const reached = await t.mailbox.next(s.email, /Consommation/);
    expect(reached.subject).toContain('a utilisé 1\u202f000 des 1\u202f000 conversations incluses ce mois-ci');
    expect(reached.text).toContain('Votre assistant indique désormais aux visiteurs qu’il n’est pas disponible');
  });

  it('when the trial ends and grace runs out, then the sweeper moves trialing -> grace -> restricted once each, an English tenant is mailed in English, and a restricted API key is told why', async () => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { defaultLanguage: 'en' } });
    const key = await t.createApiKey(s);
    const start = now;
    now = new Date(start.getTime() + 14 * DAY + 1000);
    const first = await sweepBilling(t.deps);
    expect(first.toGrace).toBeGreaterThanOrEqual(1);
    expect(await billing(key.key)).toMatchObject({ state: 'grace', reason: 'trial_ended' });
    const grace = await t.mailbox.next(s.email, /billing/);
    expect(grace.subject).toMatch(/^VocalIA billing: /);
    expect(grace.text).toContain('Your assistant keeps working until March 31, 2026 at 10:00 AM UTC because your free trial has ended;');
    expect((await request(t.app).get('/api/v1/tenant').set(bearer(key.key))).status).toBe(200);

    now = new Date(now.getTime() + 7 * DAY + 1000);
    await Promise.all([sweepBilling(t.deps), sweepBilling(t.deps)]);
    // The owner signs in again (the first access token expired meanwhile) and can still read billing to pay.
    const login = await request(t.app).post('/api/v1/auth/login').send({ email: s.email, password: s.password });
    expect(await billing(login.body.accessToken)).toMatchObject({ status: 'suspended', state: 'restricted', reason: 'trial_ended' });
    const moves = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, action: 'billing.status_changed' }, orderBy: { seq: 'asc' } });
    expect((await t.mailbox.next(s.email, /billing/)).text).toContain('Your assistant is paused because your free trial has ended;');
    expect(moves.map((m) => m.meta)).toEqual([
      { from: 'trialing', to: 'past_due', reason: 'trial_ended' },
      { from: 'past_due', to: 'suspended', reason: 'trial_ended' },
    ]);
    const refused = await request(t.app).get('/api/v1/tenant').set(bearer(key.key));
    expect(refused.status).toBe(402);
    expect(problemOf(refused)).toMatchObject({ code: 'ACCOUNT_RESTRICTED' });
    expect(problemOf(refused).detail).toContain('trial_ended');
    const snap = await request(t.app).get(`/internal/v1/tenants/${s.tenantId}/snapshot`).set(INTERNAL_TOKEN_HEADER, TOKEN);
    expect(snap.body.tenant.status).toBe('suspended');
    now = start;
  });
});

describe('changing plans without paying', () => {
  it("when the operator's command sets a plan, then the tenant has it, is active, and both are audited; an unknown plan changes nothing", async () => {
    const t = await startTestApp({ workers: false });
    try {
      const s = await t.register();
      await expect(operatorSetPlan(t.deps, s.tenantId, 'platinum')).rejects.toThrow('plan: one of');
      expect(await operatorSetPlan(t.deps, s.tenantId, 'telephony')).toEqual({ plan: 'telephony', status: 'active' });
      const actions = await t.deps.prisma.auditLog.findMany({ where: { tenantId: s.tenantId, actor: 'operator' }, orderBy: { seq: 'asc' } });
      expect(actions.map((a) => a.action)).toEqual(['plan.changed', 'billing.status_changed']);
    } finally {
      await t.close();
    }
  });

  it('when Stripe is configured, then PUT /api/v1/plan is refused and the plan stays', async () => {
    const t = await startTestApp({ workers: false, env: { STRIPE_SECRET_KEY: 'sk_test_local' } });
    try {
      const s = await t.register();
      const res = await request(t.app).put('/api/v1/plan').set(bearer(s)).send({ plan: 'telephony' });
      expect(res.status).toBe(409);
      expect(problemOf(res).detail).toContain('Stripe');
      expect((await t.deps.prisma.tenant.findUniqueOrThrow({ where: { id: s.tenantId } })).plan).toBe('starter');
      expect((await request(t.app).get('/api/v1/billing').set(bearer(s))).body.payments).toBe('stripe');
    } finally {
      await t.close();
    }
  });
});
