import { CallEventJob, usageEventsOf, UsageEventsJob, type TenantSnapshot } from '@vocalia/contracts';
import { CannotPlaceCall, placeOutboundCall } from '../src/outbound/place-outbound-call';
import { callParams } from './support/call-params';
import { newCallSid } from './support/fake-twilio-rest';
import { startHarness, type Harness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('quota');
});
afterAll(() => h.close());

const callEvents = async (callSid: string) => (await h.jobs('call-events')).map((j) => CallEventJob.parse(j.data)).filter((j) => j.callSid === callSid);
const usageOf = async (tenantId: string) => (await h.jobs('usage-events')).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data))).filter((u) => u.tenantId === tenantId);

/** A telephony tenant whose snapshot db-api changed (minutes used up, account restricted). */
function tenantWith(id: string, number: string, change: Partial<TenantSnapshot['tenant']>, settings: { maxCallSeconds?: number } = {}): void {
  h.addTenant({ id, number, settings: { maxConcurrentCalls: 1, ...settings } });
  const snapshot = h.db.snapshots.get(id)!;
  h.db.snapshots.set(id, { ...snapshot, tenant: { ...snapshot.tenant, ...change } });
}

describe('calls refused before they start', () => {
  it('when the tenant has used up its phone minutes, then the caller hears a short apology in the tenant language and Hangup, and the call is recorded as refused', async () => {
    tenantWith('spent', '+212522000101', { telephonyMinutesReached: true });
    const callSid = newCallSid();
    const res = await h.twilio('/voice/inbound', callParams(callSid, '+212522000101', { CallStatus: 'ringing' })).expect(200);
    expect(res.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna-Neural" language="en-US">Sorry, our service cannot answer right now. Please call back later. Goodbye.</Say><Hangup/></Response>',
    );
    const events = await callEvents(callSid);
    expect(events).toEqual([expect.objectContaining({ type: 'call.completed', tenantId: 'spent', direction: 'inbound', status: 'refused', durationSec: 0, from: '+33612345678', to: '+212522000101' })]);

    // Nothing was billed and no line was held: Twilio's final status changes nothing, a second call is refused the same way.
    await h.twilio('/voice/status', callParams(callSid, '+212522000101', { CallStatus: 'completed', CallDuration: '3' })).expect(204);
    expect(await usageOf('spent')).toEqual([]);
    const again = await h.twilio('/voice/inbound', callParams(newCallSid(), '+212522000101', { CallStatus: 'ringing' })).expect(200);
    expect(again.text).toContain('Sorry, our service cannot answer right now.');
  });

  it('when the account is restricted, then the apology is in the tenant language too, and the call is recorded as refused', async () => {
    tenantWith('restricted', '+212522000102', { status: 'suspended' });
    const callSid = newCallSid();
    const res = await h.twilio('/voice/inbound', callParams(callSid, '+212522000102', { CallStatus: 'ringing' })).expect(200);
    expect(res.text).toContain('language="en-US">Sorry, our service cannot answer right now.');
    expect(res.text).toMatch(/<Hangup\/><\/Response>$/);
    expect((await callEvents(callSid)).map((e) => [e.type, e.status])).toEqual([['call.completed', 'refused']]);
  });

  it('when the minutes are not used up, then the call is answered as usual', async () => {
    tenantWith('fine', '+212522000103', {});
    const res = await h.twilio('/voice/inbound', callParams(newCallSid(), '+212522000103', { CallStatus: 'ringing' })).expect(200);
    expect(res.text).toContain('<Gather');
  });

  it('when a scheduled outbound call comes due after the minutes ran out, then it is not placed (a dead letter, not a retry)', async () => {
    tenantWith('late', '+212522000104', { telephonyMinutesReached: true });
    const placed = h.twilioRest.placed.length;
    const job = { v: 1 as const, eventId: 'outbound-late', callId: 'call-late', tenantId: 'late', from: '+212522000104', requestId: 'req-late', at: new Date().toISOString(), to: '+33698765432', agentId: 'agent-late', reason: 'cart_recovery' as const };
    const waitForLine = () => Promise.reject(new Error('should not wait for a line'));
    await expect(placeOutboundCall(h.composed.outbound, job, waitForLine)).rejects.toThrow(CannotPlaceCall);
    expect(h.twilioRest.placed).toHaveLength(placed);
  });
});

describe('calls cut to the phone minutes left', () => {
  it('when fewer minutes are left than the maximum call duration, then the call answered now ends politely once they are used', async () => {
    tenantWith('short', '+212522000105', { telephonySecondsLeft: 90 }, { maxCallSeconds: 900 });
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, '+212522000105', { CallStatus: 'ringing' })).expect(200);
    h.clock.now += 60_000;
    expect((await h.twilio('/voice/turn', callParams(callSid, '+212522000105', { SpeechResult: 'Are you open today?' })).expect(200)).text).not.toContain('maximum length');
    h.clock.now += 31_000;
    const res = await h.twilio('/voice/turn', callParams(callSid, '+212522000105', { SpeechResult: 'And tomorrow?' })).expect(200);
    expect(res.text).toContain('We have reached the maximum length of this call. Thank you for calling, goodbye.</Say><Hangup/>');
  });

  it('when more minutes are left than the maximum call duration, then the tenant maximum still holds', async () => {
    tenantWith('roomy', '+212522000106', { telephonySecondsLeft: 100_000 }, { maxCallSeconds: 60 });
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, '+212522000106', { CallStatus: 'ringing' })).expect(200);
    h.clock.now += 61_000;
    const res = await h.twilio('/voice/turn', callParams(callSid, '+212522000106', { SpeechResult: 'Still there?' })).expect(200);
    expect(res.text).toContain('We have reached the maximum length of this call.');
  });

  it('when an outbound call is placed with few minutes left, then Twilio gets the minutes left as its time limit', async () => {
    tenantWith('dialer', '+212522000107', { telephonySecondsLeft: 45 }, { maxCallSeconds: 300 });
    const job = { v: 1 as const, eventId: 'outbound-short', callId: 'call-short', tenantId: 'dialer', from: '+212522000107', requestId: 'req-short', at: new Date().toISOString(), to: '+33698765432', agentId: 'agent-dialer', reason: 'cart_recovery' as const };
    const callSid = await placeOutboundCall(h.composed.outbound, job, () => Promise.reject(new Error('should not wait for a line')));
    expect(h.twilioRest.placed.find((p) => p.sid === callSid)!.params.get('TimeLimit')).toBe('45');

    // Answered, the call itself also ends when the 45 s are used (the tenant's 300 s do not apply).
    const answered = { ...callParams(callSid!, '+33698765432'), From: '+212522000107', Direction: 'outbound-api' };
    expect((await h.twilio('/voice/outbound', answered).expect(200)).text).toContain('<Gather');
    h.clock.now += 46_000;
    const res = await h.twilio('/voice/turn', { ...answered, SpeechResult: 'Who is calling?' }).expect(200);
    expect(res.text).toContain('We have reached the maximum length of this call.');
  });
});
