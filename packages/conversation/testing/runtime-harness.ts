import { createRedis, type Redis } from '@vocalia/service-kit';
import { FakeDbApi, INTERNAL_TOKEN } from './fake-db-api';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** What every channel built on the turn runtime needs under test: real Redis under a fresh prefix, a fake db-api. */
export interface RuntimeHarness {
  db: FakeDbApi;
  redis: Redis;
  producerRedis: Redis;
  subscriber: Redis;
  keyPrefix: string;
  queuePrefix: string;
  /** `composeConversation`'s db-api options, pointed at the fake. */
  dbApi: { baseUrl: string; internalToken: string; timeoutMs: number };
  /** Delete this harness's keys, close its connections, stop the fake db-api. */
  close(): Promise<void>;
}

export function waitReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** `service` and `name` make the key prefix (`test-<service>-<name>-<pid>-<ms>`), so parallel test files never share keys. */
export async function startRuntimeHarness(service: string, name: string): Promise<RuntimeHarness> {
  const keyPrefix = `test-${service}-${name}-${process.pid}-${Date.now()}`;
  const db = await new FakeDbApi().start();
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  const subscriber = createRedis(REDIS_URL, 'subscriber');
  await Promise.all([waitReady(redis), waitReady(producerRedis), waitReady(subscriber)]);
  return {
    db,
    redis,
    producerRedis,
    subscriber,
    keyPrefix,
    queuePrefix: `${keyPrefix}-bull`,
    dbApi: { baseUrl: db.url, internalToken: INTERNAL_TOKEN, timeoutMs: 1000 },
    async close() {
      await deleteKeys(redis, `${keyPrefix}*`);
      await Promise.all([redis.quit(), producerRedis.quit(), subscriber.quit(), db.stop()]);
    },
  };
}
