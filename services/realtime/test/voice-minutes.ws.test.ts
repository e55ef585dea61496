import { snapshotFor } from '@vocalia/conversation/testing';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('minutes');
  const spent = snapshotFor({ id: 'spent-shop', plan: 'pro', origins: [SHOP] });
  h.db.snapshots.set('spent-shop', { ...spent, tenant: { ...spent.tenant, voiceMinutesReached: true } });
  h.db.snapshots.set('talkative-shop', snapshotFor({ id: 'talkative-shop', plan: 'pro', origins: [SHOP] }));
  const nearly = snapshotFor({ id: 'nearly-spent-shop', plan: 'pro', origins: [SHOP] });
  h.db.snapshots.set('nearly-spent-shop', { ...nearly, tenant: { ...nearly.tenant, voiceSecondsLeft: 1 } });
});
afterAll(() => h.close());

describe('/realtime upgrade and the streaming voice minutes', () => {
  it('when the period minutes are used up, then 402 QUOTA_EXCEEDED before any socket opens (the widget falls back to browser speech)', async () => {
    const refused = await openSocket(h.url, h.tokenFor('spent-shop', SHOP), SHOP);
    expect(refused).toMatchObject({ status: 402 });
    expect(refused.ws).toBeUndefined();
    expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 402, instance: '/realtime' });
  });

  it('when minutes are left, then the socket opens', async () => {
    const opened = await openSocket(h.url, h.tokenFor('talkative-shop', SHOP), SHOP);
    expect(opened.ws).toBeDefined();
    opened.ws?.close();
  });

  it('when less time is left than the plan\'s maximum session, then the session is cut when the minutes left are used', async () => {
    const opened = await openSocket(h.url, h.tokenFor('nearly-spent-shop', SHOP), SHOP);
    const got = record(opened.ws!);
    opened.ws!.send(JSON.stringify({ type: 'start', token: 't', tenantId: 'nearly-spent-shop', sessionId: 'visitor-session-nearly', audio: { format: 'pcm16', sampleRate: 24000 } }));
    // The pro plan allows 15 minutes a session: only the 1 second left ends this one.
    expect(await got.closed).toEqual({ code: 1001, reason: 'maximum session duration' });
  });
});
