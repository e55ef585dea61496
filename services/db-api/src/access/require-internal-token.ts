import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { INTERNAL_TOKEN_HEADER } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Service-to-service calls carry the shared secret; compared in constant time (hashing first evens the lengths). */
export function requireInternalToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    const sent = req.get(INTERNAL_TOKEN_HEADER);
    if (!sent || !timingSafeEqual(digest(sent), expected)) {
      next(new AppError('UNAUTHENTICATED', `Missing or wrong ${INTERNAL_TOKEN_HEADER} header`));
      return;
    }
    next();
  };
}
