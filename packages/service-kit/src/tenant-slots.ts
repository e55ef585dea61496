import type { Redis } from './redis';

/**
 * What a tenant has in progress across every replica (phone calls, voice sessions), as a sorted set of
 * members scored by when their hold expires, so a member whose end was never heard of (its replica
 * died) frees its place by itself. One script: check and take atomically.
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
return 1
`;

/** Holds a member that still has its place longer (ARGV[2]: until when); 0 when it had none left. */
const RENEW = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
return 1
`;

/** The kinds of places, one sorted set per tenant each: realtime and telephony-bridge take them, db-api reads them for usage. */
export const PLACE_KINDS = { voiceSessions: 'rt', calls: 'tel' } as const;

export interface TenantSlots {
  /** Takes a place for `member`, held `holdMs`; false when the tenant already has `max` (a member already in holds its place). */
  acquire(tenantId: string, member: string, max: number, holdMs: number): Promise<boolean>;
  /** Holds `member`'s place `holdMs` from now (a session still live); false when it had none left. */
  renew(tenantId: string, member: string, holdMs: number): Promise<boolean>;
  release(tenantId: string, member: string): Promise<void>;
  /** The places the tenant holds now (members whose hold has not expired). */
  count(tenantId: string): Promise<number>;
}

/** Places per tenant under `<keyPrefix>:<kind>:active:<tenantId>`. */
export function createTenantSlots(opts: { redis: Redis; keyPrefix: string; kind: (typeof PLACE_KINDS)[keyof typeof PLACE_KINDS]; now?: () => number }): TenantSlots {
  const now = opts.now ?? Date.now;
  const key = (tenantId: string) => `${opts.keyPrefix}:${opts.kind}:active:${tenantId}`;
  return {
    async acquire(tenantId, member, max, holdMs) {
      const at = now();
      return (await opts.redis.eval(ACQUIRE, 1, key(tenantId), String(at), String(max), member, String(at + holdMs))) === 1;
    },
    async renew(tenantId, member, holdMs) {
      return (await opts.redis.eval(RENEW, 1, key(tenantId), member, String(now() + holdMs))) === 1;
    },
    async release(tenantId, member) {
      await opts.redis.zrem(key(tenantId), member);
    },
    count: (tenantId) => opts.redis.zcount(key(tenantId), `(${now()}`, '+inf'),
  };
}
