import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { OutboundCallJob } from '@vocalia/contracts';
import type { Producer } from '@vocalia/service-kit';
import { addMemberSession, bearer, jobsSettled, problemOf, queueProducers, startTestApp, type QueueProducers, type TestApp, type TestSession } from './support';

// A Wednesday, 11:00 in Casablanca (UTC+1).
const NOW = new Date('2026-11-18T10:00:00.000Z');

describe('outbound calls: POST /api/v1/calls', () => {
  let t: TestApp;
  let producers: QueueProducers;
  let callEvents: Producer<'call-events'>;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => NOW });
    producers = queueProducers(t);
    callEvents = producers.producer('call-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
  });

  /** A telephony tenant with one number answered by its default agent. */
  async function callingTenant(settings: Record<string, unknown> = {}): Promise<{ s: TestSession; agentId: string; number: string }> {
    const s = await t.register();
    const number = `+2125${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0').slice(-8)}`;
    const agent = await t.deps.prisma.agent.create({ data: { tenantId: s.tenantId, name: 'Relances', personaId: 'dental', languages: ['fr'], isDefault: true } });
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'telephony', timezone: 'Africa/Casablanca', ...settings } });
    await t.deps.prisma.phoneNumber.create({ data: { tenantId: s.tenantId, number, agentId: agent.id } });
    return { s, agentId: agent.id, number };
  }
  const place = (credential: TestSession | string, body: Record<string, unknown>) => request(t.app).post('/api/v1/calls').set(bearer(credential)).send(body);
  const jobOf = async (callId: string) => t.deps.producers.outboundCalls.queue.getJob(`outbound-call-${callId}`);

  it('when an API key places a call, then 202 with the call id, the job carries the full number, and the call is listed as queued with the callee masked', async () => {
    const { s, agentId, number } = await callingTenant();
    const key = await t.createApiKey(s);
    const res = await place(key.key, { to: '+33612345678', reason: 'cart_recovery' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', scheduledAt: null });
    const job = await jobOf(res.body.id);
    expect(OutboundCallJob.parse(job?.data)).toMatchObject({ callId: res.body.id, tenantId: s.tenantId, to: '+33612345678', from: number, agentId, reason: 'cart_recovery' });
    expect(job?.opts.delay ?? 0).toBe(0);
    const detail = await request(t.app).get(`/api/v1/calls/${res.body.id}`).set(bearer(s));
    expect(detail.body).toMatchObject({ direction: 'outbound', status: 'queued', to: '+*******5678', callSid: null, reason: 'cart_recovery', agentId });
    expect(JSON.stringify(await t.deps.prisma.call.findMany({ where: { tenantId: s.tenantId } }))).not.toContain('612345678');
    expect((await t.deps.prisma.auditLog.findFirst({ where: { tenantId: s.tenantId, action: 'call.outbound_queued' } }))?.target).toBe(`call:${res.body.id}`);

    // telephony-bridge dials it and reports back with the call id: the same row gets its CallSid.
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const envelope = { v: 1 as const, tenantId: s.tenantId, requestId: randomUUID(), at: NOW.toISOString() };
    await jobsSettled(callEvents.queue, [
      await callEvents.add({ ...envelope, eventId: randomUUID(), type: 'call.started', callSid, callId: res.body.id, direction: 'outbound', from: number, to: '+33612345678', sequence: 0 }),
    ]);
    const calls = await t.deps.prisma.call.findMany({ where: { tenantId: s.tenantId } });
    expect(calls.map((c) => [c.id, c.callSid, c.status])).toEqual([[res.body.id, callSid, 'in-progress']]);
  });

  it('when the call falls outside calling hours, then 409; scheduled inside them, then 202 and the job waits until then', async () => {
    const { s } = await callingTenant({ callingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '10:30' } });
    const now = await place(s, { to: '+212612345678' });
    expect([now.status, problemOf(now).code]).toEqual([409, 'CONFLICT']);
    expect(problemOf(now).detail).toMatch(/calling hours \(09:00-10:30, days 1,2,3,4,5, Africa\/Casablanca\)/);
    const saturday = await place(s, { to: '+212612345678', scheduledAt: '2026-11-21T09:00:00.000Z' });
    expect(saturday.status).toBe(409);
    // Thursday 09:30 in Casablanca.
    const tomorrow = await place(s, { to: '+212612345678', scheduledAt: '2026-11-19T08:30:00.000Z' });
    expect([tomorrow.status, tomorrow.body.scheduledAt]).toEqual([202, '2026-11-19T08:30:00.000Z']);
    expect((await jobOf(tomorrow.body.id))?.opts.delay).toBe(22.5 * 3600_000);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(1);
  });

  it('when the tenant lines are all busy, then 429 with Retry-After and no call is created; a scheduled call is still accepted', async () => {
    const { s } = await callingTenant({ maxConcurrentCalls: 2 });
    await t.deps.prisma.call.create({ data: { tenantId: s.tenantId, callSid: `CA${randomBytes(16).toString('hex')}`, direction: 'inbound', status: 'in-progress', startedAt: new Date(NOW.getTime() - 60_000) } });
    // A call left "in progress" for hours lost its status callback: it holds no line.
    await t.deps.prisma.call.create({ data: { tenantId: s.tenantId, callSid: `CA${randomBytes(16).toString('hex')}`, direction: 'inbound', status: 'in-progress', startedAt: new Date(NOW.getTime() - 5 * 3600_000) } });
    expect((await place(s, { to: '+212612345678' })).status).toBe(202);
    const refused = await place(s, { to: '+212612345679' });
    expect([refused.status, problemOf(refused).code, refused.headers['retry-after']]).toEqual([429, 'RATE_LIMITED', '30']);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId, direction: 'outbound' } })).toBe(1);
    expect((await place(s, { to: '+212612345679', scheduledAt: '2026-11-18T15:00:00.000Z' })).status).toBe(202);
  });

  it('when the tenant places more calls in a minute than its budget, then 429; concurrent requests never overshoot', async () => {
    const { s } = await callingTenant({ outboundCallsPerMinute: 3, maxConcurrentCalls: 50 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => place(s, { to: `+21261234560${i}` })));
    expect(results.map((r) => r.status).sort()).toEqual([202, 202, 202, 429, 429, 429, 429, 429]);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(3);
  });

  it.each([
    [{ to: '0612345678' }, 'body.to'],
    [{ to: '+212612345678', from: '+212500000000' }, 'body.from'],
    [{ to: '+212612345678', agentId: 'someone-else' }, 'body.agentId'],
    [{ to: '+212612345678', reason: 'spam' }, 'body.reason'],
    [{ to: '+212612345678', scheduledAt: '2026-11-18T08:00:00.000Z' }, 'body.scheduledAt'],
    [{ to: '+212612345678', scheduledAt: '2027-01-30T10:00:00.000Z' }, 'body.scheduledAt'],
    [{ to: '+212612345678', tenantId: 'other' }, 'body'],
  ])('when the body is %j, then 400 names %s and nothing is queued', async (body, field) => {
    const { s } = await callingTenant();
    const res = await place(s, body);
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain(field);
    expect(await t.deps.prisma.call.count({ where: { tenantId: s.tenantId } })).toBe(0);
  });

  it('when a member calls, the plan lacks outbound_calls, or the tenant has no number, then 403, 403 and 409', async () => {
    const { s } = await callingTenant();
    const member = await addMemberSession(t, s, 'member');
    expect(problemOf(await place(member, { to: '+212612345678' })).code).toBe('FORBIDDEN');
    const pro = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: pro.tenantId }, data: { plan: 'pro' } });
    expect(problemOf(await place(pro, { to: '+212612345678' }))).toMatchObject({ code: 'PLAN_REQUIRED', feature: 'outbound_calls' });
    const bare = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: bare.tenantId }, data: { plan: 'telephony' } });
    expect(problemOf(await place(bare, { to: '+212612345678' }))).toMatchObject({ status: 409, detail: expect.stringContaining('no phone number') });
  });
});
