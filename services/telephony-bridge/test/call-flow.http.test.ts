import request from 'supertest';
import twilio from 'twilio';
import { CallEventJob, ConversationEventsJob, conversationTurnsOf, usageEventsOf, UsageEventsJob } from '@vocalia/contracts';
import { callParams } from './support/call-params';
import { eventually, waitReady } from '@vocalia/conversation/testing';
import { newCallSid } from './support/fake-twilio-rest';
import { AUTH_TOKEN, PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';

const ACME = { id: 'acme', number: '+212522000001' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness('flow');
  h.addTenant(ACME);
});
afterAll(() => h.close());

const callEvents = async (callSid: string) => (await h.jobs('call-events')).map((j) => ({ id: j.id, ...CallEventJob.parse(j.data) })).filter((j) => j.callSid === callSid);
const usage = async () => (await h.jobs('usage-events')).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data)));

describe('signatures', () => {
  it('when the signature is missing, then 403 and the call is not answered', async () => {
    const callSid = newCallSid();
    const res = await request(h.app).post('/voice/inbound').type('form').send(callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(403);
    expect(res.text).not.toContain('<Response>');
    expect(await callEvents(callSid)).toEqual([]);
  });

  it('when the body was changed after signing, then 403', async () => {
    const callSid = newCallSid();
    const params = callParams(callSid, ACME.number);
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/voice/inbound`, params);
    await request(h.app).post('/voice/inbound').type('form').set('X-Twilio-Signature', signature).send({ ...params, To: '+212522999999' }).expect(403);
  });

  it('when signed with another auth token, then 403', async () => {
    const params = callParams(newCallSid(), ACME.number);
    const signature = twilio.getExpectedTwilioSignature('another-auth-token-0123456789', `${PUBLIC_BASE_URL}/voice/inbound`, params);
    await request(h.app).post('/voice/inbound').type('form').set('X-Twilio-Signature', signature).send(params).expect(403);
  });

  it('when signed over the URL the edge received (X-Forwarded-Proto/Host), then it is accepted', async () => {
    const params = callParams(newCallSid(), ACME.number, { CallStatus: 'ringing' });
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, 'https://calls.other-host.example/voice/inbound', params);
    const res = await request(h.app)
      .post('/voice/inbound')
      .type('form')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'calls.other-host.example')
      .set('X-Twilio-Signature', signature)
      .send(params)
      .expect(200);
    expect(res.text).toContain('<Gather');
  });

  it('when a signed request lacks the call SID, then 400 naming the field', async () => {
    const params = callParams(newCallSid(), ACME.number);
    const { CallSid: _dropped, ...rest } = params;
    const res = await h.twilio('/voice/inbound', rest).expect(400);
    expect(res.body.errors[0].path).toBe('body.CallSid');
  });
});

describe('a whole turn-based call, from ringing to completed', () => {
  it('greets, answers from the knowledge base, re-prompts on silence, ends on goodbye, and counts the call once', async () => {
    const callSid = newCallSid();
    const greeting = await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200).expect('content-type', /text\/xml/);
    expect(greeting.text).toContain(`<Gather input="speech dtmf" language="en-US" action="${PUBLIC_BASE_URL}/voice/turn"`);
    expect(greeting.text).toContain('<Say voice="Polly.Joanna-Neural" language="en-US">Hello, you are speaking with Sara from Shop acme. How can I help?</Say>');
    expect(greeting.text).not.toContain('<Record');

    const hours = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'What are your opening hours?', Confidence: '0.92' })).expect(200);
    expect(hours.text).toMatch(/<Gather[^>]*><Say voice="Polly.Joanna-Neural" language="en-US">[^<]*9:00[^<]*<\/Say><\/Gather>/);

    const silence = await h.twilio('/voice/turn', callParams(callSid, ACME.number)).expect(200);
    expect(silence.text).toContain("I didn't catch that. Could you say it again?");
    expect(silence.text).toContain('<Gather');

    const bye = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'Thank you, goodbye!' })).expect(200);
    expect(bye.text).toMatch(/<Say[^>]*>[^<]+<\/Say><Hangup\/><\/Response>$/);
    expect(bye.text).not.toContain('<Gather');

    const completed = callParams(callSid, ACME.number, { CallStatus: 'completed', CallDuration: '42' });
    await h.twilio('/voice/status', completed).expect(204);
    await h.twilio('/voice/status', completed).expect(204);

    const events = await callEvents(callSid);
    expect(events.map((e) => [e.id, e.type, e.sequence, e.status])).toEqual(
      expect.arrayContaining([
        [`call_${callSid}_0`, 'call.started', 0, 'in-progress'],
        [`call_${callSid}_4`, 'call.completed', 4, 'completed'],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.type === 'call.completed')).toMatchObject({ tenantId: 'acme', direction: 'inbound', durationSec: 42, agentId: 'agent-acme' });

    const turns = await eventually(async () => {
      const all = (await h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);
      expect(all).toHaveLength(2);
      return all;
    });
    expect(turns.map((t) => t.userText).sort()).toEqual(['Thank you, goodbye!', 'What are your opening hours?']);
    expect(turns.every((t) => t.channel === 'phone' && t.tenantId === 'acme' && t.origin === undefined)).toBe(true);

    const seconds = await eventually(async () => {
      const rows = (await usage()).filter((u) => u.kind === 'telephony_seconds' && u.eventId === `tel_${callSid}`);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(seconds[0]).toMatchObject({ tenantId: 'acme', quantity: 42 });
  });

  it('when the tenant allows an SMS summary, then the caller gets one from the line after the call; otherwise none', async () => {
    const tenant = { id: 'texter', number: '+212522000005', settings: { smsSummary: true } };
    h.addTenant(tenant);
    const before = h.twilioRest.messages.length;
    const silent = newCallSid();
    await h.twilio('/voice/inbound', callParams(silent, ACME.number, { CallStatus: 'ringing' })).expect(200);
    await h.twilio('/voice/turn', callParams(silent, ACME.number, { SpeechResult: 'Are you open on Monday?' })).expect(200);
    await h.twilio('/voice/status', callParams(silent, ACME.number, { CallStatus: 'completed', CallDuration: '9' })).expect(204);
    expect(h.twilioRest.messages).toHaveLength(before);

    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, tenant.number, { CallStatus: 'ringing' })).expect(200);
    await h.twilio('/voice/turn', callParams(callSid, tenant.number, { SpeechResult: 'What are your opening hours?' })).expect(200);
    await h.twilio('/voice/status', callParams(callSid, tenant.number, { CallStatus: 'completed', CallDuration: '20' })).expect(204);
    expect(h.twilioRest.messages).toHaveLength(before + 1);
    const sms = h.twilioRest.messages.at(-1)!;
    expect(sms.get('To')).toBe('+33612345678');
    expect(sms.get('From')).toBe(tenant.number);
    expect(sms.get('Body')).toMatch(/^Thank you for calling Shop texter\. You asked: What are your opening hours\? Our answer: .*9:00/);
  });

  it('when the caller stays silent twice, then the call ends politely', async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    const first = await h.twilio('/voice/turn', callParams(callSid, ACME.number)).expect(200);
    expect(first.text).toContain('<Gather');
    const second = await h.twilio('/voice/turn', callParams(callSid, ACME.number)).expect(200);
    expect(second.text).toContain("I still can't hear you. Thank you for calling, goodbye.</Say><Hangup/>");
  });

  it('when the call has lasted the tenant maximum, then the next turn ends it politely', async () => {
    const tenant = { id: 'brief', number: '+212522000002', settings: { maxCallSeconds: 60 } };
    h.addTenant(tenant);
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, tenant.number, { CallStatus: 'ringing' })).expect(200);
    h.clock.now += 61_000;
    const res = await h.twilio('/voice/turn', callParams(callSid, tenant.number, { SpeechResult: 'And on Saturday?' })).expect(200);
    expect(res.text).toContain('We have reached the maximum length of this call. Thank you for calling, goodbye.</Say><Hangup/>');
  });
});

describe('refusals', () => {
  it('when the dialled number belongs to no tenant, then a short apology in French then English, and Hangup', async () => {
    const res = await h.twilio('/voice/inbound', callParams(newCallSid(), '+212522999999', { CallStatus: 'ringing' })).expect(200);
    expect(res.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say voice="Polly.Lea-Neural" language="fr-FR">Désolé, ce numéro n\'est pas en service. Au revoir.</Say>' +
        '<Say voice="Polly.Joanna-Neural" language="en-US">Sorry, this number is not in service. Goodbye.</Say>' +
        '<Hangup/></Response>',
    );
  });

  it('when the account is suspended, then the caller hears that the service cannot answer, and the call hangs up', async () => {
    const tenant = { id: 'paused', number: '+212522000004' };
    h.addTenant(tenant);
    const snapshot = h.db.snapshots.get('paused')!;
    h.db.snapshots.set('paused', { ...snapshot, tenant: { ...snapshot.tenant, status: 'suspended' } });
    const res = await h.twilio('/voice/inbound', callParams(newCallSid(), tenant.number, { CallStatus: 'ringing' })).expect(200);
    expect(res.text).toContain('Sorry, our service cannot answer right now.');
    expect(res.text).toContain('<Hangup/>');
    expect(res.text).not.toContain('<Gather');
  });

  it('when the tenant already has its maximum of calls in progress, then one more is refused politely, and a place frees when a call ends', async () => {
    const tenant = { id: 'solo', number: '+212522000003', settings: { maxConcurrentCalls: 1 } };
    h.addTenant(tenant);
    const first = newCallSid();
    await h.twilio('/voice/inbound', callParams(first, tenant.number, { CallStatus: 'ringing' })).expect(200);
    const refusedSid = newCallSid();
    const refused = await h.twilio('/voice/inbound', callParams(refusedSid, tenant.number, { CallStatus: 'ringing' })).expect(200);
    expect(refused.text).toContain('All our lines are busy right now. Please call back in a few minutes. Goodbye.</Say><Hangup/>');
    await h.twilio('/voice/status', callParams(refusedSid, tenant.number, { CallStatus: 'completed', CallDuration: '4' })).expect(204);
    await h.twilio('/voice/status', callParams(first, tenant.number, { CallStatus: 'completed', CallDuration: '5' })).expect(204);
    const next = await h.twilio('/voice/inbound', callParams(newCallSid(), tenant.number, { CallStatus: 'ringing' })).expect(200);
    expect(next.text).toContain('<Gather');
    // The refused call's end is neither a call of the tenant's nor billed.
    expect(await callEvents(refusedSid)).toEqual([]);
    await eventually(async () => expect((await usage()).filter((u) => u.eventId === `tel_${first}`)).toHaveLength(1));
    expect((await usage()).filter((u) => u.eventId === `tel_${refusedSid}`)).toEqual([]);
  });
});

describe('a live call whose state Redis lost (restarted empty)', () => {
  it('when the caller speaks next, then the agent still answers in its language, and the end is still recorded and billed once', async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    await h.forgetCall(callSid);
    const hours = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'What are your opening hours?' })).expect(200);
    expect(hours.text).toMatch(/<Gather[^>]*><Say voice="Polly.Joanna-Neural" language="en-US">[^<]*9:00[^<]*<\/Say><\/Gather>/);

    await h.forgetCall(callSid);
    const completed = callParams(callSid, ACME.number, { CallStatus: 'completed', CallDuration: '31' });
    await h.twilio('/voice/status', completed).expect(204);
    await h.forgetCall(callSid);
    await h.twilio('/voice/status', completed).expect(204);

    const ended = (await callEvents(callSid)).filter((e) => e.type === 'call.completed');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ id: `call_${callSid}_4`, tenantId: 'acme', direction: 'inbound', durationSec: 31, agentId: 'agent-acme' });
    const seconds = await eventually(async () => {
      const rows = (await usage()).filter((u) => u.eventId === `tel_${callSid}`);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(seconds[0]).toMatchObject({ kind: 'telephony_seconds', quantity: 31 });
  });

  it('when the number belongs to no tenant any more, then the caller is told the line cannot answer, as before', async () => {
    const res = await h.twilio('/voice/turn', callParams(newCallSid(), '+212522999998', { SpeechResult: 'Hello?' })).expect(200);
    expect(res.text).toContain('<Hangup/>');
    expect(res.text).not.toContain('<Gather');
  });
});

describe('when the connection the jobs leave on is down', () => {
  it("then the call's end is still acknowledged, kept in memory, and queued once Redis answers again", async () => {
    const callSid = newCallSid();
    await h.twilio('/voice/inbound', callParams(callSid, ACME.number, { CallStatus: 'ringing' })).expect(200);
    await eventually(async () => expect((await callEvents(callSid)).map((e) => e.type)).toEqual(['call.started']));
    h.producerRedis.disconnect();
    try {
      await h.twilio('/voice/status', callParams(callSid, ACME.number, { CallStatus: 'completed', CallDuration: '18' })).expect(204);
    } finally {
      await h.producerRedis.connect();
      await waitReady(h.producerRedis);
    }
    const ended = await eventually(async () => {
      const found = (await callEvents(callSid)).filter((e) => e.type === 'call.completed');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(ended[0]).toMatchObject({ id: `call_${callSid}_4`, durationSec: 18 });
    await eventually(async () => expect((await usage()).filter((u) => u.eventId === `tel_${callSid}`).map((u) => u.quantity)).toEqual([18]));
  });
});
