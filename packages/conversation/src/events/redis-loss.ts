import { randomUUID } from 'node:crypto';
import type { Redis } from '@vocalia/service-kit';

export interface RedisLossDetector {
  /**
   * Sets this publisher's own key when it is missing. True when it had been set before and is gone:
   * Redis came back without its data, and whatever it held of ours (queued jobs) is lost too.
   */
  check(): Promise<boolean>;
}

/**
 * One key per publisher (replicas do not mask each other's loss) beside its queues, under their
 * prefix; refreshed on every check.
 */
export function createRedisLossDetector(connection: Redis, prefix: string, ttlSec = 86_400): RedisLossDetector {
  const key = `${prefix}:event-publisher:${randomUUID()}`;
  let marked = false;
  return {
    async check() {
      const created = (await connection.set(key, '1', 'EX', ttlSec, 'NX')) === 'OK';
      if (!created) await connection.expire(key, ttlSec);
      const lost = created && marked;
      marked = true;
      return lost;
    },
  };
}
