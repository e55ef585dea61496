import request from 'supertest';
import { problemOf, startTestApp, TEST_PASSWORD, type TestApp } from './support';

const DAY_MS = 86_400_000;

describe('per-email login limit counts failures only', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T10:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ workers: false, clock: () => now, env: { AUTH_RATE_PER_EMAIL: '3', AUTH_RATE_PER_IP: '50', AUTH_RATE_WINDOW_SEC: '900', AUTH_KNOWN_ADDRESS_DAYS: '30' } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) => request(t.app).post('/api/v1/auth/login').set('x-forwarded-for', ip).send({ email, password });

  it("when a stranger exhausts an account's failures, then its owner still signs in from the address they signed in from, and a new address waits", async () => {
    const owner = await t.register();
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.10')).status).toBe(200);
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push((await login(owner.email, `Wrong-guess-${i}x`, '203.0.113.66')).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.10')).status).toBe(200);
    const elsewhere = await login(owner.email, TEST_PASSWORD, '192.0.2.44');
    expect(elsewhere.status).toBe(429);
    expect(problemOf(elsewhere).code).toBe('RATE_LIMITED');
    // The known address is trusted with its password only: a wrong one is refused like anyone's.
    expect((await login(owner.email, 'Wrong-guess-again1', '198.51.100.10')).status).toBe(429);
    // And only for the trust period after its last success.
    now = new Date(now.getTime() + 31 * DAY_MS);
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.10')).status).toBe(429);
  });

  it('when an IPv6 client signed in, then another address of its /64 counts as the same device', async () => {
    const owner = await t.register();
    await login(owner.email, TEST_PASSWORD, '2001:db8:5:6::10').expect(200);
    for (let i = 0; i < 3; i++) await login(owner.email, `Wrong-guess-${i}x`, '203.0.113.70').expect(401);
    expect((await login(owner.email, TEST_PASSWORD, '2001:db8:5:6:aaaa::1')).status).toBe(200);
  });
});

describe('per-IP auth limits key IPv6 clients on their /64', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workers: false, env: { AUTH_RATE_PER_EMAIL: '10', AUTH_RATE_PER_IP: '3', AUTH_RATE_WINDOW_SEC: '900' } });
  });
  afterAll(() => t.close());

  it('when one client rotates addresses inside its /64, then its sign-in attempts share one count; the next /64 has its own', async () => {
    const statuses: number[] = [];
    for (const [i, host] of ['1', '2', '3', 'ffff:1'].entries()) {
      statuses.push((await request(t.app).post('/api/v1/auth/login').set('x-forwarded-for', `2001:db8:77:1::${host}`).send({ email: `n${i}@example.test`, password: 'Whatever-123' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const other = await request(t.app).post('/api/v1/auth/login').set('x-forwarded-for', '2001:db8:77:2::1').send({ email: 'x@example.test', password: 'Whatever-123' });
    expect(other.status).toBe(401);
  });
});
