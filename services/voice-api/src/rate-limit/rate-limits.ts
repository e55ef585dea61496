import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PLANS, type PlanId } from '@vocalia/contracts';
import type { Redis } from '@vocalia/service-kit';
import { tooManyRequests, type RateLimitState } from './rate-limit-headers';

export interface RateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** The window every limit counts over: 60 in production, tiny in tests. */
  windowSec: number;
  ipPoints: number;
  /** Requests per window on /respond for a tenant on this plan. */
  tenantPoints?: (plan: PlanId) => number;
}

export interface RateLimits {
  consumeIp(ip: string): Promise<RateLimitState>;
  consumeTenant(tenantId: string, plan: PlanId): Promise<RateLimitState>;
}

type Limiter = { limiter: RateLimiterRedis; points: number };

function createLimiter(opts: RateLimitOptions, name: string, points: number): Limiter {
  const limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: `${opts.keyPrefix}:rl:${name}`,
    points,
    duration: opts.windowSec,
    rejectIfRedisNotReady: true,
    // With Redis away, each process keeps counting on its own rather than letting everything through.
    insuranceLimiter: new RateLimiterMemory({ points, duration: opts.windowSec }),
  });
  return { limiter, points };
}

const stateOf = (res: RateLimiterRes, points: number): RateLimitState => ({
  limit: points,
  remaining: Math.max(0, res.remainingPoints),
  resetMs: res.msBeforeNext,
});

async function consume({ limiter, points }: Limiter, key: string, refusal: (state: RateLimitState) => string): Promise<RateLimitState> {
  try {
    return stateOf(await limiter.consume(key), points);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const state = stateOf(err, points);
    throw tooManyRequests(state, refusal(state));
  }
}

/** Per-IP limits on every public route, per-tenant limits by plan on /respond; both in Redis, shared by replicas. */
export function createRateLimits(opts: RateLimitOptions): RateLimits {
  const tenantPoints = opts.tenantPoints ?? ((plan: PlanId) => PLANS[plan].rateLimitPerMinute);
  const ipLimiter = createLimiter(opts, 'ip', opts.ipPoints);
  // Plans share one counter per tenant (same key prefix); only the ceiling differs, so a plan change applies at once.
  const tenantLimiters = new Map<number, Limiter>();
  const tenantLimiter = (points: number) => {
    let limiter = tenantLimiters.get(points);
    if (!limiter) tenantLimiters.set(points, (limiter = createLimiter(opts, 'tenant', points)));
    return limiter;
  };
  return {
    consumeIp: (ip) =>
      consume(ipLimiter, ip, (s) => `Too many requests from this address: the limit is ${s.limit} per ${opts.windowSec} s across /respond, /config and /social-proof.`),
    consumeTenant: (tenantId, plan) =>
      consume(
        tenantLimiter(tenantPoints(plan)),
        tenantId,
        (s) => `This assistant reached its ${PLANS[plan].name} plan limit of ${s.limit} messages per ${opts.windowSec} s. A higher plan raises the limit.`,
      ),
  };
}
