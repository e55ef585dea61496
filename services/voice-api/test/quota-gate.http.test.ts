import request from 'supertest';
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
