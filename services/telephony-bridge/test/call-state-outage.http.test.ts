import { CallEventJob, ConversationEventsJob, conversationTurnsOf, TENANT_UPDATED_CHANNEL, usageEventsOf, UsageEventsJob, type TenantSnapshot } from '@vocalia/contracts';
import { eventually } from '@vocalia/conversation/testing';
import { callParams } from './support/call-params';
import { failingRedis, type FailingRedis } from './support/failing-redis';
import { newCallSid } from './support/fake-twilio-rest';
import { startHarness, type Harness } from './support/harness';
import { recordingLogger } from './support/recording-logger';

const ACME = { id: 'acme', number: '+212522000001' };
/** Every command the call store and the tenant's call limit send when a call ends. */
const CALL_END_COMMANDS = ['get', 'set', 'zrem', 'eval'];

let h: Harness;
let store: FailingRedis;
const log = recordingLogger('telephony-bridge');

beforeAll(async () => {
  store = await failingRedis();
  h = await startHarness('state-outage', { redis: store.redis, logger: log.logger });
  h.addTenant(ACME);
  await h.composed.listenForTenantUpdates(h.subscriber);
});
afterAll(async () => {
  await h.close();
  await store.close();
});

const callEvents = async (callSid: string) => (await h.jobs('call-events')).map((j) => CallEventJob.parse(j.data)).filter((e) => e.callSid === callSid);
const billed = async (callSid: string) => (await h.jobs('usage-events')).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data))).filter((u) => u.eventId === `tel_${callSid}`).map((u) => u.quantity);

/** db-api changed the tenant and said so on `tenant-updated`: from now on, this replica reads the new snapshot. */
async function changeTenant(id: string, change: Partial<TenantSnapshot['tenant']>): Promise<void> {
  const snapshot = h.db.snapshots.get(id)!;
  h.db.snapshots.set(id, { ...snapshot, tenant: { ...snapshot.tenant, ...change } });
  await h.redis.publish(TENANT_UPDATED_CHANNEL, JSON.stringify({ tenantId: id, what: 'billing', at: new Date().toISOString() }));
  await eventually(async () => expect((await h.composed.deps.calls.turns.agentFor(id, null))?.language).toBe('en'));
}

/** Twilio's `completed` callbacks for these calls while the call store's Redis refuses `commands` (by default, every command a call's end sends). */
async function endDuringOutage(calls: { callSid: string; number: string; seconds: number }[], commands = CALL_END_COMMANDS): Promise<void> {
  for (const command of commands) store.failing.add(command);
  try {
    for (const c of calls) await h.twilio('/voice/status', callParams(c.callSid, c.number, { CallStatus: 'completed', CallDuration: String(c.seconds) })).expect(204);
  } finally {
    store.failing.clear();
  }
}

describe("when the call store's Redis connection fails", () => {
  it('between the answer and saving the call, then the caller still hears the answer, and the turn is stored once', async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    store.failing.add('set');
    const hours = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'What are your opening hours?' })).expect(200);
    store.failing.clear();
    expect(hours.text).toContain('9:00');
    await eventually(async () => {
      const turns = (await h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);
      expect(turns.map((t) => t.userText)).toEqual(['What are your opening hours?']);
    });
  });

  it("for every command when the call ends, then Twilio's callback is still taken, and the call recorded and billed once", async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    await endDuringOutage([{ callSid, number: ACME.number, seconds: 27 }]);
    await eventually(async () => {
      const ended = (await callEvents(callSid)).filter((e) => e.type === 'call.completed');
      expect(ended.map((e) => [e.tenantId, e.durationSec])).toEqual([['acme', 27]]);
      expect(await billed(callSid)).toEqual([27]);
    });
  });

  it('at the next turn, then the recovery is one JSON line with the request and tenant ids, the error, and no phone number', async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    store.failing.add('get');
    const turn = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'What are your opening hours?' })).expect(200);
    store.failing.clear();
    expect(turn.text).toContain('9:00');
    const recovery = log.lines().filter((l) => l.callSid === callSid && /unreadable|rebuilt/.test(String(l.message)));
    expect(recovery).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'call state unreadable (Redis away?): rebuilt from its number',
        service: 'telephony-bridge',
        requestId: turn.headers['x-request-id'],
        tenantId: 'acme',
        err: expect.objectContaining({ message: 'Connection is closed.' }),
      }),
    ]);
    expect(JSON.stringify(recovery)).not.toMatch(/612345678|522000001/);
  });
});

describe("a refused call whose end comes while the call store's Redis cannot say it was refused", () => {
  it('when it was refused for used-up phone minutes, topped up before the callback, then it is not billed, and a call answered in the same outage is billed once', async () => {
    h.addTenant({ id: 'spent', number: '+212522000201' });
    const snapshot = h.db.snapshots.get('spent')!;
    h.db.snapshots.set('spent', { ...snapshot, tenant: { ...snapshot.tenant, telephonyMinutesReached: true } });
    const refused = newCallSid();
    const apology = await h.twilio('/voice/inbound', callParams(refused, '+212522000201', { CallStatus: 'ringing' })).expect(200);
    expect(apology.text).toContain('Sorry, our service cannot answer right now.');
    // The snapshot read at the callback no longer says the call would be refused (a payment, a new period, another replica's cache).
    await changeTenant('spent', { telephonyMinutesReached: false });
    const answered = newCallSid();
    await h.twilio('/voice/inbound', callParams(answered, ACME.number, { CallStatus: 'ringing' })).expect(200);

    await endDuringOutage([
      { callSid: refused, number: '+212522000201', seconds: 3 },
      { callSid: answered, number: ACME.number, seconds: 12 },
    ]);

    // Held ends are settled in arrival order: once the answered call's seconds are in, the refused call's fate is known.
    await eventually(async () => expect(await billed(answered)).toEqual([12]));
    expect(await billed(refused)).toEqual([]);
    expect((await callEvents(refused)).map((e) => [e.type, e.status, e.durationSec])).toEqual([['call.completed', 'refused', 0]]);
  });

  it('when all the tenant lines were busy, then it is neither recorded as a call of the tenant nor billed, and the call holding the line is billed once', async () => {
    const tenant = { id: 'solo', number: '+212522000202', settings: { maxConcurrentCalls: 1 } };
    h.addTenant(tenant);
    const holding = newCallSid();
    await h.twilio('/voice/inbound', callParams(holding, tenant.number, { CallStatus: 'ringing' })).expect(200);
    const refused = newCallSid();
    const busy = await h.twilio('/voice/inbound', callParams(refused, tenant.number, { CallStatus: 'ringing' })).expect(200);
    expect(busy.text).toContain('All our lines are busy right now.');

    await endDuringOutage([
      { callSid: refused, number: tenant.number, seconds: 4 },
      { callSid: holding, number: tenant.number, seconds: 5 },
    ]);

    await eventually(async () => expect(await billed(holding)).toEqual([5]));
    expect(await billed(refused)).toEqual([]);
    expect(await callEvents(refused)).toEqual([]);
  });

  it('when only the read fails (Redis answers the writes), then the refusal kept in Redis is not overwritten, and the call is not billed', async () => {
    const tenant = { id: 'pair', number: '+212522000203', settings: { maxConcurrentCalls: 1 } };
    h.addTenant(tenant);
    const holding = newCallSid();
    await h.twilio('/voice/inbound', callParams(holding, tenant.number, { CallStatus: 'ringing' })).expect(200);
    const refused = newCallSid();
    await h.twilio('/voice/inbound', callParams(refused, tenant.number, { CallStatus: 'ringing' })).expect(200);

    await endDuringOutage(
      [
        { callSid: refused, number: tenant.number, seconds: 6 },
        { callSid: holding, number: tenant.number, seconds: 8 },
      ],
      ['get'],
    );

    await eventually(async () => expect(await billed(holding)).toEqual([8]));
    expect(await billed(refused)).toEqual([]);
    expect(await h.composed.deps.calls.calls.get(refused)).toMatchObject({ ended: true, refused: true });
  });
});
