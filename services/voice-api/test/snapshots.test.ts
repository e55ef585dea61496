import request from 'supertest';
import { TENANT_UPDATED_CHANNEL } from '@vocalia/contracts';
import { eventually, snapshotFor } from '@vocalia/conversation/testing';
import { startHarness, type Harness } from './support/harness';

const SHOP = 'https://shop.example.com';
const snapshotPath = (id: string) => `/internal/v1/tenants/${id}/snapshot`;

describe('snapshots behind the routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('snapshots');
  });
  afterAll(() => h.close());

  it('when 50 browsers load the widget config at once, then db-api serves one snapshot', async () => {
    h.addTenant(snapshotFor({ id: 'crowd', origins: [SHOP] }));
    h.db.delayMs = 30;
    const answers = await Promise.all(Array.from({ length: 50 }, () => request(h.app).get('/config?tenantId=crowd').set('Origin', SHOP)));
    h.db.delayMs = 0;
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(h.db.hitCount(snapshotPath('crowd'))).toBe(1);
  });

  it('when db-api sends a snapshot that breaks the contract, then 502 without internals, and the log names the bad fields', async () => {
    h.db.snapshots.set('broken', { ...snapshotFor({ id: 'broken' }), allowedOrigins: 'everything' } as never);
    const warn = jest.spyOn(h.deps.logger, 'warn');
    const res = await request(h.app).get('/config?tenantId=broken').set('Origin', SHOP).expect(502);
    expect(res.body.detail).toBe('The tenant directory gave an unusable answer; retry in a few seconds.');
    expect(warn).toHaveBeenCalledWith('db-api read failed', { why: 'tenant snapshot breaks the contract (allowedOrigins)' });
    warn.mockRestore();
  });

  it('when db-api answers another tenant\'s snapshot, then 502 and nothing of it is served', async () => {
    h.db.snapshots.set('mixed-up', snapshotFor({ id: 'someone-else', origins: [SHOP] }));
    const warn = jest.spyOn(h.deps.logger, 'warn');
    await request(h.app).get('/config?tenantId=mixed-up').set('Origin', SHOP).expect(502);
    expect(warn).toHaveBeenCalledWith('db-api read failed', { why: 'snapshot of tenant someone-else answered for mixed-up' });
    warn.mockRestore();
  });

  it('when db-api is down and the tenant is not cached, then 503', async () => {
    await h.db.stop();
    try {
      const res = await request(h.app).get('/config?tenantId=not-cached').set('Origin', SHOP).expect(503);
      expect(res.body.detail).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|internal/);
      await request(h.app).get('/config?tenantId=crowd').set('Origin', SHOP).expect(200);
    } finally {
      await h.db.start();
    }
  });

  it('when a malformed tenant-updated message arrives, then it is ignored and later ones still work', async () => {
    h.addTenant(snapshotFor({ id: 'noisy', origins: [] }));
    await request(h.app).get('/config?tenantId=noisy').set('Origin', SHOP).expect(403);
    h.addTenant(snapshotFor({ id: 'noisy', origins: [SHOP] }));
    await h.redis.publish(TENANT_UPDATED_CHANNEL, 'not json');
    await h.redis.publish(TENANT_UPDATED_CHANNEL, JSON.stringify({ tenantId: 'noisy' }));
    await h.redis.publish(TENANT_UPDATED_CHANNEL, JSON.stringify({ tenantId: 'noisy', what: 'origins', at: new Date().toISOString() }));
    await eventually(() => request(h.app).get('/config?tenantId=noisy').set('Origin', SHOP).expect(200));
  });
});
