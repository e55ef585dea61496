import { createRedis, type Redis } from '@vocalia/service-kit';
import { REDIS_URL, waitReady } from '@vocalia/conversation/testing';

export interface FailingRedis {
  /** The client to hand to the service: the commands named in `failing` are refused. */
  redis: Redis;
  /** Commands refused now, as by a connection that just dropped. */
  failing: Set<string>;
  close(): Promise<void>;
}

/** A real Redis connection whose chosen commands fail with ioredis' own error while Redis itself stays up. */
export async function failingRedis(): Promise<FailingRedis> {
  const client = createRedis(REDIS_URL, 'client');
  await waitReady(client);
  const failing = new Set<string>();
  const redis = new Proxy(client, {
    get(target, key) {
      if (typeof key === 'string' && failing.has(key)) return () => Promise.reject(new Error('Connection is closed.'));
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { redis, failing, close: async () => void (await client.quit()) };
}
