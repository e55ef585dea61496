import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('limits', {
    limits: { startTimeoutMs: 2000, maxSessionMs: 60_000, idleMs: 1500, pingEveryMs: 10_000, maxEarlyFrames: 10, maxOutgoingBytes: 1024 * 1024, maxSessionsPerTenant: 1, maxSessions: 100, modelName: 'fake-realtime' },
  });
  for (const id of ['busy-shop', 'other-shop']) h.db.snapshots.set(id, snapshotFor({ id, plan: 'pro', origins: [SHOP] }));
});
afterAll(() => h.close());

describe('/realtime limits and shutdown', () => {
  it('when a live session sends no audio for the idle time, then it ends with 1000 and frees its place', async () => {
    const opened = await openSocket(h.url, h.tokenFor('other-shop', SHOP), SHOP);
    const got = record(opened.ws!);
    opened.ws!.send(JSON.stringify({ type: 'start', token: 't', tenantId: 'other-shop', sessionId: 'visitor-session-idle', audio: { format: 'pcm16', sampleRate: 24000 } }));
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    expect(await got.closed).toEqual({ code: 1000, reason: 'idle' });
    await eventually(() => expect(h.composed.realtime.sessions).toBe(0));
  });

  it('when a tenant already has its maximum of sessions, then another is refused 429 while other tenants still get theirs; draining then closes live sessions with 1012 (service restart: the widget reconnects elsewhere) and refuses new ones', async () => {
    const first = await openSocket(h.url, h.tokenFor('busy-shop', SHOP), SHOP);
    expect(first.ws).toBeDefined();
    await eventually(() => expect(h.composed.realtime.sessions).toBe(1));
    expect(await openSocket(h.url, h.tokenFor('busy-shop', SHOP), SHOP)).toMatchObject({ status: 429 });
    const other = await openSocket(h.url, h.tokenFor('other-shop', SHOP), SHOP);
    expect(other.ws).toBeDefined();

    const closes = [record(first.ws!), record(other.ws!)].map((r) => r.closed);
    const draining = h.composed.realtime.drain(2000);
    expect((await Promise.all(closes)).map((c) => c.code)).toEqual([1012, 1012]);
    await draining;
    expect(await openSocket(h.url, h.tokenFor('other-shop', SHOP), SHOP)).toMatchObject({ status: 503 });
  });
});
