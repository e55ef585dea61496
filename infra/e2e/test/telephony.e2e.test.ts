import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { createVocaliaClient, type VocaliaClient } from '@vocalia/sdk';
import { eventually } from './support';
import { startFakeTwilio, type FakeTwilio, type FakeTwilioRequest } from '@vocalia/db-api/test/support/fake-twilio';
import { PASSWORD } from './support/integrator';
import { DENTAL_KNOWLEDGE } from './support/knowledge-base';
import { deleteKeys } from './support/redis-keys';
import { reserveServer } from './support/reserved-server';
import { startDbApi } from './support/start-db-api';
import { startEdge } from './support/start-edge';
import { startTelephonyBridge } from './support/start-telephony-bridge';
import { Teardown } from './support/teardown';
import { uniquePrefix } from './support/test-env';

const CALLER = '+33612345678';
const FOR_SALE = ['+212522000101', '+212522000102'];
/** Queues and pub/sub between the services are asynchronous, and the machine may be busy. */
const SETTLE_MS = 30_000;
/** A test may wait for several of them. */
const TEST_MS = 120_000;

const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

describe('the phone line, through the edge: a number bought on Twilio, calls in and out, as the business sees them (issue #16)', () => {
  const teardown = new Teardown();
  let edge: string;
  let fakeTwilio: FakeTwilio;
  let owner: VocaliaClient;
  let number: string;

  beforeAll(async () => {
    const prefix = uniquePrefix('telephony');
    teardown.add('storage', { close: () => deleteKeys(prefix) });
    fakeTwilio = teardown.add('services', await startFakeTwilio());
    fakeTwilio.forSale.set('MA', [...FOR_SALE]);
    const dbServer = teardown.add('servers', await reserveServer());
    const bridgeServer = teardown.add('servers', await reserveServer());
    edge = teardown.add('edges', await startEdge({ 'db-api': dbServer.port, 'telephony-bridge': bridgeServer.port })).url;
    const dbApi = teardown.add('services', await startDbApi({ publicBaseUrl: edge, queuePrefix: prefix, env: fakeTwilio.env }));
    dbServer.serve(dbApi.handler);
    const bridge = await startTelephonyBridge({ publicBaseUrl: edge, dbApiUrl: dbServer.url, queuePrefix: prefix, keyPrefix: `${prefix}-tel`, twilioEnv: fakeTwilio.env });
    bridgeServer.serve(teardown.add('services', bridge).handler);

    owner = createVocaliaClient({ baseUrl: edge });
    await owner.auth.register({ email: `owner.${randomBytes(5).toString('hex')}@cabinet-atlas.example`, password: PASSWORD, company: 'Cabinet Dentaire Atlas' });
    await owner.plans.change('telephony');
    await owner.tenant.update({
      languages: ['en'],
      defaultLanguage: 'en',
      timezone: 'Africa/Casablanca',
      callSettings: { callingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' } },
    });
    await owner.agents.create({ name: 'Salma', personaId: 'dental', languages: ['en'] });
    for (const document of DENTAL_KNOWLEDGE.en) await owner.knowledge.create(document);
  }, 180_000);
  afterAll(() => teardown.run());

  /** A form POST exactly as Twilio sends it to the edge: signed with the account's auth token over the URL it calls. */
  function twilioPost(path: string, params: Record<string, string>, signature = twilio.getExpectedTwilioSignature(fakeTwilio.authToken, `${edge}${path}`, params)) {
    return fetch(`${edge}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  }

  async function twiml(path: string, params: Record<string, string>): Promise<string> {
    const res = await twilioPost(path, params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    return res.text();
  }

  const callParams = (callSid: string, extra: Record<string, string> = {}, to = number): Record<string, string> => ({
    CallSid: callSid,
    AccountSid: fakeTwilio.accountSid,
    From: CALLER,
    To: to,
    CallStatus: 'in-progress',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
    ...extra,
  });

  const twilioRequests = (method: string, path: string): FakeTwilioRequest[] => fakeTwilio.requests.filter((r) => r.method === method && r.path === `/2010-04-01/Accounts/${fakeTwilio.accountSid}${path}`);

  /** The call as the owner sees it once its events have been applied. */
  async function callOf(callSid: string) {
    return eventually(async () => {
      const page = await owner.calls.list();
      const summary = page.items.find((c) => c.callSid === callSid);
      if (!summary) throw new Error(`call ${callSid} not listed yet`);
      return summary;
    }, SETTLE_MS, 250);
  }

  it('when the owner buys a number, then it is bought on Twilio with our voice URL and status callback, and it is theirs', async () => {
    const available = await owner.phoneNumbers.available({ country: 'MA', contains: '522' });
    expect(available.items.map((n) => n.number)).toEqual(FOR_SALE);
    const bought = await owner.phoneNumbers.buy({ number: FOR_SALE[0]! });
    number = bought.number;
    expect(number).toBe(FOR_SALE[0]);
    const [purchase] = twilioRequests('POST', '/IncomingPhoneNumbers.json');
    expect(purchase?.form.get('PhoneNumber')).toBe(number);
    expect(purchase?.form.get('VoiceUrl')).toBe(`${edge}/voice/inbound`);
    expect(purchase?.form.get('StatusCallback')).toBe(`${edge}/voice/status`);
    expect((await owner.phoneNumbers.list()).items.map((n) => n.number)).toEqual([number]);
  }, TEST_MS);

  it('when a caller asks the agent a question, then the whole call runs turn by turn and the owner sees it completed, with its transcript and billable seconds', async () => {
    const callSid = newCallSid();
    const greeting = await twiml('/voice/inbound', callParams(callSid, { CallStatus: 'ringing' }));
    expect(greeting).toContain('<Gather');
    expect(greeting).toMatch(/<Say [^>]*language="en-US"/);
    expect(greeting).toContain(`action="${edge}/voice/turn"`);
    expect(greeting).not.toContain('<Recording');

    const answer = await twiml('/voice/turn', callParams(callSid, { SpeechResult: 'What time do you open on Saturday?', Confidence: '0.92' }));
    expect(answer).toContain('Saturday from 9am to 1pm');
    expect(answer).toMatch(/<Say [^>]*language="en-US"/);
    expect(answer).toContain('<Gather');

    const goodbye = await twiml('/voice/turn', callParams(callSid, { SpeechResult: 'Thank you, goodbye!' }));
    expect(goodbye).toContain('<Hangup');

    const completed = callParams(callSid, { CallStatus: 'completed', CallDuration: '47' });
    expect((await twilioPost('/voice/status', completed)).status).toBe(204);
    expect((await twilioPost('/voice/status', completed)).status).toBe(204);

    const summary = await callOf(callSid);
    const call = await eventually(async () => {
      const detail = await owner.calls.get(summary.id);
      expect(detail.status).toBe('completed');
      expect(detail.usage.telephonySeconds).toBe(47);
      expect(detail.transcript.length).toBeGreaterThanOrEqual(4);
      return detail;
    }, SETTLE_MS, 250);
    expect(call).toMatchObject({ direction: 'inbound', durationSec: 47, recordingUrl: null });
    expect(call.usage.costEur).toBeGreaterThan(0);
    expect(call.transcript.map((m) => m.text).join('\n')).toContain('What time do you open on Saturday?');
    expect(call.transcript.map((m) => m.text).join('\n')).toContain('Saturday from 9am to 1pm');
    expect((await owner.calls.list()).items.filter((c) => c.callSid === callSid)).toHaveLength(1);
    const conversation = await owner.conversations.get(call.conversationId!);
    expect(conversation).toMatchObject({ channel: 'phone', sessionId: callSid });
    // 47 s once, though Twilio said "completed" twice.
    await eventually(async () => expect((await owner.usage.get()).telephonyMinutes.used).toBe(0.78), SETTLE_MS, 250);
  }, TEST_MS);

  it('when a request under /voice/ is not signed by Twilio, then 403 and the call is not answered', async () => {
    const params = callParams(newCallSid(), { CallStatus: 'ringing' });
    const forged = twilio.getExpectedTwilioSignature('not-the-auth-token-0123456789', `${edge}/voice/inbound`, params);
    const res = await twilioPost('/voice/inbound', params, forged);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('<Gather');
  }, TEST_MS);

  it('when someone dials a number no business owns, then they hear the apology and the line hangs up', async () => {
    const answer = await twiml('/voice/inbound', callParams(newCallSid(), { CallStatus: 'ringing' }, FOR_SALE[1]));
    // No tenant, so no language of its own: the line's (French).
    expect(answer).toContain("Désolé, ce numéro n'est pas en service.");
    expect(answer).toContain('<Hangup');
  }, TEST_MS);

  it('when the owner records calls, then the caller hears the consent notice first, and the owner gets the recording through the API', async () => {
    await owner.tenant.update({ callSettings: { recordCalls: true } });
    const callSid = newCallSid();
    const greeting = await eventually(async () => {
      const text = await twiml('/voice/inbound', callParams(callSid, { CallStatus: 'ringing' }));
      expect(text).toContain('<Recording');
      return text;
    }, SETTLE_MS, 250);
    expect(greeting.indexOf('This call may be recorded')).toBeGreaterThan(-1);
    expect(greeting.indexOf('<Recording')).toBeGreaterThan(greeting.indexOf('This call may be recorded'));
    expect(greeting).toContain(`recordingStatusCallback="${edge}/voice/recording"`);

    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    const audio = randomBytes(4096);
    fakeTwilio.recordings.set(recordingSid, audio);
    expect((await twilioPost('/voice/status', callParams(callSid, { CallStatus: 'completed', CallDuration: '12' }))).status).toBe(204);
    const recording = {
      CallSid: callSid,
      AccountSid: fakeTwilio.accountSid,
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${fakeTwilio.accountSid}/Recordings/${recordingSid}`,
      RecordingStatus: 'completed',
      RecordingDuration: '11',
      RecordingChannels: '2',
    };
    expect((await twilioPost('/voice/recording', recording)).status).toBe(204);

    const summary = await callOf(callSid);
    const call = await eventually(async () => {
      const detail = await owner.calls.get(summary.id);
      expect(detail.recordingUrl).toBe(`/api/v1/calls/${summary.id}/recording`);
      return detail;
    }, SETTLE_MS, 250);
    expect(call.recordingDurationSec).toBe(11);
    expect(JSON.stringify(call)).not.toContain('api.twilio.com');
    expect(Buffer.from(await owner.calls.recording(summary.id)).equals(audio)).toBe(true);
  }, TEST_MS);

  it('when the owner places a call, then telephony-bridge dials it on Twilio with our answer URL and status callback, and the answered call runs like an inbound one', async () => {
    const callee = '+212600000042';
    // No caller ID given: the tenant's only number.
    const placed = await owner.calls.place({ to: callee });
    expect((await owner.calls.get(placed.id)).status).toBe('queued');
    const dialled = await eventually(() => {
      const [call] = fakeTwilio.placedCalls;
      if (!call) throw new Error('no call placed on Twilio yet');
      return call;
    }, SETTLE_MS, 250);
    expect(dialled.form.get('To')).toBe(callee);
    expect(dialled.form.get('From')).toBe(number);
    expect(dialled.form.get('Url')).toBe(`${edge}/voice/outbound`);
    expect(dialled.form.get('StatusCallback')).toBe(`${edge}/voice/status`);

    const outbound = (extra: Record<string, string>) => callParams(dialled.sid, { From: number, To: callee, Direction: 'outbound-api', ...extra });
    expect((await twilioPost('/voice/status', outbound({ CallStatus: 'initiated' }))).status).toBe(204);
    const greeting = await twiml('/voice/outbound', outbound({ CallStatus: 'in-progress' }));
    expect(greeting).toContain('<Gather');
    expect((await twilioPost('/voice/status', outbound({ CallStatus: 'completed', CallDuration: '20' }))).status).toBe(204);

    const call = await eventually(async () => {
      const detail = await owner.calls.get(placed.id);
      expect(detail.status).toBe('completed');
      expect(detail.usage.telephonySeconds).toBe(20);
      return detail;
    }, SETTLE_MS, 250);
    expect(call).toMatchObject({ callSid: dialled.sid, direction: 'outbound', durationSec: 20 });
    expect((await owner.calls.list()).items.filter((c) => c.id === placed.id)).toHaveLength(1);
    // Every call of this file, each counted once: 47 + 12 + 20 s.
    await eventually(async () => expect((await owner.usage.get()).telephonyMinutes.used).toBe(1.32), SETTLE_MS, 250);
  }, TEST_MS);

  it('when the owner releases the number, then it is released on Twilio and a caller to it hears the apology', async () => {
    const [line] = (await owner.phoneNumbers.list()).items;
    expect([...fakeTwilio.owned.values()]).toEqual([number]);
    await owner.phoneNumbers.release(line!.id);
    expect(fakeTwilio.owned.size).toBe(0);
    expect((await owner.phoneNumbers.list()).items).toEqual([]);
    await eventually(async () => expect(await twiml('/voice/inbound', callParams(newCallSid(), { CallStatus: 'ringing' }))).toContain("Désolé, ce numéro n'est pas en service."), SETTLE_MS, 250);
  }, TEST_MS);
});
