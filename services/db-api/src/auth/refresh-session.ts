import type { RefreshRequest, TokenPair } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { issueTokens } from '../credentials/issue-tokens';
import { sha256Hex } from '../credentials/refresh-token';

const INVALID = 'Invalid or expired refresh token';

class ReusedToken extends Error {}

async function revokeFamily(deps: Deps, familyId: string, now: Date): Promise<void> {
  await deps.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Rotation: the presented token is revoked and a new one issued in the same family. Presenting a token
 * that was already rotated means it leaked (or was replayed): the whole family is revoked.
 */
export async function refreshSession(deps: Deps, input: RefreshRequest, ip: string): Promise<TokenPair> {
  const now = deps.clock();
  const row = await deps.prisma.refreshToken.findUnique({ where: { tokenHash: sha256Hex(input.refreshToken) } });
  if (!row || row.expiresAt <= now) throw new AppError('UNAUTHENTICATED', INVALID);
  const member = await deps.prisma.membership.findUnique({ where: { userId_tenantId: { userId: row.userId, tenantId: row.tenantId } }, select: { id: true } });
  if (!member) {
    await revokeFamily(deps, row.familyId, now);
    throw new AppError('UNAUTHENTICATED', INVALID);
  }
  try {
    if (row.revokedAt) throw new ReusedToken();
    const tokens = await deps.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
      if (claimed.count === 0) throw new ReusedToken();
      const issued = await issueTokens(deps, tx, { userId: row.userId, tenantId: row.tenantId, familyId: row.familyId });
      await tx.refreshToken.update({ where: { id: row.id }, data: { replacedById: issued.refreshTokenId } });
      return issued;
    });
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
  } catch (err) {
    if (!(err instanceof ReusedToken)) throw err;
    await revokeFamily(deps, row.familyId, now);
    await recordAudit(deps, { tenantId: row.tenantId, actor: `user:${row.userId}`, action: 'auth.refresh_reused', meta: { ip, familyId: row.familyId } });
    throw new AppError('UNAUTHENTICATED', INVALID);
  }
}
