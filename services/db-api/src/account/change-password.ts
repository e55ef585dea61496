import type { ChangePasswordRequest, TokenPair } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { issueTokens } from '../credentials/issue-tokens';
import { hashPassword, verifyPassword } from '../credentials/password-hash';
import { weakPasswordError } from '../credentials/password-policy';
import { revokeEverySession } from './revoke-every-session';

/**
 * Signed in, with the current password (wrong guesses count like failed sign-ins). Every other
 * session of the account ends; the caller gets fresh tokens.
 */
export async function changePassword(deps: Deps, auth: AuthContext, input: ChangePasswordRequest, ip: string): Promise<TokenPair> {
  const userId = auth.userId;
  if (auth.via !== 'jwt' || !userId) throw new AppError('FORBIDDEN', 'Only a signed-in user has a password to change');
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const attempt = { ip, email: user.email };
  const locked = await deps.rateLimits.admitLogin(attempt);
  if (locked) throw locked;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await deps.rateLimits.loginFailed(attempt);
    throw new AppError('VALIDATION_FAILED', 'body.currentPassword: is not your current password', { errors: [{ path: 'body.currentPassword', message: 'is not your current password' }] });
  }
  const weak = weakPasswordError(input.newPassword, user.email, 'body.newPassword');
  if (weak) throw weak;
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  const tokens = await deps.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await revokeEverySession(tx, userId, now);
    return issueTokens(deps, tx, { userId, tenantId: auth.tenantId });
  });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: `user:${userId}`, action: 'auth.password_changed', meta: { ip } });
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
}
