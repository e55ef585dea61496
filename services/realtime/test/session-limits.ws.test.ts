import { VOICE_SESSION_LIMITS } from '@vocalia/contracts';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import WebSocket from 'ws';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('session-limits', {
    limits: { startTimeoutMs: 10_000, maxSessionMs: 60_000, idleMs: 60_000, pingEveryMs: 200, maxEarlyFrames: 10, maxOutgoingBytes: 1024 * 1024, maxSessionsPerTenant: 5, maxSessions: 3, modelName: 'fake-realtime' },
    planLimits: {
      ...VOICE_SESSION_LIMITS,
      pro: { maxSessionSec: 60, idleSec: 1, concurrentSessions: 1 },
      expert_clone: { maxSessionSec: 2, idleSec: 60, concurrentSessions: 2 },
    },
  });
  h.db.snapshots.set('pro-shop', snapshotFor({ id: 'pro-shop', plan: 'pro', origins: [SHOP] }));
  h.db.snapshots.set('expert-shop', snapshotFor({ id: 'expert-shop', plan: 'expert_clone', origins: [SHOP] }));
  h.db.snapshots.set('big-shop', snapshotFor({ id: 'big-shop', plan: 'telephony', origins: [SHOP] }));
});
afterAll(() => h.close());

const open = (tenantId: string) => openOn(h, tenantId);

async function openOn(harness: Harness, tenantId: string): Promise<WebSocket> {
  const opened = await openSocket(harness.url, harness.tokenFor(tenantId, SHOP), SHOP);
  if (!opened.ws) throw new Error(`refused ${opened.status}: ${opened.body}`);
  return opened.ws;
}

const start = (ws: WebSocket, tenantId: string) =>
  ws.send(JSON.stringify({ type: 'start', token: 't', tenantId, sessionId: `visitor-session-${tenantId}`, audio: { format: 'pcm16', sampleRate: 24000 } }));

describe('/realtime session limits per plan, per process, and heartbeats', () => {
  it('when tenants are on different plans, then each session gets its plan\'s idle time, maximum length and concurrency', async () => {
    const pro = await open('pro-shop');
    const expert = await open('expert-shop');
    const [proGot, expertGot] = [record(pro), record(expert)];
    start(pro, 'pro-shop');
    start(expert, 'expert-shop');
    expect(await openSocket(h.url, h.tokenFor('pro-shop', SHOP), SHOP)).toMatchObject({ status: 429 });
    const secondExpert = await open('expert-shop');
    secondExpert.close(1000);

    expect(await proGot.closed).toEqual({ code: 1000, reason: 'idle' });
    // The expert plan idles for 60 s: when the pro session idled out, it was still there.
    expect(expert.readyState).toBe(WebSocket.OPEN);
    expect(await expertGot.closed).toEqual({ code: 1001, reason: 'maximum session duration' });
  });

  it('when the process holds its maximum of sessions, then another socket is closed at once with 1013 and an error, the others untouched; a freed place is taken again', async () => {
    await eventually(() => expect(h.composed.realtime.sessions).toBe(0));
    const held = await Promise.all([open('big-shop'), open('big-shop'), open('big-shop')]);
    // Listening before the upgrade completes: the refusal arrives with it.
    const extra = record(new WebSocket(`${h.url}?token=${encodeURIComponent(h.tokenFor('big-shop', SHOP))}`, { origin: SHOP }));
    expect(await extra.closed).toEqual({ code: 1013, reason: 'overloaded' });
    expect(extra.texts).toContainEqual(expect.objectContaining({ type: 'error', code: 'OVERLOADED', status: 503 }));
    expect(held.map((ws) => ws.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN, WebSocket.OPEN]);
    expect(h.composed.realtime.sessions).toBe(3);

    const leaving = record(held[0]!);
    held[0]!.close(1000);
    await leaving.closed;
    await eventually(() => expect(h.composed.realtime.sessions).toBe(2));
    const again = await open('big-shop');
    await eventually(() => expect(h.composed.realtime.sessions).toBe(3));
    await Promise.all([...held.slice(1), again].map((ws) => {
      const r = record(ws);
      ws.close(1000);
      return r.closed;
    }));
  });

  it('when a browser stops answering pings, then its socket is dropped while one that answers stays', async () => {
    await eventually(() => expect(h.composed.realtime.sessions).toBe(0));
    const deaf = new WebSocket(`${h.url}?token=${encodeURIComponent(h.tokenFor('big-shop', SHOP))}`, { origin: SHOP, autoPong: false });
    const alive = await open('big-shop');
    let pings = 0;
    alive.on('ping', () => pings++);
    const dropped = new Promise<number>((resolve) => deaf.once('close', (code) => resolve(code)));
    expect(await dropped).toBe(1006);
    await eventually(() => expect(h.composed.realtime.sessions).toBe(1));
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(alive.readyState).toBe(WebSocket.OPEN);
    const r = record(alive);
    alive.close(1000);
    await r.closed;
  });
});

describe('/realtime and a browser that stops reading', () => {
  // Pings far apart: the stalled browser is dropped for the audio it leaves waiting, not for a missed pong.
  let slow: Harness;
  beforeAll(async () => {
    slow = await startHarness('stalled-reader', {
      limits: { startTimeoutMs: 10_000, maxSessionMs: 60_000, idleMs: 60_000, pingEveryMs: 60_000, maxEarlyFrames: 10, maxOutgoingBytes: 256 * 1024, maxSessionsPerTenant: 5, maxSessions: 10, modelName: 'fake-realtime' },
    });
    slow.db.snapshots.set('big-shop', snapshotFor({ id: 'big-shop', plan: 'telephony', origins: [SHOP] }));
  });
  afterAll(() => slow.close());

  it('when a browser stops reading while answers pile up, then its connection is dropped and its place freed, other sessions untouched', async () => {
    slow.model.answerMs = 120_000;
    try {
      const bystander = await openOn(slow, 'big-shop');
      const stalled = await openOn(slow, 'big-shop');
      const dropped = new Promise<number>((resolve) => stalled.once('close', (code) => resolve(code)));
      start(stalled, 'big-shop');
      await new Promise<void>((resolve) => stalled.once('message', () => resolve()));
      stalled.pause();
      for (let i = 0; i < slow.model.answerAfterAppends; i++) stalled.send(Buffer.alloc(960, 1));
      await eventually(() => expect(slow.composed.realtime.sessions).toBe(1), 10_000);
      stalled.resume();
      expect(await dropped).toBe(1006);
      expect(bystander.readyState).toBe(WebSocket.OPEN);
      const r = record(bystander);
      bystander.close(1000);
      await r.closed;
    } finally {
      slow.model.answerMs = 500;
    }
  });
});
