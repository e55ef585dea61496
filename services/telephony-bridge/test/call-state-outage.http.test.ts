import { CallEventJob, ConversationEventsJob, conversationTurnsOf, usageEventsOf, UsageEventsJob } from '@vocalia/contracts';
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
});
afterAll(async () => {
  await h.close();
  await store.close();
});

const callEvents = async (callSid: string) => (await h.jobs('call-events')).map((j) => CallEventJob.parse(j.data)).filter((e) => e.callSid === callSid);
const billed = async (callSid: string) => (await h.jobs('usage-events')).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data))).filter((u) => u.eventId === `tel_${callSid}`).map((u) => u.quantity);

/** Twilio's `completed` callbacks for these calls while the call store's Redis refuses every command a call's end sends. */
async function endDuringOutage(calls: { callSid: string; number: string; seconds: number }[]): Promise<void> {
  for (const command of CALL_END_COMMANDS) store.failing.add(command);
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
