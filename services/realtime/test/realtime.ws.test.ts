import { ConversationEventsJob, conversationTurnsOf, realtimeReadyKey, usageEventsOf, UsageEventsJob } from '@vocalia/contracts';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { createProducer, type Producer } from '@vocalia/service-kit';
import type WebSocket from 'ws';
import { answerChunks } from '../testing';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
const frame = (ms = 20) => Buffer.alloc(ms * 48, 1);
const startFrame = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'start', token: 'in-url', tenantId: 'voice-shop', sessionId: 'visitor-session-0001', language: 'en', locale: 'en-US', audio: { format: 'pcm16', sampleRate: 24000 }, ...over });

let h: Harness;
let turns: Producer<'conversation-events'>;
let usage: Producer<'usage-events'>;

beforeAll(async () => {
  h = await startHarness('ws');
  h.db.snapshots.set('voice-shop', snapshotFor({ id: 'voice-shop', plan: 'pro', origins: [SHOP] }));
  h.db.snapshots.set('starter-shop', snapshotFor({ id: 'starter-shop', plan: 'starter', origins: [SHOP] }));
  turns = createProducer('conversation-events', { connection: h.redis, prefix: h.queuePrefix });
  usage = createProducer('usage-events', { connection: h.redis, prefix: h.queuePrefix });
});
afterAll(async () => {
  await Promise.all([turns.queue.obliterate({ force: true }), usage.queue.obliterate({ force: true })]);
  await Promise.all([turns.close(), usage.close()]);
  await h.close();
});

async function open(tenantId = 'voice-shop', origin = SHOP): Promise<WebSocket> {
  const opened = await openSocket(h.url, h.tokenFor(tenantId, origin), origin);
  if (!opened.ws) throw new Error(`refused ${opened.status}: ${opened.body}`);
  return opened.ws;
}

const turnJobs = async (sessionId: string) =>
  (await turns.queue.getJobs(['waiting'])).flatMap((j) => conversationTurnsOf(ConversationEventsJob.parse(j.data))).filter((j) => j.sessionId === sessionId);
const usageJobs = async () => (await usage.queue.getJobs(['waiting'])).flatMap((j) => usageEventsOf(UsageEventsJob.parse(j.data)));

describe('/realtime upgrade', () => {
  it('when the token is missing, forged or expired, then 401 before any socket opens', async () => {
    expect(await openSocket(h.url, undefined, SHOP)).toMatchObject({ status: 401 });
    const forged = await openSocket(h.url, 'eyJhbGciOiJIUzI1NiJ9.e30.forged', SHOP);
    expect(forged).toMatchObject({ status: 401 });
    expect(JSON.parse(forged.body ?? '{}')).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('when the page origin is not the token\'s, or no longer allowed, then 403', async () => {
    expect(await openSocket(h.url, h.tokenFor('voice-shop', SHOP), 'https://evil.example.net')).toMatchObject({ status: 403 });
    expect(await openSocket(h.url, h.tokenFor('voice-shop', 'https://old.example.com'), 'https://old.example.com')).toMatchObject({ status: 403 });
  });

  it('when the plan has no cloud_voice, then 403 naming the plan', async () => {
    const refused = await openSocket(h.url, h.tokenFor('starter-shop', SHOP), SHOP);
    expect(refused).toMatchObject({ status: 403 });
    expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ code: 'PLAN_REQUIRED' });
  });

  it('when the service serves sessions, then it announces so in Redis for voice-api', async () => {
    const heartbeat = h.composed.announce();
    await eventually(async () => expect(await h.redis.ttl(realtimeReadyKey(h.keyPrefix))).toBeGreaterThan(0));
    await heartbeat?.stop();
  });
});

describe('/realtime session', () => {
  it('when a visitor speaks, then the model gets the persona and the audio, and the visitor hears the answer and sees both transcripts; the turn and the seconds are recorded once', async () => {
    const ws = await open();
    const got = record(ws);
    ws.send(startFrame());
    // Audio may come before `ready`: it is held, then sent on.
    ws.send(frame());
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    ws.send(frame());
    ws.send(frame());
    await eventually(() => expect(got.texts.filter((t) => t.type === 'transcript')).toHaveLength(2));
    await eventually(() => expect(got.audioBytes).toBe(answerChunks().reduce((n, c) => n + c.length, 0)));
    expect(got.texts).toContainEqual({ type: 'transcript', role: 'user', text: h.model.userSays, final: true });
    expect(got.texts).toContainEqual({ type: 'transcript', role: 'assistant', text: h.model.modelSays, final: true });

    const [update] = h.model.of('session.update');
    expect(update?.session).toMatchObject({
      type: 'realtime',
      model: 'fake-realtime',
      output_modalities: ['audio'],
      audio: { input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: { type: 'server_vad' } }, output: { voice: 'alloy' } },
    });
    expect(String((update?.session as { instructions: string }).instructions)).toContain('Shop voice-shop');
    expect(h.model.authorizations).toContain('Bearer test-model-key');
    expect(h.model.of('input_audio_buffer.append').length).toBeGreaterThanOrEqual(3);

    const [turn] = await eventually(async () => {
      const jobs = await turnJobs('visitor-session-0001');
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(turn).toMatchObject({ channel: 'voice', origin: SHOP, userText: h.model.userSays, assistantText: h.model.modelSays, provider: 'realtime:fake-realtime', tenantId: 'voice-shop' });

    ws.send(JSON.stringify({ type: 'stop' }));
    expect((await got.closed).code).toBe(1000);
    await eventually(async () => expect((await usageJobs()).filter((j) => j.kind === 'voice_seconds' && j.tenantId === 'voice-shop')).toHaveLength(1));
  });

  it('when the session already has a conversation (typed first, or spoken on a replica that restarted), then the model gets it as items before any audio and carries on; a provider refusing them leaves the session up', async () => {
    const sessionId = 'visitor-session-resume';
    const speak = async (expectItems: boolean) => {
      const ws = await open();
      const got = record(ws);
      const from = h.model.received.length;
      ws.send(startFrame({ sessionId }));
      await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
      for (let i = 0; i < 3; i++) ws.send(frame());
      await eventually(() => expect(got.texts.filter((t) => t.type === 'transcript')).toHaveLength(2));
      ws.send(JSON.stringify({ type: 'stop' }));
      expect((await got.closed).code).toBe(1000);
      const sent = h.model.received.slice(from);
      const items = sent.filter((e) => e.type === 'conversation.item.create');
      if (expectItems) expect(sent.findIndex((e) => e.type === 'input_audio_buffer.append')).toBeGreaterThan(sent.lastIndexOf(items.at(-1)!));
      return items.map((e) => e.item);
    };

    expect(await speak(false)).toEqual([]);
    await eventually(async () => expect(await turnJobs(sessionId)).toHaveLength(1));
    expect(await speak(true)).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: h.model.userSays }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: h.model.modelSays }] },
    ]);

    await eventually(async () => expect(await turnJobs(sessionId)).toHaveLength(2));
    h.model.refuseItems = true;
    try {
      expect(await speak(true)).toHaveLength(4);
    } finally {
      h.model.refuseItems = false;
    }
  });

  it('when the visitor talks over the answer, then the browser is told to stop playback and the model\'s answer is cut at what was heard', async () => {
    h.model.chunkEveryMs = 100;
    try {
      const ws = await open();
      const got = record(ws);
      ws.send(startFrame({ sessionId: 'visitor-session-barge' }));
      await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
      for (let i = 0; i < 3; i++) ws.send(frame());
      await eventually(() => expect(got.audioBytes).toBeGreaterThan(0));
      const sentBefore = got.audioBytes;
      h.model.speechStarted();
      const truncate = await eventually(() => {
        const [event] = h.model.of('conversation.item.truncate');
        expect(event).toBeDefined();
        return event!;
      });
      expect(truncate).toMatchObject({ item_id: 'item-assistant-1', content_index: 0 });
      expect(truncate.audio_end_ms).toBeGreaterThan(0);
      // Heard is bounded by the audio sent (48 bytes per ms) and by the time it had to play.
      expect(truncate.audio_end_ms as number).toBeLessThanOrEqual(Math.ceil(got.audioBytes / 48));
      expect(sentBefore).toBeGreaterThan(0);
      expect(h.model.of('response.cancel').length).toBeGreaterThan(0);
      expect(got.texts.filter((t) => t.type === 'speech_started').length).toBeGreaterThanOrEqual(2);
      ws.close(1000);
      await got.closed;
    } finally {
      h.model.chunkEveryMs = 0;
    }
  });

  it('when the visitor talks over an answer the model has finished but the browser still plays, then the answer is cut without cancelling and the session stays up', async () => {
    // 15 s of audio (720 KB) arrives at once, under the harness's 1 MB of unread audio that drops a browser.
    h.model.answerMs = 15_000;
    try {
      const ws = await open();
      const got = record(ws);
      ws.send(startFrame({ sessionId: 'visitor-session-late-barge' }));
      await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
      const cancelsBefore = h.model.of('response.cancel').length;
      const truncatesBefore = h.model.of('conversation.item.truncate').length;
      for (let i = 0; i < 3; i++) ws.send(frame());
      await eventually(() => expect(got.texts).toContainEqual({ type: 'transcript', role: 'assistant', text: h.model.modelSays, final: true }));
      h.model.speechStarted();
      const truncate = await eventually(() => {
        const event = h.model.of('conversation.item.truncate')[truncatesBefore];
        expect(event).toBeDefined();
        return event!;
      });
      expect(truncate.audio_end_ms as number).toBeLessThan(h.model.answerMs);
      expect(h.model.of('response.cancel')).toHaveLength(cancelsBefore);
      ws.send(JSON.stringify({ type: 'stop' }));
      expect((await got.closed).code).toBe(1000);
    } finally {
      h.model.answerMs = 500;
    }
  });

  it('when frames are malformed, then each socket closes with its code and others are untouched', async () => {
    const bystander = await open();
    const watching = record(bystander);
    bystander.send(startFrame({ sessionId: 'visitor-session-bystander' }));
    await eventually(() => expect(watching.texts).toContainEqual({ type: 'ready' }));

    const badJson = await open();
    const a = record(badJson);
    badJson.send('{not json');
    expect((await a.closed).code).toBe(1007);
    expect(a.texts[0]).toMatchObject({ type: 'error', code: 'BAD_JSON' });

    const odd = await open();
    const b = record(odd);
    odd.send(startFrame({ sessionId: 'visitor-session-odd' }));
    odd.send(Buffer.alloc(3));
    expect((await b.closed).code).toBe(1007);

    const silent = await open();
    const c = record(silent);
    expect((await c.closed).code).toBe(1008);
    expect(c.texts[0]).toMatchObject({ type: 'error', code: 'START_TIMEOUT' });

    const foreign = await open();
    const d = record(foreign);
    foreign.send(startFrame({ tenantId: 'starter-shop' }));
    expect((await d.closed).code).toBe(1008);

    const huge = await open();
    const e = record(huge);
    huge.send(startFrame({ sessionId: 'visitor-session-huge' }));
    huge.send(Buffer.alloc(64 * 1024));
    expect((await e.closed).code).toBe(1009);

    expect(bystander.readyState).toBe(bystander.OPEN);
    bystander.close(1000);
    await watching.closed;
  });

  it('when the speech model drops mid-session, then the browser gets an error and a 1011 close (it falls back to browser speech)', async () => {
    const ws = await open();
    const got = record(ws);
    ws.send(startFrame({ sessionId: 'visitor-session-drop' }));
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    h.model.dropAll();
    expect((await got.closed).code).toBe(1011);
    expect(got.texts).toContainEqual(expect.objectContaining({ type: 'error', code: 'UPSTREAM_FAILED' }));
  });
});
