import type { RequestHandler, Response } from 'express';
import { ipRateKey } from '@vocalia/service-kit';
import { setRateLimitHeaders, type RateLimitState } from './rate-limit-headers';
import type { RateLimits } from './rate-limits';

/** Limits consumed so far by this request, so the route can report the tightest one. */
export function consumedLimits(res: Response): RateLimitState[] {
  return (res.locals.rateLimits as RateLimitState[] | undefined) ?? [];
}

export function recordLimit(res: Response, state: RateLimitState): void {
  const states = [...consumedLimits(res), state];
  res.locals.rateLimits = states;
  setRateLimitHeaders(res, states);
}

/** Counts every request to a public route against the caller's IP, or its IPv6 /64 (against abuse of public tenant ids). */
export function ipRateLimit(limits: RateLimits): RequestHandler {
  return async (req, res, next) => {
    recordLimit(res, await limits.consumeIp(ipRateKey(req.ip ?? req.socket.remoteAddress ?? 'unknown')));
    next();
  };
}
