import { snapshotFor } from '@vocalia/conversation/testing';
import { openSocket, startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('minutes');
  const spent = snapshotFor({ id: 'spent-shop', plan: 'pro', origins: [SHOP] });
  h.db.snapshots.set('spent-shop', { ...spent, tenant: { ...spent.tenant, voiceMinutesReached: true } });
  h.db.snapshots.set('talkative-shop', snapshotFor({ id: 'talkative-shop', plan: 'pro', origins: [SHOP] }));
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
});
