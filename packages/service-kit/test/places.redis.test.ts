import { randomUUID } from 'node:crypto';
import { createRedis, createPlaces, PLACE_KINDS } from '../src';

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'client');
const keyPrefix = `test-slots-${randomUUID()}`;
const slots = createPlaces({ redis, keyPrefix, kind: PLACE_KINDS.voiceSessions });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A request-path connection fails fast: wait until it is up.
beforeAll(() => (redis.status === 'ready' ? undefined : new Promise<void>((resolve) => redis.once('ready', () => resolve()))));
afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('places per tenant across replicas (Redis)', () => {
  it('when a tenant holds its maximum, then another member is refused, a member already in keeps its place, and a released place is taken again', async () => {
    expect(await slots.acquire('t1', 'a', 2, 10_000)).toBe(true);
    expect(await slots.acquire('t1', 'b', 2, 10_000)).toBe(true);
    expect(await slots.acquire('t1', 'c', 2, 10_000)).toBe(false);
    expect(await slots.acquire('t1', 'a', 2, 10_000)).toBe(true);
    expect(await slots.acquire('t2', 'c', 2, 10_000)).toBe(true);
    await slots.release('t1', 'b');
    expect(await slots.acquire('t1', 'c', 2, 10_000)).toBe(true);
  });

  it('when a holder stops renewing (its replica died), then its place frees by itself; renewed, it stays', async () => {
    // Each pause leaves 400 ms to spare against the 1 s hold, as timers run late on a loaded CI host.
    expect(await slots.acquire('t3', 'alive', 2, 1000)).toBe(true);
    expect(await slots.acquire('t3', 'dead', 2, 1000)).toBe(true);
    await pause(600);
    expect(await slots.renew('t3', 'alive', 1000)).toBe(true);
    await pause(600);
    expect(await slots.acquire('t3', 'new', 2, 1000)).toBe(true);
    expect(await slots.acquire('t3', 'newer', 2, 1000)).toBe(false);
    expect(await slots.renew('t3', 'dead', 1000)).toBe(false);
    expect(await slots.count('t3')).toBe(2);
    await pause(1100);
    expect(await slots.count('t3')).toBe(0);
  });
});
