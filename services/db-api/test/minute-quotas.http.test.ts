import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { INTERNAL_TOKEN_HEADER, PLANS, type PlanId, type UsageEventJob } from '@vocalia/contracts';
import { ingestCallEvent } from '../src/calls/ingest-call-event';
import { ingestUsageEvents } from '../src/workers/usage-events.worker';
import { bearer, listenTenantUpdates, problemOf, startTestApp, type TestApp, type TestSession } from './support';

const TOKEN = 'internal-token-for-tests-0123456789';
// A Wednesday, 11:00 in Casablanca: inside the default calling hours.
const NOW = new Date('2026-11-18T10:00:00.000Z');

describe('minute quotas and the one usage count', () => {
  let t: TestApp;
  let updates: Awaited<ReturnType<typeof listenTenantUpdates>>;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => NOW, env: { INTERNAL_API_TOKEN: TOKEN } });
    updates = await listenTenantUpdates();
  });
  afterAll(async () => {
    await updates.close();
    await t.close();
  });

  const usage = (tenantId: string, kind: UsageEventJob['kind'], quantity: number): UsageEventJob => ({
    v: 1,
    tenantId,
    requestId: 'req-minutes',
    eventId: `minutes-${++seq}`,
    at: NOW.toISOString(),
    kind,
    quantity,
  });
  /** What the usage-events worker does with one job. */
  const consume = async (job: UsageEventJob) => {
    await ingestUsageEvents(t.deps, [job]);
  };
  const tenantOn = async (plan: PlanId): Promise<TestSession> => {
    const s = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan, status: 'active', timezone: 'Africa/Casablanca', defaultLanguage: 'en' } });
    return s;
  };
  const snapshot = async (tenantId: string) => (await request(t.app).get(`/internal/v1/tenants/${tenantId}/snapshot`).set(INTERNAL_TOKEN_HEADER, TOKEN)).body;
  const usageOf = async (s: TestSession) => (await request(t.app).get('/api/v1/usage').set(bearer(s))).body;
  const notices = async (tenantId: string) => (await t.deps.prisma.quotaNotice.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } })).map((n) => `${n.quota}:${n.level}`);

  it('when phone minutes reach 80 % then 100 %, then each notice is sent once, the snapshot marks them used up and POST /api/v1/calls answers 402 before queueing', async () => {
    const s = await tenantOn('telephony');
    const number = `+2125${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0').slice(-8)}`;
    const agent = await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Relances', personaId: 'dental', languages: ['fr'], isDefault: true } });
    await t.deps.prisma.phoneNumber.create({ data: { tenantId: s.tenantId, number, agentId: agent.id } });
    await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: s.tenantId, url: 'https://hooks.example.com/in', secret: 'whsec_test' } });
    const limit = PLANS.telephony.quotas.telephonyMinutesPerMonth;

    await consume(usage(s.tenantId, 'telephony_seconds', 0.8 * limit * 60 - 1));
    expect(await notices(s.tenantId)).toEqual([]);
    await consume(usage(s.tenantId, 'telephony_seconds', 1));
    await consume(usage(s.tenantId, 'telephony_seconds', 1));
    expect(await notices(s.tenantId)).toEqual(['telephonyMinutesPerMonth:warning']);
    const warning = await t.mailbox.next(s.email, /usage/);
    expect(warning.subject).toMatch(/^VocalIA usage: .+ has used 2,400 of the 3,000 phone minutes included this month$/);
    expect(warning.text).toContain('You have used 80% of your monthly phone minutes.');
    expect((await snapshot(s.tenantId)).tenant.telephonyMinutesReached).toBeUndefined();
    // What a call answered now may last at most: the seconds left this period.
    expect((await snapshot(s.tenantId)).tenant).toMatchObject({ telephonySecondsLeft: 0.2 * limit * 60 - 1 });
    expect((await snapshot(s.tenantId)).tenant.voiceSecondsLeft).toBe(PLANS.telephony.quotas.voiceMinutesIncluded * 60);
    expect((await request(t.app).post('/api/v1/calls').set(bearer(s)).send({ to: '+212612345678' })).status).toBe(202);

    await consume(usage(s.tenantId, 'telephony_seconds', 0.2 * limit * 60));
    expect(await notices(s.tenantId)).toEqual(['telephonyMinutesPerMonth:warning', 'telephonyMinutesPerMonth:reached']);
    const events = await t.deps.prisma.webhookDelivery.findMany({ where: { tenantId: s.tenantId, eventType: 'usage.threshold_reached' }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ quota: 'telephonyMinutesPerMonth', level: 'warning', limit, hardStop: true }) }),
      expect.objectContaining({ data: expect.objectContaining({ quota: 'telephonyMinutesPerMonth', level: 'reached', used: limit, limit, hardStop: true }) }),
    ]);
    await updates.waitFor(s.tenantId, 'billing');
    expect((await snapshot(s.tenantId)).tenant).toMatchObject({ telephonyMinutesReached: true, telephonySecondsLeft: 0 });
    expect((await snapshot(s.tenantId)).tenant.voiceMinutesReached).toBeUndefined();

    const calls = await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } });
    const refused = await request(t.app).post('/api/v1/calls').set(bearer(s)).send({ to: '+212612345678' });
    expect([refused.status, problemOf(refused).code]).toEqual([402, 'QUOTA_EXCEEDED']);
    expect(problemOf(refused).detail).toContain(`${limit} phone minutes are used up`);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(calls);
    // telephony-bridge turns inbound calls away and reports each as refused: a finished call, never reopened by a late status.
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const envelope = { v: 1 as const, tenantId: s.tenantId, requestId: 'req-refused', at: NOW.toISOString(), callSid, direction: 'inbound' as const };
    await ingestCallEvent(t.deps, { ...envelope, eventId: `call_${callSid}_4`, type: 'call.completed', status: 'refused', durationSec: 0, from: '+33612345678', to: number, sequence: 4 });
    await ingestCallEvent(t.deps, { ...envelope, eventId: `call_${callSid}_3`, type: 'call.status', status: 'in-progress', sequence: 3 });
    expect(await t.deps.prisma.call.findFirstOrThrow({ where: { callSid } })).toMatchObject({ status: 'refused', endedAt: NOW, durationSec: 0 });
    const phone = (await usageOf(s)).telephonyMinutes;
    expect([Math.floor(phone.used), phone.quota]).toEqual([limit, limit]);
  });

  it('when streaming voice minutes are used up, then the snapshot marks them; a plan without cloud_voice gets no notice for its browser minutes', async () => {
    const pro = await tenantOn('pro');
    const limit = PLANS.pro.quotas.voiceMinutesIncluded;
    const fresh = await snapshot(pro.tenantId);
    await consume(usage(pro.tenantId, 'voice_seconds', limit * 60 - 30));
    expect((await snapshot(pro.tenantId)).tenant.voiceMinutesReached).toBeUndefined();
    expect((await snapshot(pro.tenantId)).tenant.voiceSecondsLeft).toBe(30);
    // The minutes left are not part of the version: knowledge indexes keyed by it are not rebuilt for them.
    expect((await snapshot(pro.tenantId)).version).toBe(fresh.version);
    expect((await snapshot(pro.tenantId)).tenant.telephonySecondsLeft).toBeUndefined();
    await consume(usage(pro.tenantId, 'voice_seconds', 30));
    expect(await notices(pro.tenantId)).toEqual(['voiceMinutesIncluded:warning', 'voiceMinutesIncluded:reached']);
    await updates.waitFor(pro.tenantId, 'billing');
    expect((await snapshot(pro.tenantId)).tenant).toMatchObject({ voiceMinutesReached: true });
    expect((await t.mailbox.next(pro.email, /usage/)).text).toContain('streaming voice minutes');

    const starter = await tenantOn('starter');
    await consume(usage(starter.tenantId, 'voice_seconds', 3600));
    expect(await notices(starter.tenantId)).toEqual([]);
    expect((await snapshot(starter.tenantId)).tenant.voiceMinutesReached).toBeUndefined();
    expect((await snapshot(starter.tenantId)).tenant.voiceSecondsLeft).toBeUndefined();
  });

  it('when conversations are counted, then GET /api/v1/usage and the quota read the same ledger: the snapshot stops exactly when /usage shows the limit', async () => {
    const s = await tenantOn('starter');
    const limit = PLANS.starter.quotas.conversationsPerMonth;
    // A conversation row with no usage event is not billed, so it is in neither count.
    await t.deps.prisma.conversation.create({ data: { tenantId: s.tenantId, sessionId: 'unbilled-session', channel: 'widget', language: 'fr', startedAt: NOW } });
    await t.deps.prisma.usageRecord.createMany({
      data: Array.from({ length: limit - 1 }, (_, i) => ({ tenantId: s.tenantId, eventId: `ledger-${s.tenantId}-${i}`, kind: 'conversation' as const, quantity: 1, at: NOW })),
    });
    expect((await usageOf(s)).conversations).toEqual({ used: limit - 1, quota: limit });
    expect((await snapshot(s.tenantId)).tenant.conversationQuotaReached).toBeUndefined();

    await consume(usage(s.tenantId, 'conversation', 1));
    await updates.waitFor(s.tenantId, 'billing');
    expect((await usageOf(s)).conversations).toEqual({ used: limit, quota: limit });
    expect((await snapshot(s.tenantId)).tenant.conversationQuotaReached).toBe(true);
    const reached = await t.deps.prisma.quotaNotice.findFirstOrThrow({ where: { tenantId: s.tenantId, level: 'reached' } });
    expect(reached.used).toBe((await usageOf(s)).conversations.used);
  });
});
