import request from 'supertest';
import { realtimeReadyKey } from '@vocalia/contracts';
import { snapshotFor } from '@vocalia/conversation/testing';
import { startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('quota-gate');
  const full = snapshotFor({ id: 'full', plan: 'starter', origins: [SHOP] });
  h.addTenant({ ...full, tenant: { ...full.tenant, conversationQuotaReached: true } });
  h.addTenant(snapshotFor({ id: 'roomy', plan: 'starter', origins: [SHOP] }));
  h.addTenant(snapshotFor({ id: 'restricted', plan: 'starter', origins: [SHOP], status: 'suspended' }));
  h.addTenant(snapshotFor({ id: 'talkative', plan: 'pro', origins: [SHOP] }));
  const spent = snapshotFor({ id: 'spent', plan: 'pro', origins: [SHOP] });
  h.addTenant({ ...spent, tenant: { ...spent.tenant, voiceMinutesReached: true } });
});
afterAll(() => h.close());

const respond = (tenantId: string) =>
  request(h.app).post('/respond').set('Origin', SHOP).set('Authorization', `Bearer ${h.tokenFor(tenantId, SHOP)}`).send({ tenantId, sessionId: `session-${tenantId}-1`, message: 'hi' });

describe('/respond and the plan quota', () => {
  it('when the snapshot says the monthly conversations are used up, then 402 QUOTA_EXCEEDED and the engine is not called', async () => {
    const before = h.engine.inputs.length;
    const res = await respond('full').expect(402);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 402 });
    expect(res.body.detail).toContain('Dashboard > Billing');
    expect(h.engine.inputs.length).toBe(before);
  });

  it('when the quota is not used up, then the tenant is answered', async () => {
    await respond('roomy').expect(200);
  });

  it('when the account is restricted, then 402 ACCOUNT_RESTRICTED', async () => {
    const res = await respond('restricted').expect(402);
    expect(res.body.code).toBe('ACCOUNT_RESTRICTED');
  });
});

describe('/config and the streaming voice minutes', () => {
  it('when the snapshot says the voice minutes are used up, then /config offers browser voice only; a tenant with minutes left keeps realtime', async () => {
    await h.redis.set(realtimeReadyKey(h.keyPrefix), '1', 'EX', 60);
    const config = (tenantId: string) => request(h.app).get(`/config?tenantId=${tenantId}`).set('Origin', SHOP).expect(200);
    expect((await config('spent')).body.voice).toEqual({ browser: true, realtime: false });
    expect((await config('talkative')).body.voice).toEqual({ browser: true, realtime: true });
    await h.redis.del(realtimeReadyKey(h.keyPrefix));
  });
});
