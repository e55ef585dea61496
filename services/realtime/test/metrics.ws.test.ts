import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { openSocket, record, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('metrics');
  h.db.snapshots.set('voice-shop', snapshotFor({ id: 'voice-shop', plan: 'pro', origins: [SHOP] }));
});
afterAll(() => h.close());

/** `realtime_active_sessions` as GET /metrics on the service's own port reports it. */
async function activeSessions(): Promise<number> {
  const text = await (await fetch(`${h.url.replace(/^ws/, 'http').replace(/\/realtime$/, '')}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('realtime_active_sessions '));
  return Number(line?.split(' ')[1]);
}

describe('voice sessions on /metrics', () => {
  it('when a visitor holds a voice session, then /metrics counts it, and not after it closed', async () => {
    expect(await activeSessions()).toBe(0);
    const opened = await openSocket(h.url, h.tokenFor('voice-shop', SHOP), SHOP);
    if (!opened.ws) throw new Error(`refused ${opened.status}`);
    const got = record(opened.ws);
    opened.ws.send(JSON.stringify({ type: 'start', token: 'in-url', tenantId: 'voice-shop', sessionId: 'visitor-session-0042', language: 'en', audio: { format: 'pcm16', sampleRate: 24000 } }));
    await eventually(() => expect(got.texts).toContainEqual({ type: 'ready' }));
    expect(await activeSessions()).toBe(1);
    opened.ws.close();
    await eventually(async () => expect(await activeSessions()).toBe(0));
  });
});
