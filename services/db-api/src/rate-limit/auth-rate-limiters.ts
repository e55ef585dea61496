import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, type Logger, type Redis } from '@vocalia/service-kit';

export type AuthAction = 'login' | 'register';

/** Login and registration attempts, counted per client IP and per email address over a window. */
export interface AuthRateLimiters {
  consume(action: AuthAction, keys: { ip: string; email: string }): Promise<void>;
  /** A successful login clears the email's count, so a user's own typos do not lock them out later. */
  resetEmail(action: AuthAction, email: string): Promise<void>;
}

export interface AuthRateLimitOptions {
  perIp: number;
  perEmail: number;
  windowSec: number;
  keyPrefix: string;
}

export function createAuthRateLimiters(redis: Redis, logger: Logger, opts: AuthRateLimitOptions): AuthRateLimiters {
  // While Redis is unreachable, each process counts in memory instead (limits per replica, never none).
  const make = (action: AuthAction, by: 'ip' | 'email', points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${opts.keyPrefix}:rl:${action}:${by}`,
      points,
      duration: opts.windowSec,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${action}:${by}`, points, duration: opts.windowSec }),
    });
  const limiters = {
    login: { ip: make('login', 'ip', opts.perIp), email: make('login', 'email', opts.perEmail) },
    register: { ip: make('register', 'ip', opts.perIp), email: make('register', 'email', opts.perEmail) },
  };
  return {
    async consume(action, keys) {
      try {
        await limiters[action].ip.consume(keys.ip);
        await limiters[action].email.consume(keys.email);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new AppError('RATE_LIMITED', `Too many ${action} attempts; retry in ${retryAfter} s`, { headers: { 'Retry-After': String(retryAfter) } });
        }
        // Neither Redis nor the in-memory fallback answered: let the attempt through (argon2 still slows guessing).
        logger.warn('auth rate limiter unavailable', { action, error: err instanceof Error ? err.message : String(err) });
      }
    },
    async resetEmail(action, email) {
      await limiters[action].email.delete(email).catch(() => undefined);
    },
  };
}
