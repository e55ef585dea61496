import type { Deps } from '../deps';
import type { AuthContext } from './auth-context';
import { verifyAccessToken } from '../credentials/access-token';

/** A valid JWT is not enough: the membership must still exist, and its current role applies (not the one at login). */
export async function resolveAccessToken(deps: Deps, token: string): Promise<AuthContext | undefined> {
  const claims = verifyAccessToken(deps.jwt, token, deps.clock());
  if (!claims) return undefined;
  const membership = await deps.prisma.membership.findUnique({
    where: { userId_tenantId: { userId: claims.userId, tenantId: claims.tenantId } },
    select: { role: true },
  });
  if (!membership) return undefined;
  return { tenantId: claims.tenantId, userId: claims.userId, role: membership.role, via: 'jwt' };
}
