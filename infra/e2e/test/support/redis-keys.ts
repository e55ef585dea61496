import { createRedis, type Redis } from '@vocalia/service-kit';
import { REDIS_URL } from './test-env';

export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

/** Deletes every key starting with `prefix` (queues, rate limits, histories of one test file). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = createRedis(REDIS_URL, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
