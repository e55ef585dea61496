import type { RequestHandler } from 'express';
import { AppError } from '@vocalia/service-kit';
import { getAuth, type Role } from './auth-context';

/** After authenticate: refuses (403) callers whose role is not listed. API keys count as `admin`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const auth = getAuth(res);
    if (!roles.includes(auth.role)) throw new AppError('FORBIDDEN', `This action needs the role ${roles.join(' or ')}; you are ${auth.role}`);
    next();
  };
}
