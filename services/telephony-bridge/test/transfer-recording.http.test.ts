import { CallEventJob } from '@vocalia/contracts';
import { callParams } from './support/call-params';
import { newCallSid } from './support/fake-twilio-rest';
import { PUBLIC_BASE_URL, startHarness, type Harness } from './support/harness';

const DESK = '+212522777777';
const ACME = { id: 'acme', number: '+212522000011', transferNumber: DESK };
const RECORDED = { id: 'rec', number: '+212522000012', transferNumber: DESK, settings: { recordCalls: true } };
const NO_DESK = { id: 'nodesk', number: '+212522000013' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness('transfer');
  for (const t of [ACME, RECORDED, NO_DESK]) h.addTenant(t);
});
afterAll(() => h.close());

const open = async (tenant: { number: string }) => {
  const callSid = newCallSid();
  const greeting = await h.twilio('/voice/inbound', callParams(callSid, tenant.number, { CallStatus: 'ringing' })).expect(200);
  return { callSid, greeting: greeting.text };
};

describe('hand-off to a person', () => {
  it('when the caller presses the transfer key, then the call is dialled to the agent transfer number with a whisper', async () => {
    const { callSid } = await open(ACME);
    const res = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { Digits: '0' })).expect(200);
    expect(res.text).toContain('Let me connect you with a member of our team, please hold.</Say>');
    expect(res.text).toContain(`<Dial action="${PUBLIC_BASE_URL}/voice/dial-result" method="POST" timeout="20">`);
    expect(res.text).toContain(`<Number url="${PUBLIC_BASE_URL}/voice/whisper?call=${callSid}" method="POST">${DESK}</Number>`);
  });

  it('when the caller asks for a person, then the engine hand-off transfers, and the person answering hears a one-sentence summary', async () => {
    const { callSid } = await open(ACME);
    const res = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'I want to speak to a real person about my order' })).expect(200);
    expect(res.text).toContain(`>${DESK}</Number></Dial>`);
    const child = newCallSid();
    const whisper = await h.twilio(`/voice/whisper?call=${callSid}`, { ...callParams(child, DESK), ParentCallSid: callSid }).expect(200);
    expect(whisper.text).toContain('Call transferred by your VocalIA assistant. The caller said: I want to speak to a real person about my order</Say>');
  });

  it('when the agent does not know and offers a person, then the caller is asked and kept listening, and a yes transfers', async () => {
    const { callSid } = await open(ACME);
    const offer = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'Do you sell snow tyres?' })).expect(200);
    expect(offer.text).toContain('Would you like me to put you in touch with');
    expect(offer.text).toContain('</Say></Gather>');
    expect(offer.text).not.toContain('<Dial');
    const yes = await h.twilio('/voice/turn', callParams(callSid, ACME.number, { SpeechResult: 'Yes please' })).expect(200);
    expect(yes.text).toContain(`>${DESK}</Number></Dial>`);
  });

  it('when nobody takes the transfer (busy, no-answer), then the caller is back with the agent; when the transfer ended normally, the call ends', async () => {
    const { callSid } = await open(ACME);
    await h.twilio('/voice/turn', callParams(callSid, ACME.number, { Digits: '0' })).expect(200);
    for (const DialCallStatus of ['busy', 'no-answer']) {
      const back = await h.twilio('/voice/dial-result', callParams(callSid, ACME.number, { DialCallStatus })).expect(200);
      expect(back.text).toContain("Nobody is available right now. I'm still here: how can I help you?</Say></Gather>");
    }
    const done = await h.twilio('/voice/dial-result', callParams(callSid, ACME.number, { DialCallStatus: 'completed', DialCallDuration: '30' })).expect(200);
    expect(done.text).toContain('Thank you for calling. Goodbye.</Say><Hangup/>');
  });

  it('when Redis lost the call while the transfer rang and nobody took it, then the caller is still back with the agent', async () => {
    const { callSid } = await open(ACME);
    await h.twilio('/voice/turn', callParams(callSid, ACME.number, { Digits: '0' })).expect(200);
    await h.forgetCall(callSid);
    const back = await h.twilio('/voice/dial-result', callParams(callSid, ACME.number, { DialCallStatus: 'no-answer' })).expect(200);
    expect(back.text).toContain("Nobody is available right now. I'm still here: how can I help you?</Say></Gather>");
  });

  it('when the agent has no transfer number, then the key says nobody is available and keeps listening', async () => {
    const { callSid } = await open(NO_DESK);
    const res = await h.twilio('/voice/turn', callParams(callSid, NO_DESK.number, { Digits: '0' })).expect(200);
    expect(res.text).not.toContain('<Dial');
    expect(res.text).toContain('<Gather');
  });
});

describe('recording with consent', () => {
  it('when the tenant does not record, then nothing is recorded', async () => {
    const { greeting } = await open(ACME);
    expect(greeting).not.toContain('<Recording');
  });

  it('when the tenant records, then the consent notice is spoken before the dual-channel recording starts, and transfers are recorded too', async () => {
    const { callSid, greeting } = await open(RECORDED);
    const notice = greeting.indexOf('This call may be recorded for quality purposes.');
    const recording = greeting.indexOf(`<Start><Recording channels="dual" recordingStatusCallback="${PUBLIC_BASE_URL}/voice/recording" recordingStatusCallbackEvent="completed"/></Start>`);
    expect(notice).toBeGreaterThan(0);
    expect(recording).toBeGreaterThan(notice);
    expect(greeting.indexOf('<Gather')).toBeGreaterThan(recording);
    const transfer = await h.twilio('/voice/turn', callParams(callSid, RECORDED.number, { Digits: '0' })).expect(200);
    expect(transfer.text).toContain('record="record-from-answer-dual"');
  });

  it('when the recording is ready, then its SID, URL and duration go to call-events once', async () => {
    const { callSid } = await open(RECORDED);
    const recordingSid = `RE${'a'.repeat(32)}`;
    const params = {
      CallSid: callSid,
      AccountSid: callParams(callSid, RECORDED.number).AccountSid as string,
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC${'1'.repeat(32)}/Recordings/${recordingSid}`,
      RecordingStatus: 'completed',
      RecordingDuration: '37',
      RecordingChannels: '2',
    };
    await h.twilio('/voice/recording', params).expect(204);
    await h.twilio('/voice/recording', params).expect(204);
    const events = (await h.jobs('call-events')).map((j) => ({ id: j.id, ...CallEventJob.parse(j.data) })).filter((e) => e.callSid === callSid && e.type === 'call.recording');
    expect(events).toEqual([
      expect.objectContaining({ id: `call_${callSid}_5_${recordingSid}`, tenantId: 'rec', recordingSid, recordingUrl: params.RecordingUrl, recordingDurationSec: 37, sequence: 5 }),
    ]);
  });
});
