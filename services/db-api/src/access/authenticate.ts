import type { RequestHandler } from 'express';
import { AppError, setContextTenant } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from './auth-context';
import { API_KEY_PATTERN } from '../credentials/api-key-format';
import { resolveAccessToken } from './resolve-access-token';
import { resolveApiKey } from './resolve-api-key';

const BEARER = /^Bearer\s+(\S+)$/i;

function resolveCredential(deps: Deps, credential: string): Promise<AuthContext | undefined> {
  if (!credential.startsWith('vk_')) return resolveAccessToken(deps, credential);
  // A malformed key never reaches the database.
  return API_KEY_PATTERN.test(credential) ? resolveApiKey(deps, credential) : Promise.resolve(undefined);
}

/**
 * `Authorization: Bearer <JWT>` (dashboard users) or `Bearer vk_...` (API keys). Sets `res.locals.auth`,
 * from which every query takes its tenant scope. Missing, expired, forged or revoked -> 401.
 */
export function authenticate(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Missing bearer token', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const auth = await resolveCredential(deps, match[1]);
    if (!auth) throw new AppError('UNAUTHENTICATED', 'Invalid or expired credentials', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    res.locals.auth = auth;
    setContextTenant(auth.tenantId);
    next();
  };
}
