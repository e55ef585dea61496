import type { InvitationList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toInvitation } from './invitation-view';

const LIMIT = 200;

/** The tenant's most recent invitations, newest first, each with its status. */
export async function listInvitations(deps: Deps, tenantId: string): Promise<InvitationList> {
  const rows = await deps.prisma.invitation.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take: LIMIT });
  const now = deps.clock();
  return { items: rows.map((row) => toInvitation(row, now)) };
}
