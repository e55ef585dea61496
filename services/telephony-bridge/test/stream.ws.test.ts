import { ConversationEventsJob, conversationTurnsOf } from '@vocalia/contracts';
import { eventually } from '@vocalia/conversation/testing';
import type { FakeRealtime } from './support/fake-realtime';
import type { Harness } from './support/harness';
import { MediaClient, muLawTone } from './support/media-client';
import { startStreamHarness, type StreamHarness } from './support/stream-harness';

const ACME = { id: 'acme', number: '+212522000031', transferNumber: '+212522777777', settings: { maxConcurrentCalls: 50 } };
/** 30 seconds of phone minutes left this period, a 15-minute maximum call. */
const NEARLY_SPENT = { id: 'nearly-spent', number: '+212522000032', settings: { maxConcurrentCalls: 5, maxCallSeconds: 900 } };
let s: StreamHarness;
let h: Harness;
let rt: FakeRealtime;
let streamUrl: string;

beforeAll(async () => {
  s = await startStreamHarness('stream', [ACME, NEARLY_SPENT]);
  ({ h, rt, streamUrl } = s);
  const snapshot = h.db.snapshots.get(NEARLY_SPENT.id)!;
  h.db.snapshots.set(NEARLY_SPENT.id, { ...snapshot, tenant: { ...snapshot.tenant, telephonySecondsLeft: 30 } });
});
afterAll(() => s.close());

const answer = (number = ACME.number) => s.answer(number);
const streamFor = (callSid: string, parameters: Record<string, string>, streamSid?: string) => s.streamFor(callSid, parameters, streamSid);

describe('streaming mode', () => {
  it('when a realtime model is configured, then the call connects a bidirectional stream with tenant, agent and token as parameters (no query string)', async () => {
    const { twiml, parameters } = await answer();
    expect(twiml).toContain('<Connect action="https://edge.example.com/voice/stream-ended" method="POST"><Stream url="wss://edge.example.com/voice/stream">');
    expect(twiml).not.toContain('<Gather');
    expect(parameters).toMatchObject({ tenant: 'acme', agent: 'agent-acme' });
    expect(parameters.token).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('bridges caller audio through untouched, plays the model back with marks, truncates at what the caller heard on barge-in, and records the spoken turn', async () => {
    const { callSid, parameters } = await answer();
    const streamSid = `MZ${callSid.slice(2)}`;
    const client = await streamFor(callSid, parameters, streamSid);
    const frames = Array.from({ length: 10 }, (_, i) => muLawTone(i));
    frames.forEach((payload, i) => client.media(streamSid, payload, i));

    await eventually(() => expect(rt.of('input_audio_buffer.append').map((m) => m.audio)).toEqual(frames));
    expect(rt.authorizations).toContain('Bearer sk-test-realtime');
    const [update] = rt.of('session.update') as { session: { audio: { input: { format: unknown }; output: { format: unknown } }; instructions: string } }[];
    expect(update?.session.audio.input.format).toEqual({ type: 'audio/pcmu' });
    expect(update?.session.audio.output.format).toEqual({ type: 'audio/pcmu' });
    expect(update?.session.instructions).toContain('open Monday to Friday');
    expect(rt.of('response.create')[0]).toMatchObject({ response: { instructions: expect.stringContaining('Hello, you are speaking with Sara from Shop acme.') } });

    for (let i = 0; i < 3; i++) rt.send({ type: 'response.output_audio.delta', item_id: 'item_1', delta: muLawTone(100 + i, 220) });
    await eventually(() => expect(client.of('mark').map((m) => (m.mark as { name: string }).name)).toEqual(['item_1:20', 'item_1:40', 'item_1:60']));
    expect(client.of('media')).toHaveLength(3);
    expect(client.of('media')[0]).toMatchObject({ streamSid, media: { payload: muLawTone(100, 220) } });

    // The caller heard the first 20 ms (its mark came back), then spoke over the rest.
    client.send({ event: 'mark', streamSid, mark: { name: 'item_1:20' } });
    client.media(streamSid, muLawTone(10), 10);
    await eventually(() => expect(rt.of('input_audio_buffer.append')).toHaveLength(11));
    // A short "mhm" (speech stopped within BARGE_IN_MIN_MS) does not interrupt: the reply goes on.
    rt.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: 180, item_id: 'item_mhm' });
    rt.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: 260, item_id: 'item_mhm' });
    rt.send({ type: 'response.output_audio.delta', item_id: 'item_1', delta: muLawTone(103, 220) });
    await eventually(() => expect(client.of('mark')).toHaveLength(4));
    rt.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: 300, item_id: 'item_user_1' });
    await eventually(() => expect(rt.of('conversation.item.truncate')).toEqual([{ type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: 20 }]));
    await eventually(() => expect(client.of('clear')).toEqual([{ event: 'clear', streamSid }]));
    const order = client.received.map((m) => m.event);
    expect(order.indexOf('clear')).toBeGreaterThan(order.lastIndexOf('media'));

    rt.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'item_user_1', transcript: 'When do you open on Monday?' });
    rt.send({ type: 'response.output_audio_transcript.done', item_id: 'item_2', transcript: 'We open at nine on Monday.' });
    rt.send({ type: 'response.done', response: { id: 'resp_2' } });
    const turn = await eventually(async () => {
      const turns = (await h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);
      expect(turns).toHaveLength(1);
      return turns[0]!;
    });
    expect(turn).toMatchObject({ channel: 'phone', tenantId: 'acme', userText: 'When do you open on Monday?', assistantText: 'We open at nine on Monday.', provider: 'realtime:gpt-realtime' });
    client.send({ event: 'stop', streamSid, stop: { accountSid: `AC${'1'.repeat(32)}`, callSid } });
    client.close();
  });

  it('when a stream comes with a forged token, a token for another call, or malformed frames, then only that stream is closed with its reason', async () => {
    const first = await answer();
    const live = await streamFor(first.callSid, first.parameters);
    await eventually(() => expect(rt.of('session.update').length).toBeGreaterThan(0));

    const second = await answer();
    const forged = await streamFor(second.callSid, { ...second.parameters, token: `${second.parameters.token}x` });
    await eventually(() => expect(forged.closed).toEqual({ code: 1008, reason: 'bad token signature' }));
    const borrowed = await streamFor(second.callSid, { ...second.parameters, token: first.parameters.token! });
    await eventually(() => expect(borrowed.closed).toEqual({ code: 1008, reason: 'token for another call' }));
    const garbled = await MediaClient.connect(streamUrl);
    garbled.socket.send('{not json');
    await eventually(() => expect(garbled.closed).toEqual({ code: 1007, reason: 'malformed frame' }));
    const early = await MediaClient.connect(streamUrl);
    early.media('MZ0', muLawTone(0), 0);
    await eventually(() => expect(early.closed).toEqual({ code: 1008, reason: 'media before start' }));

    expect(live.closed).toBeUndefined();
    live.close();
  });

  it('when a live stream sends a media or mark frame of the wrong shape, then that stream is closed as malformed, as any other bad frame', async () => {
    const bad = [
      { event: 'media', media: { track: 'inbound', payload: '' } },
      { event: 'media', media: { payload: 160 } },
      { event: 'media', media: 'AAAA' },
      { event: 'mark', mark: { name: 7 } },
      { event: 'mark', mark: 'item_1:20' },
      { event: 'mark' },
    ];
    for (const frame of bad) {
      const { callSid, parameters } = await answer();
      const streamSid = `MZ${callSid.slice(2)}`;
      const client = await streamFor(callSid, parameters, streamSid);
      client.media(streamSid, muLawTone(0), 0);
      client.send({ ...frame, streamSid });
      await eventually(() => expect(client.closed).toEqual({ code: 1007, reason: 'malformed frame' }));
    }
  });

  it('when the caller presses the transfer key during a stream, then the live call is moved to the transfer with its whisper', async () => {
    const { callSid, parameters } = await answer();
    const streamSid = `MZ${callSid.slice(2)}`;
    const client = await streamFor(callSid, parameters, streamSid);
    client.send({ event: 'dtmf', streamSid, sequenceNumber: '5', dtmf: { track: 'inbound_track', digit: '0' } });
    const update = await eventually(() => {
      const found = h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toContain(`<Number url="https://edge.example.com/voice/whisper?call=${callSid}" method="POST">${ACME.transferNumber}</Number>`);
    client.close();
  });

  it('when the phone minutes left run out during a streamed call, then the live call is moved to a polite goodbye and hung up', async () => {
    const { callSid, parameters } = await answer(NEARLY_SPENT.number);
    // The stream starts 31 s after the answer: the 30 s left are already used.
    h.clock.now += 31_000;
    const client = await streamFor(callSid, parameters);
    const update = await eventually(() => {
      const found = h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toContain('We have reached the maximum length of this call. Thank you for calling, goodbye.</Say><Hangup/>');
    client.close();
  });

  it('when Redis lost the call state between the answer and the stream start, then the stream is still bridged to the agent and its turn recorded; a token that cannot say whose line it is still opens nothing', async () => {
    const { callSid, parameters } = await answer();
    await h.forgetCall(callSid);
    const greetings = rt.of('response.create').length;
    const client = await streamFor(callSid, parameters);
    await eventually(() => expect(rt.of('response.create')).toHaveLength(greetings + 1));
    expect(rt.of('response.create').at(-1)).toMatchObject({ response: { instructions: expect.stringContaining('Hello, you are speaking with Sara from Shop acme.') } });
    rt.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'item_lost_1', transcript: 'Are you open on Saturday?' });
    rt.send({ type: 'response.output_audio_transcript.done', item_id: 'item_lost_2', transcript: 'Yes, from ten.' });
    rt.send({ type: 'response.done', response: { id: 'resp_lost' } });
    await eventually(async () => {
      const turns = (await h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);
      expect(turns).toEqual([expect.objectContaining({ tenantId: 'acme', channel: 'phone', userText: 'Are you open on Saturday?', assistantText: 'Yes, from ten.' })]);
    });
    expect(client.closed).toBeUndefined();
    client.close();

    const other = await answer();
    await h.forgetCall(other.callSid);
    const lineless = h.composed.stream!.tokens.issue({ callSid: other.callSid, tenantId: 'acme', agentId: other.parameters.agent! });
    const refused = await streamFor(other.callSid, { ...other.parameters, token: lineless });
    await eventually(() => expect(refused.closed).toEqual({ code: 1008, reason: 'unknown call' }));
  });

  it('when the realtime model drops mid-call, then the call is updated to an apology that offers the transfer key and keeps listening turn by turn', async () => {
    const { callSid, parameters } = await answer();
    const before = rt.connections.length;
    const client = await streamFor(callSid, parameters);
    const model = await eventually(() => {
      expect(rt.connections.length).toBe(before + 1);
      return rt.connections[before]!;
    });
    model.close();
    const update = await eventually(() => {
      const found = h.twilioRest.updates.find((u) => u.callSid === callSid);
      expect(found).toBeDefined();
      return found!;
    });
    expect(update.twiml).toContain('Sorry, I had a technical problem. Tell me how I can help, or press 0 to speak with a person.');
    expect(update.twiml).toContain('<Gather');
    client.close();
  });
});
