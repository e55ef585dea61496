import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ipRateKey, type Logger, type Redis } from '@vocalia/service-kit';

export type AuthAction = 'login' | 'register' | 'password_reset';

export interface LoginAttempt {
  ip: string;
  email: string;
}

/**
 * Auth attempts counted per client IP (its /64 for IPv6) and per email address over a window.
 * Registration and reset requests count every attempt; sign-in counts every attempt per IP but only
 * failures per email, and a correct password from an address that recently signed in to the account
 * passes even while its email is locked (so a stranger's wrong guesses cannot lock its owner out).
 */
export interface AuthRateLimiters {
  consume(action: Exclude<AuthAction, 'login'>, keys: LoginAttempt): Promise<void>;
  /** Before the password is checked: charges the IP (throws 429); returns the refusal to use if the email is locked, else null. */
  admitLogin(keys: LoginAttempt): Promise<AppError | null>;
  recentlySucceeded(keys: LoginAttempt): Promise<boolean>;
  loginFailed(keys: LoginAttempt): Promise<void>;
  /** Remembers the address as one this account signs in from; clears the email's failures unless it was locked (an attack in progress). */
  loginSucceeded(keys: LoginAttempt, opts?: { wasLocked: boolean }): Promise<void>;
}

export interface AuthRateLimitOptions {
  perIp: number;
  perEmail: number;
  windowSec: number;
  keyPrefix: string;
  /** How long an address that signed in stays trusted for that account. */
  knownAddressDays: number;
  clock: () => Date;
}

const DAY_MS = 86_400_000;

function refusal(action: AuthAction, msBeforeNext: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', `Too many ${action} attempts; retry in ${retryAfter} s`, { headers: { 'Retry-After': String(retryAfter) } });
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
    password_reset: { ip: make('password_reset', 'ip', opts.perIp), email: make('password_reset', 'email', opts.perEmail) },
  };
  const knownKey = (keys: LoginAttempt) => `${opts.keyPrefix}:rl:login:known:${keys.email}:${ipRateKey(keys.ip)}`;
  const unavailable = (action: AuthAction, err: unknown) =>
    // Neither Redis nor the in-memory fallback answered: let the attempt through (argon2 still slows guessing).
    logger.warn('auth rate limiter unavailable', { action, error: err instanceof Error ? err.message : String(err) });

  return {
    async consume(action, keys) {
      try {
        await limiters[action].ip.consume(ipRateKey(keys.ip));
        await limiters[action].email.consume(keys.email);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw refusal(action, err.msBeforeNext);
        unavailable(action, err);
      }
    },
    async admitLogin(keys) {
      try {
        await limiters.login.ip.consume(ipRateKey(keys.ip));
        const failures = await limiters.login.email.get(keys.email);
        return failures && failures.consumedPoints >= opts.perEmail ? refusal('login', failures.msBeforeNext) : null;
      } catch (err) {
        if (err instanceof RateLimiterRes) throw refusal('login', err.msBeforeNext);
        unavailable('login', err);
        return null;
      }
    },
    async recentlySucceeded(keys) {
      const at = Number(await redis.get(knownKey(keys)).catch(() => null));
      return at > 0 && opts.clock().getTime() - at < opts.knownAddressDays * DAY_MS;
    },
    async loginFailed(keys) {
      await limiters.login.email.penalty(keys.email).catch((err: unknown) => unavailable('login', err));
    },
    async loginSucceeded(keys, { wasLocked } = { wasLocked: false }) {
      if (!wasLocked) await limiters.login.email.delete(keys.email).catch(() => undefined);
      await redis.set(knownKey(keys), String(opts.clock().getTime()), 'PX', opts.knownAddressDays * DAY_MS).catch((err: unknown) => unavailable('login', err));
    },
  };
}
