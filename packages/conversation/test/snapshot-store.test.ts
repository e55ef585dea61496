import type { TenantSnapshot } from '@vocalia/contracts';
import { createDbApiClient } from '../src/snapshots/db-api-client';
import { createSnapshotStore, type SnapshotStoreOptions } from '../src/snapshots/snapshot-store';
import { eventually, FakeDbApi, INTERNAL_TOKEN, snapshotFor, testLogger } from '../testing';

const snapshotPath = (id: string) => `/internal/v1/tenants/${id}/snapshot`;
/** What the store counts for a snapshot: its JSON bytes and its key's. */
const cost = (snapshot: TenantSnapshot) => Buffer.byteLength(JSON.stringify(snapshot)) + Buffer.byteLength(snapshot.tenant.id);

describe('snapshot store', () => {
  let db: FakeDbApi;
  let clock = 0;
  const store = (ttlMs = 1000, more: Partial<SnapshotStoreOptions> = {}) =>
    createSnapshotStore(createDbApiClient({ baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 500 }, testLogger()), {
      ttlMs,
      maxStaleMs: 60_000,
      maxTenants: 500,
      maxBytes: 64 * 1024 * 1024,
      logger: testLogger(),
      now: () => clock,
      ...more,
    });

  /** The next time the fake db-api sees (or answers) this path. */
  const nextEvent = (event: 'request' | 'responded', path: string) =>
    new Promise<void>((resolve) => {
      const on = (seen: string) => {
        if (seen !== path) return;
        db.events.off(event, on);
        resolve();
      };
      db.events.on(event, on);
    });

  beforeAll(async () => {
    db = await new FakeDbApi().start();
  });
  afterAll(() => db.stop());
  beforeEach(() => {
    db.hits.clear();
    db.delayMs = 0;
    db.failWith = undefined;
    db.release();
  });

  it('when 50 requests miss at once, then db-api is asked once and all get the snapshot', async () => {
    db.snapshots.set('t50', snapshotFor({ id: 't50' }));
    db.delayMs = 30;
    const s = store();
    const results = await Promise.all(Array.from({ length: 50 }, () => s.get('t50')));
    expect(results.every((r) => r?.tenant.id === 't50')).toBe(true);
    expect(db.hitCount(snapshotPath('t50'))).toBe(1);
  });

  it('when the TTL and the stale allowance pass, then the next read fetches again', async () => {
    db.snapshots.set('ttl', snapshotFor({ id: 'ttl' }));
    const s = store(1000, { maxStaleMs: 0 });
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
    db.hold();
    const s = store();
    const arrived = nextEvent('request', snapshotPath('race'));
    const first = s.get('race');
    await arrived;
    db.snapshots.set('race', snapshotFor({ id: 'race', origins: ['https://new.example.com'] }));
    s.onTenantUpdated({ tenantId: 'race' });
    db.release();
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

  it('when the TTL has passed and db-api is slow, then the cached snapshot answers before db-api does and the reload lands behind it', async () => {
    const [OLD, NEW] = ['https://old.example.com', 'https://new.example.com'];
    db.snapshots.set('swr', snapshotFor({ id: 'swr', origins: [OLD] }));
    const s = store(1000);
    await s.get('swr');
    clock += 1500;
    db.snapshots.set('swr', snapshotFor({ id: 'swr', origins: [NEW] }));
    db.hold();
    const order: string[] = [];
    const arrived = nextEvent('request', snapshotPath('swr'));
    const responded = nextEvent('responded', snapshotPath('swr')).then(() => order.push('db-api answered'));
    const answer = s.get('swr').then((snapshot) => {
      order.push('visitor answered');
      return snapshot;
    });
    await Promise.race([answer, arrived]);
    await arrived;
    expect(order).toEqual(['visitor answered']);
    db.release();
    expect((await answer)?.allowedOrigins).toEqual([OLD]);
    await responded;
    expect(order).toEqual(['visitor answered', 'db-api answered']);
    await eventually(async () => expect((await s.get('swr'))?.allowedOrigins).toEqual([NEW]));
    expect(db.hitCount(snapshotPath('swr'))).toBe(2);
  });

  it('when db-api stays down past the stale allowance, then the old snapshot stops being served', async () => {
    db.snapshots.set('bounded', snapshotFor({ id: 'bounded' }));
    const s = store(1000, { maxStaleMs: 5000 });
    await s.get('bounded');
    await db.stop();
    try {
      clock += 3000;
      expect((await s.get('bounded'))?.tenant.id).toBe('bounded');
      clock += 3001;
      await expect(s.get('bounded')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await db.start();
    }
  });

  it('when snapshots outgrow the byte budget, then the least recently used are dropped though far fewer than the tenant limit', async () => {
    const big = snapshotFor({ id: 'big', knowledge: Array.from({ length: 200 }, (_, i) => ({ title: `Doc ${i}`, text: `Chapter ${i}. ${'Lorem ipsum dolor sit amet. '.repeat(20)}` })) });
    for (const id of ['small-a', 'small-b']) db.snapshots.set(id, snapshotFor({ id }));
    db.snapshots.set('big', big);
    const fetched = (id: string) => db.hitCount(snapshotPath(id));
    const s = store(60_000, { maxTenants: 500, maxBytes: cost(big) + cost(db.snapshots.get('small-a')!) + 100 });
    await s.get('small-b');
    await s.get('small-a');
    await s.get('big');
    await s.get('small-a');
    await s.get('big');
    expect([fetched('small-a'), fetched('big')]).toEqual([1, 1]);
    await s.get('small-b');
    expect(fetched('small-b')).toBe(2);
  });

  it('when one snapshot is larger than the whole budget, then it is served and not kept', async () => {
    db.snapshots.set('huge', snapshotFor({ id: 'huge' }));
    const s = store(60_000, { maxBytes: 200 });
    expect((await s.get('huge'))?.tenant.id).toBe('huge');
    expect((await s.get('huge'))?.tenant.id).toBe('huge');
    expect(db.hitCount(snapshotPath('huge'))).toBe(2);
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

  it('when a snapshot or a "no such tenant" is in memory, then the store says it answers without db-api, until the stale allowance or the negative TTL passes or the tenant changes', async () => {
    db.snapshots.set('held', snapshotFor({ id: 'held' }));
    const s = store(1000, { maxStaleMs: 5000 });
    expect(s.holds('held')).toBe(false);
    await s.get('held');
    await s.get('nobody');
    expect(s.holds('held')).toBe(true);
    expect(s.holds('nobody')).toBe(true);
    clock += 1000;
    expect(s.holds('nobody')).toBe(false);
    clock += 4999;
    expect(s.holds('held')).toBe(true);
    clock += 1;
    expect(s.holds('held')).toBe(false);
    await s.get('held');
    s.onTenantUpdated({ tenantId: 'held' });
    expect(s.holds('held')).toBe(false);
  });
});
