import request from 'supertest';
import { ConversationEventsJob, conversationTurnsOf } from '@vocalia/contracts';
import { eventually } from '@vocalia/conversation/testing';
import { MAX_STREAM_RESUMES } from '../src/calls/resume-stream';
import { callParams } from './support/call-params';
import { muLawTone } from './support/media-client';
import { startStreamHarness, type StreamHarness } from './support/stream-harness';

const ACME = { id: 'acme-handover', number: '+212522000041', settings: { maxConcurrentCalls: 50 } };
let s: StreamHarness;

beforeAll(async () => {
  s = await startStreamHarness('handover', [ACME]);
});
afterAll(() => s.close());

const parametersOf = (twiml: string) => Object.fromEntries([...twiml.matchAll(/<Parameter name="(\w+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
const streamEnded = (callSid: string) => s.h.twilio('/voice/stream-ended', callParams(callSid, ACME.number)).expect(200);
const turnsOf = async (callSid: string) =>
  (await s.h.jobs('conversation-events')).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((t) => t.sessionId === callSid);

describe('a live call on a replica that is leaving (rolling update, scale-down)', () => {
  it('when the replica hands it over, then the stream closes once the caller heard the reply, Twilio reconnects it, and the new stream carries on without greeting again', async () => {
    const { rt } = s;
    const { callSid, parameters } = await s.answer(ACME.number);
    const first = await s.streamFor(callSid, parameters);
    await eventually(() => expect(rt.of('session.update')).toHaveLength(1));
    expect(rt.of('response.create')).toHaveLength(1);
    rt.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'item_u1', transcript: 'Can I book a table for two tonight?' });
    rt.send({ type: 'response.output_audio_transcript.done', item_id: 'item_a1', transcript: 'Yes, at what time?' });
    rt.send({ type: 'response.done', response: { id: 'resp_1' } });
    await eventually(async () => expect(await turnsOf(callSid)).toHaveLength(1));

    rt.send({ type: 'response.output_audio.delta', item_id: 'item_a2', delta: muLawTone(1, 220) });
    await eventually(() => expect(first.of('mark')).toHaveLength(1));
    // Far longer than the test may take: only the caller's mark can close the stream in time.
    const handingOver = s.streams.handOver(60_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(first.closed).toBeUndefined();
    first.send({ event: 'mark', streamSid: `MZ${callSid.slice(2)}`, mark: { name: 'item_a2:20' } });
    await handingOver;
    await eventually(() => expect(first.closed).toEqual({ code: 1012, reason: 'server restarting' }));

    const next = (await streamEnded(callSid)).text;
    expect(next).toContain('<Connect action="https://edge.example.com/voice/stream-ended" method="POST"><Stream url="wss://edge.example.com/voice/stream">');
    expect(next).not.toContain('<Say');
    expect(next).not.toContain('<Recording');
    const resumed = parametersOf(next);
    expect(resumed).toMatchObject({ tenant: ACME.id, resumed: '1' });

    const sent = rt.of('session.update').length + rt.of('conversation.item.create').length + rt.of('response.create').length;
    const second = await s.streamFor(callSid, resumed);
    await eventually(() => expect(rt.of('session.update')).toHaveLength(2));
    await eventually(() => expect(rt.of('conversation.item.create').map((e) => e.item)).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Can I book a table for two tonight?' }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Yes, at what time?' }] },
    ]));
    expect(rt.of('response.create')).toHaveLength(1);
    expect(rt.of('session.update').length + rt.of('conversation.item.create').length + rt.of('response.create').length).toBe(sent + 3);
    second.close();
  });

  it('when nothing is playing, then the stream is handed over at once', async () => {
    const { callSid, parameters } = await s.answer(ACME.number);
    const client = await s.streamFor(callSid, parameters);
    await eventually(() => expect(s.rt.of('session.update').length).toBeGreaterThan(0));
    await s.streams.handOver(5_000);
    await eventually(() => expect(client.closed).toEqual({ code: 1012, reason: 'server restarting' }));
  });

  it('when the call is over, then Twilio is told to hang up; when its stream keeps ending, then after a few reconnections the call goes on turn by turn', async () => {
    const over = await s.answer(ACME.number);
    await s.h.twilio('/voice/status', callParams(over.callSid, ACME.number, { CallStatus: 'completed', CallDuration: '12' })).expect(204);
    expect((await streamEnded(over.callSid)).text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');

    const flaky = await s.answer(ACME.number);
    for (let i = 0; i < MAX_STREAM_RESUMES; i++) expect((await streamEnded(flaky.callSid)).text).toContain('<Stream url=');
    const fallback = (await streamEnded(flaky.callSid)).text;
    expect(fallback).toContain('<Gather');
    expect(fallback).not.toContain('<Stream');
  });

  it('when the request is not signed by Twilio, then 403 and nothing changes', async () => {
    const { callSid } = await s.answer(ACME.number);
    const stateKey = `${s.h.keyPrefix}:tel:call:${callSid}`;
    const before = await s.h.redis.get(stateKey);
    await request(s.h.app).post('/voice/stream-ended').type('form').send(callParams(callSid, ACME.number)).expect(403);
    expect(await s.h.redis.get(stateKey)).toBe(before);
  });
});
