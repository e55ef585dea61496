import type { RequestHandler } from 'express';
import { normaliseOrigin } from '@vocalia/widget-auth';

export const ALLOWED_HEADERS = 'Content-Type, Authorization, X-Request-Id, Accept, Idempotency-Key';
export const EXPOSED_HEADERS = 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, X-Request-Id, Idempotent-Replayed';
export const PREFLIGHT_MAX_AGE_SEC = 600;

/**
 * CORS headers for the tenant-scoped public routes. The origin is echoed on every answer, so the
 * browser can read a refusal (403 naming the origin to add) or any other problem; a success is only
 * ever sent after `checkOrigin` accepted the origin for the tenant.
 */
export const publicCors: RequestHandler = (req, res, next) => {
  res.vary('Origin');
  const origin = req.headers.origin;
  if (origin !== undefined && normaliseOrigin(origin) !== null) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  next();
};

/** Preflight answer once the origin is known to be acceptable. */
export function preflightHeaders(methods: string): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SEC),
  };
}
