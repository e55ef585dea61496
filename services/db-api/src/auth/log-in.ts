import type { LoginRequest, SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { toTenantSummary } from '../tenants/tenant-summary';
import { issueTokens } from '../credentials/issue-tokens';
import { verifyPassword } from '../credentials/password-hash';

const INVALID = 'Invalid email or password';

/**
 * Email + password -> a session in the chosen (or oldest) tenant; one generic 401 for every bad credential.
 * While the email is locked by failures, only an address that recently signed in to it gets its password checked.
 */
export async function logIn(deps: Deps, input: LoginRequest, ip: string): Promise<SessionResponse> {
  const attempt = { ip, email: input.email };
  const locked = await deps.rateLimits.admitLogin(attempt);
  if (locked && !(await deps.rateLimits.recentlySucceeded(attempt))) throw locked;
  const user = await deps.prisma.user.findUnique({
    where: { email: input.email },
    include: { memberships: { orderBy: { createdAt: 'asc' }, include: { tenant: true } } },
  });
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid) {
    await recordAudit(deps, {
      tenantId: user?.memberships[0]?.tenantId ?? null,
      actor: user ? `user:${user.id}` : `email:${input.email}`,
      action: 'auth.login_failed',
      meta: { ip, reason: user ? 'wrong_password' : 'unknown_email' },
    });
    await deps.rateLimits.loginFailed(attempt);
    throw locked ?? new AppError('UNAUTHENTICATED', INVALID);
  }
  const membership = input.tenantId ? user.memberships.find((m) => m.tenantId === input.tenantId) : user.memberships[0];
  if (!membership) throw new AppError('FORBIDDEN', input.tenantId ? 'You are not a member of this tenant' : 'This account belongs to no tenant');

  const tokens = await issueTokens(deps, deps.prisma, { userId: user.id, tenantId: membership.tenantId });
  await deps.rateLimits.loginSucceeded(attempt, { wasLocked: locked !== null });
  await recordAudit(deps, { tenantId: membership.tenantId, actor: `user:${user.id}`, action: 'auth.login', meta: { ip } });
  return {
    user: { id: user.id, email: user.email },
    tenant: toTenantSummary(membership.tenant),
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresIn: tokens.expiresIn,
  };
}
