import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, type Redis } from '@vocalia/service-kit';

/** Checks per tenant per minute: each one is an outbound fetch db-api makes on the tenant's behalf. */
export const SITE_CHECKS_PER_MINUTE = 10;
const WINDOW_SEC = 60;

/** Throws 429 (with Retry-After) once the tenant has used its checks for the minute. */
export function createSiteCheckLimit(redis: Redis, keyPrefix: string) {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}:rl:site-check`,
    points: SITE_CHECKS_PER_MINUTE,
    duration: WINDOW_SEC,
    // While Redis is unreachable, each process counts in memory (limits per replica, never none).
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'site-check', points: SITE_CHECKS_PER_MINUTE, duration: WINDOW_SEC }),
  });
  return async (tenantId: string): Promise<void> => {
    try {
      await limiter.consume(tenantId);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', `At most ${SITE_CHECKS_PER_MINUTE} site checks a minute; retry in ${retryAfter} s`, { headers: { 'Retry-After': String(retryAfter) } });
    }
  };
}
