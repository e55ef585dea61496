import { eventually } from '@vocalia/conversation/testing';
import type { MediaClient } from './support/media-client';
import { chunks, SILENCE_FRAME, speechFixture } from './support/speech';
import { startStreamHarness, type StreamHarness } from './support/stream-harness';

const SHOP = { id: 'speechshop', number: '+212522000051', settings: { maxConcurrentCalls: 50 } };
const FRAME_MS = 20;
/** Model audio chunks of 100 ms (800 mu-law bytes), each followed by a mark. */
const REPLY_CHUNK_BYTES = 800;
let s: StreamHarness;

beforeAll(async () => {
  s = await startStreamHarness('speech', [SHOP], { audioFormat: 'pcmu', bargeInMinMs: 150 }, { format: 'pcmu', threshold: 500, startMs: 60, stopMs: 500 });
});
afterAll(() => s.close());

/** Frames sent as Twilio does: one every 20 ms. */
async function playAtRealTime(client: MediaClient, streamSid: string, frames: string[], firstChunk: number): Promise<void> {
  for (let i = 0; i < frames.length; i++) {
    client.media(streamSid, frames[i]!, firstChunk + i);
    await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
  }
}

describe('a streamed call with real speech (espeak-ng, G.711 mu-law at 8 kHz)', () => {
  it('passes the caller speech through byte for byte; the model hears it start after the silence; speaking over the greeting truncates it at what was heard and clears Twilio', async () => {
    const { callSid, parameters } = await s.answer(SHOP.number);
    const streamSid = `MZ${callSid.slice(2)}`;
    const client = await s.streamFor(callSid, parameters, streamSid);
    await eventually(() => expect(s.rt.of('session.update')).toHaveLength(1));

    // The agent greets: 100 ms chunks of real speech, each followed by a mark.
    const greeting = chunks(speechFixture('agent-greeting'), REPLY_CHUNK_BYTES);
    for (const delta of greeting) s.rt.send({ type: 'response.output_audio.delta', item_id: 'item_greeting', delta });
    await eventually(() => expect(client.of('mark')).toHaveLength(greeting.length));
    expect(client.of('media').map((m) => (m.media as { payload: string }).payload)).toEqual(greeting);
    // Twilio has played the first 1.2 s of it when the caller starts talking.
    const heard = client.of('mark').slice(0, 12);
    for (const mark of heard) client.send({ event: 'mark', streamSid, mark: mark.mark });

    const question = chunks(speechFixture('caller-question'));
    const silence = Array.from({ length: 15 }, () => SILENCE_FRAME);
    const callerAudio = [...silence, ...question, ...silence, ...silence];
    await playAtRealTime(client, streamSid, callerAudio, 0);

    await eventually(() => expect(s.rt.of('input_audio_buffer.append').map((m) => m.audio)).toEqual(callerAudio));
    const [started, stopped] = s.rt.vadEvents;
    expect(started).toMatchObject({ type: 'input_audio_buffer.speech_started' });
    // Speech begins after the 300 ms of silence, within the first words of the question.
    expect(started!.audio_start_ms).toBeGreaterThanOrEqual(300);
    expect(started!.audio_start_ms).toBeLessThan(300 + 400);
    expect(stopped).toMatchObject({ type: 'input_audio_buffer.speech_stopped' });
    expect(stopped!.audio_end_ms).toBeGreaterThan(300 + 1200);

    await eventually(() => expect(s.rt.of('conversation.item.truncate')).toEqual([{ type: 'conversation.item.truncate', item_id: 'item_greeting', content_index: 0, audio_end_ms: 1200 }]));
    expect(client.of('clear')).toEqual([{ event: 'clear', streamSid }]);
    const order = client.received.map((m) => m.event);
    expect(order.indexOf('clear')).toBeGreaterThan(order.lastIndexOf('media'));
    client.close();
  });
});
