import { randomUUID } from 'node:crypto';
import { CallEventJob, usageEventsOf, UsageEventsJob, type OutboundCallJob } from '@vocalia/contracts';
import { createProducer, createRedis, type Producer, type Redis } from '@vocalia/service-kit';
import { createOutboundWorker } from '../src/outbound/outbound-worker';
import { callParams } from './support/call-params';
import { eventually } from '@vocalia/conversation/testing';
import { ACCOUNT_SID, PUBLIC_BASE_URL, REDIS_URL, startHarness, waitReady, type Harness } from './support/harness';
import { testLogger } from '@vocalia/conversation/testing';

const ACME = { id: 'acme', number: '+212522000021', settings: { maxCallSeconds: 300 } };
const CUSTOMER = '+33698765432';
let h: Harness;
let workerRedis: Redis;
let worker: ReturnType<typeof createOutboundWorker>;
let outbound: Producer<'outbound-calls'>;

beforeAll(async () => {
  h = await startHarness('outbound');
  h.addTenant(ACME);
  workerRedis = createRedis(REDIS_URL, 'worker');
  await waitReady(workerRedis);
  worker = createOutboundWorker(h.composed.outbound, { connection: workerRedis, prefix: h.queuePrefix, logger: testLogger() });
  outbound = createProducer('outbound-calls', { connection: h.redis, prefix: h.queuePrefix });
});
afterAll(async () => {
  await worker.close();
  await outbound.close();
  await workerRedis.quit();
  await h.close();
});

const job = (over: Partial<OutboundCallJob> = {}): OutboundCallJob => ({
  v: 1,
  eventId: `outbound-${randomUUID()}`,
  callId: `call-${randomUUID()}`,
  tenantId: 'acme',
  from: ACME.number,
  requestId: 'req-outbound',
  at: new Date().toISOString(),
  to: CUSTOMER,
  agentId: 'agent-acme',
  reason: 'cart_recovery',
  ...over,
});

describe('outbound calls', () => {
  it('when a job is queued, then the call is placed once through the Twilio REST API and, once answered, runs like an inbound call', async () => {
    const queued = job();
    await outbound.add(queued);
    const placed = await eventually(() => {
      expect(h.twilioRest.placed).toHaveLength(1);
      return h.twilioRest.placed[0]!;
    }, 5000);
    expect(placed.accountSid).toBe(ACCOUNT_SID);
    expect(placed.params.get('To')).toBe(CUSTOMER);
    expect(placed.params.get('From')).toBe(ACME.number);
    expect(placed.params.get('Url')).toBe(`${PUBLIC_BASE_URL}/voice/outbound`);
    expect(placed.params.get('StatusCallback')).toBe(`${PUBLIC_BASE_URL}/voice/status`);
    expect(placed.params.getAll('StatusCallbackEvent')).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(placed.params.get('TimeLimit')).toBe('300');

    await outbound.queue.add('outbound-calls', queued, { jobId: `${queued.eventId}-again` });
    await eventually(async () => expect(await outbound.queue.getCompletedCount()).toBe(2), 5000);
    expect(h.twilioRest.placed).toHaveLength(1);

    const callSid = placed.sid;
    const answered = { ...callParams(callSid, CUSTOMER), From: ACME.number, Direction: 'outbound-api' };
    await h.twilio('/voice/status', { ...answered, CallStatus: 'ringing' }).expect(204);
    const greeting = await h.twilio('/voice/outbound', answered).expect(200);
    expect(greeting.text).toContain('Hello, you are speaking with Sara from Shop acme.');
    const reply = await h.twilio('/voice/turn', { ...answered, SpeechResult: 'When are you open?' }).expect(200);
    expect(reply.text).toContain('9:00');
    await h.twilio('/voice/status', { ...answered, CallStatus: 'completed', CallDuration: '25' }).expect(204);

    const events = (await h.jobs('call-events')).map((j) => CallEventJob.parse(j.data)).filter((e) => e.callSid === callSid);
    expect(events.every((e) => e.callId === queued.callId)).toBe(true);
    expect(events.map((e) => [e.type, e.status, e.direction]).sort()).toEqual([
      ['call.completed', 'completed', 'outbound'],
      ['call.started', 'in-progress', 'outbound'],
      ['call.status', 'ringing', 'outbound'],
    ]);
  });

  it("when Redis lost a placed call's state before the callee picked up, then the callee is still greeted, from our number's tenant, and the call still ends billed", async () => {
    const before = h.twilioRest.placed.length;
    await outbound.add(job());
    const placed = await eventually(async () => {
      expect(h.twilioRest.placed.length).toBe(before + 1);
      return h.twilioRest.placed[before]!;
    }, 5000);
    await h.forgetCall(placed.sid);
    const answered = { ...callParams(placed.sid, CUSTOMER), From: ACME.number, Direction: 'outbound-api' };
    const greeting = await h.twilio('/voice/outbound', answered).expect(200);
    expect(greeting.text).toContain('Hello, you are speaking with Sara from Shop acme.');
    await h.twilio('/voice/status', { ...answered, CallStatus: 'completed', CallDuration: '12' }).expect(204);
    const events = (await h.jobs('call-events')).map((j) => CallEventJob.parse(j.data)).filter((e) => e.callSid === placed.sid);
    expect(events.map((e) => [e.type, e.direction, e.tenantId]).sort()).toEqual([
      ['call.completed', 'outbound', 'acme'],
      ['call.started', 'outbound', 'acme'],
    ]);
    await eventually(async () => {
      const billed = (await h.jobs('usage-events')).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data))).filter((u) => u.eventId === `tel_${placed.sid}`);
      expect(billed.map((u) => [u.kind, u.quantity, u.tenantId])).toEqual([['telephony_seconds', 12, 'acme']]);
    });
  });

  it('when the tenant has no free line, then the job waits (delayed, no attempt spent) and no call is placed', async () => {
    const busy = { id: 'busy', number: '+212522000023', settings: { maxConcurrentCalls: 1 } };
    h.addTenant(busy);
    await h.twilio('/voice/inbound', callParams(`CA${'b'.repeat(32)}`, busy.number, { CallStatus: 'ringing' })).expect(200);
    const before = h.twilioRest.placed.length;
    const queued = job({ tenantId: 'busy', agentId: 'agent-busy', from: busy.number });
    await outbound.add(queued);
    const waiting = await eventually(async () => {
      const found = await outbound.queue.getJob(queued.eventId);
      expect(await found?.getState()).toBe('delayed');
      return found!;
    }, 5000);
    expect(waiting.attemptsMade).toBe(0);
    expect(h.twilioRest.placed).toHaveLength(before);
    await waiting.remove();
  });

  it('when the caller ID is not a number of the tenant, then the job fails once as a dead letter and no call is placed', async () => {
    const before = h.twilioRest.placed.length;
    const other = { id: 'other', number: '+212522000022' };
    h.addTenant(other);
    await outbound.add(job({ from: other.number }));
    await eventually(async () => expect(await outbound.queue.getFailedCount()).toBe(1), 5000);
    const [failed] = await outbound.queue.getFailed();
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toBe('the caller id is not a number of this tenant');
    expect(h.twilioRest.placed).toHaveLength(before);
  });
});
