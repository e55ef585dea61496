import type { LeadListQuery, LeadPage } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toLeadView } from '../conversations/conversation-view';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';

/** The tenant's leads, newest first (by creation, so pages stay stable while scores change). */
export async function listLeads(deps: Deps, tenantId: string, query: LeadListQuery): Promise<LeadPage> {
  const rows = await deps.prisma.lead.findMany({
    where: {
      AND: [
        { tenantId },
        query.status ? { status: query.status } : {},
        query.minScore !== undefined ? { score: { gte: query.minScore } } : {},
        query.from ? { createdAt: { gte: query.from } } : {},
        query.to ? { createdAt: { lt: query.to } } : {},
        afterCursor('createdAt', decodeCursor(query.cursor)),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { items: page.items.map((l) => ({ ...toLeadView(l), conversationId: l.conversationId, updatedAt: l.updatedAt.toISOString() })), nextCursor: page.nextCursor };
}
