import { once } from 'node:events';
import { VOICE_SESSION_LIMITS } from '@vocalia/contracts';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { createPlaces, PLACE_KINDS } from '@vocalia/service-kit';
import WebSocket from 'ws';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
const planLimits = { ...VOICE_SESSION_LIMITS, pro: { maxSessionSec: 60, idleSec: 60, concurrentSessions: 2 } };
let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness('fleet-a', { planLimits });
  // A second replica of the same fleet: same Redis and key prefix.
  b = await startHarness('fleet-b', { planLimits, keyPrefix: a.keyPrefix, queuePrefix: a.queuePrefix });
  for (const h of [a, b]) {
    h.db.snapshots.set('pro-shop', snapshotFor({ id: 'pro-shop', plan: 'pro', origins: [SHOP] }));
    h.db.snapshots.set('pro-shop-2', snapshotFor({ id: 'pro-shop-2', plan: 'pro', origins: [SHOP] }));
  }
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const status = async (h: Harness) => (await openSocket(h.url, h.tokenFor('pro-shop', SHOP), SHOP)).status ?? 101;

let visitors = 0;

/** A session kept alive: started, as the widget does right after the upgrade. */
async function session(h: Harness): Promise<WebSocket> {
  const opened = await openSocket(h.url, h.tokenFor('pro-shop', SHOP), SHOP);
  if (!opened.ws) throw new Error(`refused ${opened.status}: ${opened.body}`);
  opened.ws.send(JSON.stringify({ type: 'start', token: 't', tenantId: 'pro-shop', sessionId: `visitor-${++visitors}`, audio: { format: 'pcm16', sampleRate: 24000 } }));
  return opened.ws;
}

describe('/realtime concurrency per tenant across replicas', () => {
  it("when a tenant's sessions are on two replicas, then its plan's concurrency holds across both; a session that ends gives its place back", async () => {
    const first = await session(a);
    const second = await session(b);
    expect(await status(a)).toBe(429);
    expect(await status(b)).toBe(429);

    const ended = record(first);
    first.close(1000);
    await ended.closed;
    await eventually(async () => expect(a.composed.realtime.sessions).toBe(0));
    const third = await session(b);
    expect(b.composed.realtime.sessions).toBe(2);
    for (const ws of [second, third]) {
      const closed = record(ws);
      ws.close(1000);
      await closed.closed;
    }
  });

  it('when a visitor is gone before its upgrade completes, then its place is given back at once, not when its hold expires', async () => {
    a.db.hold();
    const gone = new WebSocket(`${a.url}?token=${encodeURIComponent(a.tokenFor('pro-shop-2', SHOP))}`, { origin: SHOP });
    gone.on('error', () => undefined);
    await once(a.db.events, 'request');
    gone.terminate();
    const answered = once(a.db.events, 'responded');
    a.db.release();
    await answered;
    await new Promise((r) => setTimeout(r, 300));
    const places = createPlaces({ redis: a.redis, keyPrefix: a.queuePrefix, kind: PLACE_KINDS.voiceSessions });
    expect(await places.count('pro-shop-2')).toBe(0);
    const opened = [await openSocket(a.url, a.tokenFor('pro-shop-2', SHOP), SHOP), await openSocket(b.url, b.tokenFor('pro-shop-2', SHOP), SHOP)];
    expect(opened.map((o) => o.status ?? 101)).toEqual([101, 101]);
    for (const { ws } of opened) ws?.close(1000);
  });
});
