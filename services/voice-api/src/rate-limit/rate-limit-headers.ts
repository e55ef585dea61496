import type { Response } from 'express';
import { AppError } from '@vocalia/service-kit';

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetMs: number;
}

const resetSec = (state: RateLimitState) => Math.max(1, Math.ceil(state.resetMs / 1000));

/** RateLimit-* headers (IETF draft names), describing whichever limit is closest to running out. */
export function rateLimitHeaders(states: RateLimitState[]): Record<string, string> {
  const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return {
    'RateLimit-Limit': String(tightest.limit),
    'RateLimit-Remaining': String(tightest.remaining),
    'RateLimit-Reset': String(resetSec(tightest)),
  };
}

export function setRateLimitHeaders(res: Response, states: RateLimitState[]): void {
  if (states.length === 0) return;
  for (const [name, value] of Object.entries(rateLimitHeaders(states))) res.setHeader(name, value);
}

export function tooManyRequests(state: RateLimitState, detail: string): AppError {
  const retryAfter = resetSec(state);
  return new AppError('RATE_LIMITED', `${detail} Retry in ${retryAfter} s.`, {
    headers: { ...rateLimitHeaders([state]), 'Retry-After': String(retryAfter) },
  });
}
