import type { Redis } from './redis';

/**
 * What a tenant (or one of its webhook endpoints) has in progress across every replica (phone calls,
 * voice sessions, delivery attempts), as a sorted set of members scored by when their hold expires, so a
 * member whose end was never heard of (its replica died) frees its place by itself. One script: check
 * and take atomically.
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

/**
 * The kinds of places, one sorted set per owner each: realtime and telephony-bridge take them per tenant
 * (db-api reads them for usage), webhook-router per endpoint.
 */
export const PLACE_KINDS = { voiceSessions: 'rt', calls: 'tel', webhookAttempts: 'wh' } as const;

interface PlaceCommands {
  vocaliaTakePlace(key: string, now: string, max: string, member: string, until: string): Promise<number>;
  vocaliaHoldPlace(key: string, member: string, until: string): Promise<number>;
}

export interface Places {
  /** Takes a place for `member`, held `holdMs`; false when the owner already has `max` (a member already in holds its place). */
  acquire(ownerId: string, member: string, max: number, holdMs: number): Promise<boolean>;
  /** Holds `member`'s place `holdMs` from now (a session still live); false when it had none left. */
  renew(ownerId: string, member: string, holdMs: number): Promise<boolean>;
  release(ownerId: string, member: string): Promise<void>;
  /** The places the owner holds now (members whose hold has not expired). */
  count(ownerId: string): Promise<number>;
}

/** Places per owner (a tenant, an endpoint) under `<keyPrefix>:<kind>:active:<ownerId>`; the scripts run by their SHA. */
export function createPlaces(opts: { redis: Redis; keyPrefix: string; kind: (typeof PLACE_KINDS)[keyof typeof PLACE_KINDS]; now?: () => number }): Places {
  const now = opts.now ?? Date.now;
  const key = (ownerId: string) => `${opts.keyPrefix}:${opts.kind}:active:${ownerId}`;
  // Once per connection: a caller that builds its slots per request does not hash the scripts again.
  if (!('vocaliaTakePlace' in opts.redis)) {
    opts.redis.defineCommand('vocaliaTakePlace', { numberOfKeys: 1, lua: ACQUIRE });
    opts.redis.defineCommand('vocaliaHoldPlace', { numberOfKeys: 1, lua: RENEW });
  }
  const scripts = opts.redis as unknown as PlaceCommands;
  return {
    async acquire(ownerId, member, max, holdMs) {
      const at = now();
      return (await scripts.vocaliaTakePlace(key(ownerId), String(at), String(max), member, String(at + holdMs))) === 1;
    },
    async renew(ownerId, member, holdMs) {
      return (await scripts.vocaliaHoldPlace(key(ownerId), member, String(now() + holdMs))) === 1;
    },
    async release(ownerId, member) {
      await opts.redis.zrem(key(ownerId), member);
    },
    count: (ownerId) => opts.redis.zcount(key(ownerId), `(${now()}`, '+inf'),
  };
}
