import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { VOICE_SESSION_LIMITS } from '@vocalia/contracts';
import { createPlaces, PLACE_KINDS } from '@vocalia/service-kit';
import { bearer, startTestApp, type TestApp, type TestSession } from './support';

describe('GET /api/v1/usage: what runs now, across every replica, beside the concurrency the tenant may reach', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
  });
  afterAll(() => t.close());

  const usage = async (s: TestSession) => (await request(t.app).get('/api/v1/usage').set(bearer(s)).expect(200)).body;
  const call = (s: TestSession, status: string, startedAgoMs: number) =>
    t.deps.prisma.call.create({ data: { tenantId: s.tenantId, callSid: `CA${randomBytes(16).toString('hex')}`, direction: 'inbound', status, startedAt: new Date(Date.now() - startedAgoMs) } });

  it("when realtime replicas hold voice sessions and calls are in progress, then the tenant sees its own, expired and ended ones left out, and another tenant's never", async () => {
    const s = await t.register();
    const other = await t.register();
    await t.deps.prisma.tenant.update({ where: { id: s.tenantId }, data: { plan: 'pro', maxConcurrentCalls: 3 } });
    // The places realtime's replicas take in the same Redis (service-kit's tenant slots).
    const places = createPlaces({ redis: t.deps.redis, keyPrefix: t.deps.queuePrefix, kind: PLACE_KINDS.voiceSessions });
    await places.acquire(s.tenantId, 'session-on-replica-a', 10, 30_000);
    await places.acquire(s.tenantId, 'session-on-replica-b', 10, 30_000);
    await places.acquire(s.tenantId, 'session-of-a-dead-replica', 10, 1);
    await places.acquire(other.tenantId, 'other-tenant-session', 10, 30_000);
    await call(s, 'in-progress', 60_000);
    await call(s, 'completed', 60_000);
    // In progress for hours: its end was never heard of, it holds no line.
    await call(s, 'in-progress', 5 * 3600_000);
    await new Promise((r) => setTimeout(r, 5));

    expect((await usage(s)).live).toEqual({ voiceSessions: { used: 2, quota: VOICE_SESSION_LIMITS.pro.concurrentSessions }, calls: { used: 1, quota: 3 } });
    // A Starter plan has no streaming voice: its sessions may reach none.
    expect((await usage(other)).live.voiceSessions).toEqual({ used: 1, quota: 0 });
  });

  it('when Redis cannot say, then the live voice sessions are null and the rest still answers', async () => {
    const s = await t.register();
    const count = t.deps.redis.zcount.bind(t.deps.redis);
    t.deps.redis.zcount = (() => Promise.reject(new Error('redis away'))) as typeof t.deps.redis.zcount;
    try {
      const body = await usage(s);
      expect(body.live).toEqual({ voiceSessions: null, calls: { used: 0, quota: expect.any(Number) } });
      expect(body.conversations).toEqual({ used: 0, quota: expect.any(Number) });
    } finally {
      t.deps.redis.zcount = count;
    }
  });
});
