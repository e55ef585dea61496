import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from './auth-context';
import { isExpiredAccessToken, verifyAccessToken } from '../credentials/access-token';

const expired = () =>
  new AppError('UNAUTHENTICATED', 'The access token has expired: get a new one with POST /api/v1/auth/refresh, or sign in again', {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' },
  });

/** A valid JWT is not enough: the membership must still exist, and its current role applies (not the one at login). */
export async function resolveAccessToken(deps: Deps, token: string): Promise<AuthContext | undefined> {
  const now = deps.clock();
  const claims = verifyAccessToken(deps.jwt, token, now);
  if (!claims) {
    if (isExpiredAccessToken(deps.jwt, token, now)) throw expired();
    return undefined;
  }
  const membership = await deps.prisma.membership.findUnique({
    where: { userId_tenantId: { userId: claims.userId, tenantId: claims.tenantId } },
    select: { role: true },
  });
  if (!membership) return undefined;
  return { tenantId: claims.tenantId, userId: claims.userId, role: membership.role, via: 'jwt' };
}
