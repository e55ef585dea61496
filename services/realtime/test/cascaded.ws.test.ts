import { createEngine } from '@vocalia/agent';
import { ConversationEventsJob, conversationTurnsOf } from '@vocalia/contracts';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { createProducer, type Producer } from '@vocalia/service-kit';
import type WebSocket from 'ws';
import type { ComposeOptions } from '../src/compose';
import { espeakSpeech, openAiSpeech } from '../src/speech/synthesize';
import { openAiTranscription } from '../src/speech/transcribe';
import { FakeSpeechApi, spokenPcm } from '../testing';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
const UTTERANCE = { endSilenceMs: 600, startSpeechMs: 150, preRollMs: 300, maxUtteranceMs: 10_000, aggressiveness: 2 as const };
const silence = (ms: number) => Buffer.alloc(ms * 48);
const startFrame = (sessionId: string, language = 'en') =>
  JSON.stringify({ type: 'start', token: 'in-url', tenantId: 'voice-shop', sessionId, language, locale: 'en-US', audio: { format: 'pcm16', sampleRate: 24000 } });

let speech: FakeSpeechApi;
let question: Buffer;

/** The cascaded path only: no realtime model, a transcription server, the `local` engine, and speech from `synthesize`. */
async function cascadedHarness(name: string, synthesize: NonNullable<ComposeOptions['cascaded']>['synthesize']): Promise<Harness> {
  const h = await startHarness(name, {
    openModel: undefined,
    engine: createEngine({ providers: [{ kind: 'local' }] }),
    cascaded: { transcribe: openAiTranscription({ baseURL: speech.url, apiKey: 'test-stt-key', model: 'whisper-large-v3', timeoutMs: 5000 }), synthesize, utterance: UTTERANCE },
  });
  h.db.snapshots.set('voice-shop', snapshotFor({ id: 'voice-shop', plan: 'pro', origins: [SHOP] }));
  return h;
}

async function open(h: Harness): Promise<WebSocket> {
  const opened = await openSocket(h.url, h.tokenFor('voice-shop', SHOP), SHOP);
  if (!opened.ws) throw new Error(`refused ${opened.status}: ${opened.body}`);
  return opened.ws;
}

/** The visitor's microphone: 20 ms frames. */
function say(ws: WebSocket, ...audio: Buffer[]): void {
  for (const pcm of audio) for (let at = 0; at < pcm.length; at += 960) ws.send(pcm.subarray(at, at + 960));
}

beforeAll(async () => {
  speech = await new FakeSpeechApi().start();
  question = await spokenPcm('Do you deliver on Sundays?');
});
afterAll(() => speech.stop());

describe('/realtime cascaded path, with speech servers speaking the OpenAI API', () => {
  let h: Harness;
  let turns: Producer<'conversation-events'>;
  beforeAll(async () => {
    h = await cascadedHarness('cascaded-api', openAiSpeech({ baseURL: speech.url, apiKey: 'test-tts-key', model: 'tts-test', voice: 'alloy', voices: { fr: 'nova' }, timeoutMs: 5000 }));
    turns = createProducer('conversation-events', { connection: h.redis, prefix: h.queuePrefix });
  });
  afterAll(async () => {
    await turns.queue.obliterate({ force: true });
    await turns.close();
    await h.close();
  });

  it('when a visitor says a question, then it is transcribed from that speech, answered by the engine, spoken back sentence by sentence and recorded as a voice turn', async () => {
    const ws = await open(h);
    const got = record(ws);
    ws.send(startFrame('visitor-session-cascaded'));
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    say(ws, silence(300), question, silence(900));

    await eventually(() => expect(got.texts).toContainEqual(expect.objectContaining({ type: 'transcript', role: 'assistant', final: true })));
    expect(got.texts).toContainEqual({ type: 'speech_started' });
    expect(got.texts).toContainEqual({ type: 'transcript', role: 'user', text: speech.transcript, final: true });
    const [heard] = speech.transcriptions;
    expect(heard).toMatchObject({ model: 'whisper-large-v3', language: 'en', sampleRate: 24000, authorization: 'Bearer test-stt-key' });
    expect(heard!.ms).toBeGreaterThan((question.length / 48) * 0.7);
    expect(heard!.ms).toBeLessThan(question.length / 48 + 900);

    const answer = String(got.texts.find((t) => t.role === 'assistant')?.text);
    expect(speech.speeches.length).toBeGreaterThanOrEqual(1);
    expect(speech.speeches.map((s) => s.input).join(' ')).toBe(answer.replace(/\s+/g, ' ').trim());
    expect(speech.speeches[0]).toMatchObject({ model: 'tts-test', voice: 'alloy', responseFormat: 'pcm' });
    await eventually(() => expect(got.audioBytes).toBe(speech.speeches.length * speech.speechMs * 48));

    const [turn] = await eventually(async () => {
      const jobs = (await turns.queue.getJobs(['waiting'])).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((j) => j.sessionId === 'visitor-session-cascaded');
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(turn).toMatchObject({ channel: 'voice', origin: SHOP, userText: speech.transcript, assistantText: answer, tenantId: 'voice-shop' });
    ws.send(JSON.stringify({ type: 'stop' }));
    expect((await got.closed).code).toBe(1000);
  });

  it('when the visitor speaks over the spoken answer, then the browser is told, the answer stops and the next question is answered', async () => {
    speech.speechMs = 3000;
    speech.chunkEveryMs = 100;
    try {
      const ws = await open(h);
      const got = record(ws);
      ws.send(startFrame('visitor-session-cascaded-barge'));
      await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
      say(ws, question, silence(900));
      await eventually(() => expect(got.audioBytes).toBeGreaterThan(0));
      const cancelledBefore = speech.cancelledSpeeches;
      say(ws, question);
      await eventually(() => expect(got.texts.filter((t) => t.type === 'speech_started')).toHaveLength(2));
      await eventually(() => expect(speech.cancelledSpeeches).toBeGreaterThan(cancelledBefore));
      say(ws, silence(900));
      await eventually(() => expect(got.texts.filter((t) => t.type === 'transcript' && t.role === 'user')).toHaveLength(2));
      ws.close(1000);
      await got.closed;
    } finally {
      speech.speechMs = 300;
      speech.chunkEveryMs = 0;
    }
  });

  it.each([
    ['transcription', 'failWith'],
    ['speech', 'failSpeechWith'],
  ] as const)('when the %s server fails, then the browser gets an error and a 1011 close (it falls back to browser speech)', async (_server, failing) => {
    speech[failing] = 500;
    try {
      const ws = await open(h);
      const got = record(ws);
      ws.send(startFrame('visitor-session-cascaded-fail'));
      await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
      say(ws, question, silence(900));
      expect((await got.closed).code).toBe(1011);
      expect(got.texts).toContainEqual(expect.objectContaining({ type: 'error', code: 'UPSTREAM_FAILED' }));
    } finally {
      speech[failing] = undefined;
    }
  });
});

describe('/realtime cascaded path without a speech server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await cascadedHarness('cascaded-espeak', espeakSpeech({ voices: {}, timeoutMs: 10_000 }));
  });
  afterAll(() => h.close());

  it('when no speech URL is set, then espeak-ng speaks the answer (PCM16 24 kHz back to the browser), announced as ready in Redis', async () => {
    const heartbeat = h.composed.announce();
    expect(heartbeat).toBeDefined();
    await heartbeat?.stop();
    const ws = await open(h);
    const got = record(ws);
    ws.send(startFrame('visitor-session-espeak'));
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    say(ws, question, silence(900));
    await eventually(() => expect(got.texts).toContainEqual(expect.objectContaining({ type: 'transcript', role: 'assistant', final: true })));
    // A spoken sentence lasts well over half a second: 24,000 bytes at 24 kHz PCM16.
    expect(got.audioBytes).toBeGreaterThan(24_000);
    expect(got.audioBytes % 2).toBe(0);
    ws.close(1000);
    await got.closed;
  });
});
