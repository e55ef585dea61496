import request from 'supertest';
import { startHarness, waitReady, type Harness } from './support/harness';
import { snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';

/** The limiter's clock, moved by the tests: windows start at multiples of a minute, so this is a window's first instant. */
function testClock() {
  const clock = { ms: 1_800_000_000_000, now: () => clock.ms };
  return clock;
}

describe('per-tenant limit by plan on /respond', () => {
  let h: Harness;
  const clock = testClock();
  beforeAll(async () => {
    // Plans' own per-minute ceilings (starter 20, pro 60), on a clock the test moves.
    h = await startHarness('rl-tenant', { limits: { windowSec: 60, ipPoints: 10_000, now: clock.now } });
    h.addTenant(snapshotFor({ id: 'small', plan: 'starter', origins: [SHOP] }));
    h.addTenant(snapshotFor({ id: 'big', plan: 'pro', origins: [SHOP] }));
  });
  afterAll(() => h.close());

  const say = (tenantId: string, i: number) =>
    request(h.app)
      .post('/respond')
      .set('Origin', SHOP)
      .set('Authorization', `Bearer ${h.tokenFor(tenantId, SHOP)}`)
      .send({ tenantId, sessionId: `session-rl-${tenantId}-${i}`, message: 'hi' });

  it('when a starter tenant sends its 21st message in the window, then 429 with Retry-After and RateLimit headers, and it recovers after the reset', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 20; i++) remaining.push((await say('small', i).expect(200)).headers['ratelimit-remaining'] as string);
    expect(remaining.slice(0, 3)).toEqual(['19', '18', '17']);
    expect(remaining.at(-1)).toBe('0');
    const calls = h.engine.inputs.length;
    const refused = await say('small', 20).expect(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.detail).toContain('Starter plan limit of 20 messages per 60 s');
    expect(refused.headers['ratelimit-limit']).toBe('20');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['ratelimit-reset']).toBe('60');
    expect(refused.headers['access-control-allow-origin']).toBe(SHOP);
    expect(h.engine.inputs.length).toBe(calls);
    await say('big', 0).expect(200);
    clock.ms += 59_999;
    const stillRefused = await say('small', 21).expect(429);
    expect(stillRefused.headers['retry-after']).toBe('1');
    clock.ms += 1;
    const again = await say('small', 22).expect(200);
    expect(again.headers['ratelimit-remaining']).toBe('19');
  });
});

describe('per-IP limit across public routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('rl-ip', { limits: { windowSec: 60, ipPoints: 5, tenantPoints: () => 1000, now: testClock().now } });
    h.addTenant(snapshotFor({ id: 'acme', origins: [SHOP] }));
  });
  afterAll(() => h.close());

  const from = (ip: string, path: string) => request(h.app).get(path).set('Origin', SHOP).set('X-Forwarded-For', ip);

  it('when one address exceeds the limit across /config and /social-proof, then it gets 429 while another address does not', async () => {
    for (let i = 0; i < 3; i++) await from('203.0.113.7', '/config?tenantId=acme').expect(200);
    for (let i = 0; i < 2; i++) await from('203.0.113.7', '/social-proof?tenantId=acme').expect(200);
    const refused = await from('203.0.113.7', '/config?tenantId=acme').expect(429);
    expect(refused.body.detail).toContain('Too many requests from this address: the limit is 5 per 60 s');
    expect(refused.headers['retry-after']).toBe('60');
    await from('203.0.113.8', '/config?tenantId=acme').expect(200);
  });

  it('when unknown tenant ids are sprayed from one address, then the limit applies before any lookup', async () => {
    for (let i = 0; i < 5; i++) await from('198.51.100.1', `/config?tenantId=ghost-${i}`).expect(404);
    await from('198.51.100.1', '/config?tenantId=ghost-5').expect(429);
    expect(h.db.hitCount('/internal/v1/tenants/ghost-5/snapshot')).toBe(0);
  });

  it('when a client prepends addresses to X-Forwarded-For, then it is still counted by the address our proxy saw', async () => {
    for (let i = 0; i < 5; i++) await from(`10.0.0.${i}, 192.0.2.50`, '/config?tenantId=acme').expect(200);
    await from('10.9.9.9, 192.0.2.50', '/config?tenantId=acme').expect(429);
  });

  it('when Redis is unreachable, then each process keeps limiting in memory and still answers', async () => {
    h.redis.disconnect();
    try {
      for (let i = 0; i < 5; i++) await from('192.0.2.99', '/config?tenantId=acme').expect(200);
      await from('192.0.2.99', '/config?tenantId=acme').expect(429);
    } finally {
      await h.redis.connect();
      await waitReady(h.redis);
    }
  });
});
