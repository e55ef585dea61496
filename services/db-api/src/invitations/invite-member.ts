import type { Invitation, InviteMemberRequest } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { invitationMail } from '../mail/account-mails';
import { mailLanguage } from '../mail/mail-language';
import { dashboardLink, newMailedToken } from '../mail/mailed-token';
import { toInvitation } from './invitation-view';

const HOUR_MS = 3_600_000;

/**
 * Mails a single-use invitation link; nothing is created for the invitee until they accept. The
 * answer and the work done are the same whether or not the address has an account. A new
 * invitation to the same address replaces the pending one.
 */
export async function inviteMember(deps: Deps, auth: AuthContext, input: InviteMemberRequest): Promise<Invitation> {
  if (input.role === 'owner' && auth.role !== 'owner') throw new AppError('FORBIDDEN', 'Only an owner can invite an owner');
  const now = deps.clock();
  const token = newMailedToken();
  const { invitation, tenant } = await deps.prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { tenantId: auth.tenantId, user: { email: input.email } }, select: { id: true } });
    if (member) throw new AppError('CONFLICT', `${input.email} is already a member`);
    await tx.invitation.updateMany({ where: { tenantId: auth.tenantId, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: auth.tenantId }, select: { name: true, defaultLanguage: true } });
    const row = await tx.invitation.create({
      data: { tenantId: auth.tenantId, email: input.email, role: input.role, tokenHash: token.hash, invitedById: auth.userId ?? null, expiresAt: new Date(now.getTime() + deps.env.INVITATION_TTL_HOURS * HOUR_MS) },
    });
    return { invitation: row, tenant };
  });
  try {
    await deps.mailer.send(invitationMail(input.email, mailLanguage(input.language, tenant.defaultLanguage), { tenantName: tenant.name, role: input.role, link: dashboardLink(deps.env, 'invitation', token.token), expiresAt: invitation.expiresAt }));
  } catch (err) {
    await deps.prisma.invitation.delete({ where: { id: invitation.id } });
    deps.logger.error('invitation mail not sent', { error: err instanceof Error ? err.message : String(err) });
    throw new AppError('UPSTREAM_FAILED', 'The invitation email could not be sent; nothing was created, try again');
  }
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'member.invited', target: `invitation:${invitation.id}`, meta: { role: input.role } });
  return toInvitation(invitation, now);
}
