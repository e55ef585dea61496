import request from 'supertest';
import { TENANT_UPDATED_CHANNEL } from '@vocalia/contracts';
import { createDbApiClient } from '../src/snapshots/db-api-client';
import { createSnapshotStore } from '../src/snapshots/snapshot-store';
import { eventually } from './support/eventually';
import { FakeDbApi, INTERNAL_TOKEN } from './support/fake-db-api';
import { snapshotFor } from './support/fixtures';
import { startHarness, type Harness } from './support/harness';
import { testLogger } from './support/test-logger';

const SHOP = 'https://shop.example.com';
const snapshotPath = (id: string) => `/internal/v1/tenants/${id}/snapshot`;

describe('snapshot store', () => {
  let db: FakeDbApi;
  let clock = 0;
  const store = (ttlMs = 1000) => createSnapshotStore(createDbApiClient({ baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 500 }, testLogger()), { ttlMs, now: () => clock });

  beforeAll(async () => {
    db = await new FakeDbApi().start();
  });
  afterAll(() => db.stop());
  beforeEach(() => {
    db.hits.clear();
    db.delayMs = 0;
    db.failWith = undefined;
  });

  it('when 50 requests miss at once, then db-api is asked once and all get the snapshot', async () => {
    db.snapshots.set('t50', snapshotFor({ id: 't50' }));
    db.delayMs = 30;
    const s = store();
    const results = await Promise.all(Array.from({ length: 50 }, () => s.get('t50')));
    expect(results.every((r) => r?.tenant.id === 't50')).toBe(true);
    expect(db.hitCount(snapshotPath('t50'))).toBe(1);
  });

  it('when the TTL passes, then the next read fetches again', async () => {
    db.snapshots.set('ttl', snapshotFor({ id: 'ttl' }));
    const s = store(1000);
    await s.get('ttl');
    clock += 999;
    await s.get('ttl');
    expect(db.hitCount(snapshotPath('ttl'))).toBe(1);
    clock += 2;
    await s.get('ttl');
    expect(db.hitCount(snapshotPath('ttl'))).toBe(2);
  });

  it('when the tenant changes while a fetch is in flight, then the possibly stale result is not kept', async () => {
    db.snapshots.set('race', snapshotFor({ id: 'race', origins: ['https://old.example.com'] }));
    db.delayMs = 50;
    const s = store();
    const first = s.get('race');
    await new Promise((r) => setTimeout(r, 10));
    db.snapshots.set('race', snapshotFor({ id: 'race', origins: ['https://new.example.com'] }));
    s.onTenantUpdated({ tenantId: 'race' });
    expect((await first)?.allowedOrigins).toEqual(['https://old.example.com']);
    expect((await s.get('race'))?.allowedOrigins).toEqual(['https://new.example.com']);
  });

  it('when db-api fails after the TTL, then the last snapshot keeps serving; when nothing was cached, then the failure shows', async () => {
    db.snapshots.set('stale', snapshotFor({ id: 'stale' }));
    const s = store(1000);
    await s.get('stale');
    clock += 5000;
    db.failWith = 500;
    expect((await s.get('stale'))?.tenant.id).toBe('stale');
    await expect(s.get('never-seen')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
  });

  it('when a tenant is unknown, then the "no such tenant" answer is remembered briefly', async () => {
    const s = store(60_000);
    expect(await s.get('ghost')).toBeNull();
    expect(await s.get('ghost')).toBeNull();
    expect(db.hitCount(snapshotPath('ghost'))).toBe(1);
    clock += 10_001;
    await s.get('ghost');
    expect(db.hitCount(snapshotPath('ghost'))).toBe(2);
  });
});

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
