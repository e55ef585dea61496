import type { Bant, ConversationDetail, ConversationListQuery, ConversationPage } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { toBookingView, toConversationSummary, toLeadView, toMessageView } from './conversation-view';
import { afterCursor, decodeCursor, toPage } from './page-cursor';

/** Newest first by start time (stable under new messages, so pages never skip or repeat). */
export async function listConversations(deps: Deps, tenantId: string, query: ConversationListQuery): Promise<ConversationPage> {
  const cursor = decodeCursor(query.cursor);
  const rows = await deps.prisma.conversation.findMany({
    where: {
      AND: [
        { tenantId },
        query.channel ? { channel: query.channel } : {},
        query.status ? { status: query.status } : {},
        query.minLeadScore !== undefined ? { leadScore: { gte: query.minLeadScore } } : {},
        query.from ? { startedAt: { gte: query.from } } : {},
        query.to ? { startedAt: { lt: query.to } } : {},
        afterCursor('startedAt', cursor),
      ],
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.startedAt);
  return { items: page.items.map(toConversationSummary), nextCursor: page.nextCursor };
}

/** One conversation with its transcript (oldest first), its lead (BANT) and bookings. */
export async function getConversation(deps: Deps, tenantId: string, id: string): Promise<ConversationDetail> {
  const c = await deps.prisma.conversation.findFirst({
    where: { id, tenantId },
    include: {
      messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      leads: true,
      bookings: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!c) throw notFound('Conversation');
  const lead = c.leads[0];
  return {
    ...toConversationSummary(c),
    bant: (c.bant ?? {}) as Partial<Bant>,
    messages: c.messages.map(toMessageView),
    lead: lead ? toLeadView(lead) : null,
    bookings: c.bookings.map(toBookingView),
  };
}
