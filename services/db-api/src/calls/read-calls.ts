import { TELEPHONY_EUR_PER_MINUTE, type CallDetail, type CallListQuery, type CallPage } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { toBookingView, toLeadView, toMessageView } from '../conversations/conversation-view';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';
import { toCallSummary } from './call-view';

export async function listCalls(deps: Deps, tenantId: string, query: CallListQuery): Promise<CallPage> {
  const cursor = decodeCursor(query.cursor);
  const rows = await deps.prisma.call.findMany({
    where: {
      AND: [
        { tenantId },
        query.direction ? { direction: query.direction } : {},
        query.status ? { status: query.status } : {},
        query.from ? { startedAt: { gte: query.from } } : {},
        query.to ? { startedAt: { lt: query.to } } : {},
        afterCursor('startedAt', cursor),
      ],
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.startedAt);
  return { items: page.items.map(toCallSummary), nextCursor: page.nextCursor };
}

/** A call with its transcript, lead and bookings (read through the conversation it carried), and its billable time. */
export async function getCall(deps: Deps, tenantId: string, id: string): Promise<CallDetail> {
  const call = await deps.prisma.call.findFirst({
    where: { id, tenantId },
    include: {
      conversation: {
        include: { messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }, leads: true, bookings: { orderBy: { createdAt: 'asc' } } },
      },
    },
  });
  if (!call) throw notFound('Call');
  const conversation = call.conversation?.tenantId === tenantId ? call.conversation : null;
  const lead = conversation?.leads[0];
  const telephonySeconds = call.durationSec ?? 0;
  return {
    ...toCallSummary(call),
    usage: { telephonySeconds, costEur: Math.round((telephonySeconds / 60) * TELEPHONY_EUR_PER_MINUTE * 100) / 100 },
    transcript: conversation?.messages.map(toMessageView) ?? [],
    lead: lead ? toLeadView(lead) : null,
    bookings: conversation?.bookings.map(toBookingView) ?? [],
  };
}
