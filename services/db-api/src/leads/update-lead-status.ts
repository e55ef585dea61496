import type { LeadListItem, UpdateLeadRequest } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { toLeadView } from '../conversations/conversation-view';

/** Moves a lead along the funnel (contacted, won, lost...): scoped to the caller's tenant, audited. */
export async function updateLeadStatus(deps: Deps, auth: AuthContext, id: string, input: UpdateLeadRequest): Promise<LeadListItem> {
  const updated = await deps.prisma.lead.updateMany({ where: { id, tenantId: auth.tenantId }, data: { status: input.status } });
  if (updated.count === 0) throw notFound('Lead');
  const lead = await deps.prisma.lead.findFirstOrThrow({ where: { id, tenantId: auth.tenantId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'lead.status_changed', target: `lead:${id}`, meta: { status: input.status } });
  return { ...toLeadView(lead), conversationId: lead.conversationId, updatedAt: lead.updatedAt.toISOString() };
}
