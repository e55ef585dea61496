import type { Invitation, Prisma, User } from '@vocalia/db';
import type { SessionResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { issueTokens } from '../credentials/issue-tokens';
import { toTenantSummary } from '../tenants/tenant-summary';
import { isUniqueViolation } from '../unique-violation';

export const alreadyMember = () => new AppError('CONFLICT', 'You are already a member of this tenant');

/** Inside the accepting transaction: the membership the invitation grants, and a session in that tenant. */
export async function joinTenant(deps: Deps, tx: Prisma.TransactionClient, user: User, invitation: Invitation): Promise<SessionResponse> {
  if (await tx.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: invitation.tenantId } }, select: { id: true } })) throw alreadyMember();
  await tx.membership.create({ data: { userId: user.id, tenantId: invitation.tenantId, role: invitation.role } });
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: invitation.tenantId } });
  const tokens = await issueTokens(deps, tx, { userId: user.id, tenantId: tenant.id });
  return { user: { id: user.id, email: user.email }, tenant: toTenantSummary(tenant), accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
}

/** After commit: the same `member.added` audit entry as any member change, naming the invitation. */
export async function auditJoined(deps: Deps, session: SessionResponse, invitation: Invitation, ip: string): Promise<void> {
  await recordAudit(deps, { tenantId: invitation.tenantId, actor: `user:${session.user.id}`, action: 'member.added', target: `user:${session.user.id}`, meta: { role: invitation.role, invitationId: invitation.id, ip } });
}

/** A concurrent accept of the same membership hits the unique index: the same 409. */
export function mapJoinError(err: unknown): never {
  if (isUniqueViolation(err)) throw alreadyMember();
  throw err;
}
