import type { ResetPasswordRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../credentials/password-hash';
import { weakPasswordError } from '../credentials/password-policy';
import { useAccountToken } from './account-token';
import { revokeEverySession } from './revoke-every-session';

/**
 * The mailed link: sets a new password, once. Every refresh token of the account (all tenants) is
 * revoked, as is every other reset link; the address counts as verified.
 */
export async function resetPassword(deps: Deps, input: ResetPasswordRequest, ip: string): Promise<void> {
  const now = deps.clock();
  const user = await deps.prisma.$transaction(async (tx) => {
    const userId = await useAccountToken(tx, input.token, 'reset_password', now);
    const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: { orderBy: { createdAt: 'asc' }, take: 1 } } });
    const weak = weakPasswordError(input.password, row.email, 'body.password');
    if (weak) throw weak;
    await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.password), emailVerifiedAt: row.emailVerifiedAt ?? now } });
    await tx.accountToken.updateMany({ where: { userId, purpose: 'reset_password', usedAt: null }, data: { usedAt: now } });
    await revokeEverySession(tx, userId, now);
    return row;
  });
  await recordAudit(deps, { tenantId: user.memberships[0]?.tenantId ?? null, actor: `user:${user.id}`, action: 'auth.password_reset', meta: { ip } });
}
