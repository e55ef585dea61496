import type { LogoutRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { sha256Hex } from '../credentials/refresh-token';

/** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored: logout is idempotent. */
export async function logOut(deps: Deps, input: LogoutRequest): Promise<void> {
  const row = await deps.prisma.refreshToken.findUnique({ where: { tokenHash: sha256Hex(input.refreshToken) } });
  if (!row) return;
  const revoked = await deps.prisma.refreshToken.updateMany({ where: { familyId: row.familyId, revokedAt: null }, data: { revokedAt: deps.clock() } });
  if (revoked.count > 0) await recordAudit(deps, { tenantId: row.tenantId, actor: `user:${row.userId}`, action: 'auth.logout' });
}
