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
  /** The clock windows follow (injected in tests): a window starts at each multiple of windowSec. */
  now?: () => number;
}

/** The current window's number and how long until it ends. */
export type RateLimitWindow = { index: number; endsInMs: number };

export interface RateLimits {
  consumeIp(ip: string): Promise<RateLimitState>;
  consumeTenant(tenantId: string, plan: PlanId): Promise<RateLimitState>;
  /** What /respond's one-script admission needs to count in the same Redis keys. */
  readonly windowSec: number;
  readonly ipPoints: number;
  tenantPoints(plan: PlanId): number;
  currentWindow(): RateLimitWindow;
  ipKey(ip: string, window: RateLimitWindow): string;
  tenantKey(tenantId: string, window: RateLimitWindow): string;
}

export const ipLimitDetail = (s: RateLimitState, windowSec: number) =>
  `Too many requests from this address: the limit is ${s.limit} per ${windowSec} s across /respond, /config and /social-proof.`;

export const tenantLimitDetail = (s: RateLimitState, planName: string, windowSec: number) =>
  `This assistant reached its ${planName} plan limit of ${s.limit} messages per ${windowSec} s. A higher plan raises the limit.`;

const limiterPrefix = (keyPrefix: string, name: string) => `${keyPrefix}:rl:${name}`;

type Limiter = { limiter: RateLimiterRedis; points: number };

function createLimiter(opts: RateLimitOptions, name: string, points: number): Limiter {
  const limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: limiterPrefix(opts.keyPrefix, name),
    points,
    duration: opts.windowSec,
    rejectIfRedisNotReady: true,
    // With Redis away, each process keeps counting on its own rather than letting everything through.
    insuranceLimiter: new RateLimiterMemory({ points, duration: opts.windowSec }),
  });
  return { limiter, points };
}

const stateOf = (res: RateLimiterRes, points: number, window: RateLimitWindow): RateLimitState => ({
  limit: points,
  remaining: Math.max(0, res.remainingPoints),
  resetMs: window.endsInMs,
});

/** Counted per key and window: a new window is a new counter (the old one expires in Redis on its own). */
async function consume({ limiter, points }: Limiter, key: string, window: RateLimitWindow, refusal: (state: RateLimitState) => string): Promise<RateLimitState> {
  try {
    return stateOf(await limiter.consume(`${key}:${window.index}`), points, window);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const state = stateOf(err, points, window);
    throw tooManyRequests(state, refusal(state));
  }
}

/** Per-IP limits on every public route, per-tenant limits by plan on /respond; both in Redis, shared by replicas. */
export function createRateLimits(opts: RateLimitOptions): RateLimits {
  const tenantPoints = opts.tenantPoints ?? ((plan: PlanId) => PLANS[plan].rateLimitPerMinute);
  const now = opts.now ?? Date.now;
  const windowMs = opts.windowSec * 1000;
  const currentWindow = (): RateLimitWindow => {
    const t = now();
    const index = Math.floor(t / windowMs);
    return { index, endsInMs: (index + 1) * windowMs - t };
  };
  const ipLimiter = createLimiter(opts, 'ip', opts.ipPoints);
  // Plans share one counter per tenant (same key prefix); only the ceiling differs, so a plan change applies at once.
  const tenantLimiters = new Map<number, Limiter>();
  const tenantLimiter = (points: number) => {
    let limiter = tenantLimiters.get(points);
    if (!limiter) tenantLimiters.set(points, (limiter = createLimiter(opts, 'tenant', points)));
    return limiter;
  };
  return {
    consumeIp: (ip) => consume(ipLimiter, ip, currentWindow(), (s) => ipLimitDetail(s, opts.windowSec)),
    consumeTenant: (tenantId, plan) =>
      consume(tenantLimiter(tenantPoints(plan)), tenantId, currentWindow(), (s) => tenantLimitDetail(s, PLANS[plan].name, opts.windowSec)),
    windowSec: opts.windowSec,
    ipPoints: opts.ipPoints,
    tenantPoints,
    currentWindow,
    ipKey: (ip, window) => `${limiterPrefix(opts.keyPrefix, 'ip')}:${ip}:${window.index}`,
    tenantKey: (tenantId, window) => `${limiterPrefix(opts.keyPrefix, 'tenant')}:${tenantId}:${window.index}`,
  };
}
