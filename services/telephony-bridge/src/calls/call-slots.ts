import type { Redis } from '@vocalia/service-kit';

/**
 * Calls in progress per tenant, as a sorted set of members scored by when their hold expires, so a
 * call whose end we never heard of frees its place by itself. One script: check and take atomically.
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
return 1
`;

export interface CallSlots {
  /** False when the tenant already has `max` calls in progress. */
  acquire(tenantId: string, member: string, max: number, holdSec: number): Promise<boolean>;
  release(tenantId: string, member: string): Promise<void>;
}

export function createCallSlots(opts: { redis: Redis; keyPrefix: string; now?: () => number }): CallSlots {
  const now = opts.now ?? Date.now;
  const key = (tenantId: string) => `${opts.keyPrefix}:tel:active:${tenantId}`;
  return {
    async acquire(tenantId, member, max, holdSec) {
      const at = now();
      const taken = await opts.redis.eval(ACQUIRE, 1, key(tenantId), String(at), String(max), member, String(at + holdSec * 1000));
      return taken === 1;
    },
    async release(tenantId, member) {
      await opts.redis.zrem(key(tenantId), member);
    },
  };
}
