import { Redis, type RedisOptions } from 'ioredis';
import { sentinelOptions } from './redis-sentinel-url';

export type RedisRole = 'worker' | 'producer' | 'subscriber' | 'client';

/**
 * One ioredis connection per role. Workers need `maxRetriesPerRequest: null` (BullMQ blocks);
 * producers on a request path fail fast instead of queueing commands while Redis is away.
 * Every role reconnects by itself when Redis comes back. `url` is redis:// or, behind Sentinel,
 * redis+sentinel:// (see sentinelOptions).
 */
export function createRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    connectionName: `vocalia-${role}`,
  };
  const byRole: Record<RedisRole, RedisOptions> = {
    worker: { maxRetriesPerRequest: null },
    subscriber: { maxRetriesPerRequest: null },
    producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
    client: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  };
  const options = { ...base, ...byRole[role], ...extra };
  const sentinel = sentinelOptions(url);
  const redis = sentinel ? new Redis({ ...sentinel, ...options }) : new Redis(url, options);
  redis.on('error', () => undefined);
  return redis;
}

export async function pingRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`redis ${redis.status}`);
  await redis.ping();
}
export type { ChainableCommander, Redis } from 'ioredis';
