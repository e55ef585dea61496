import type { BookingListQuery, BookingPage } from '@vocalia/contracts';
import type { Booking } from '@vocalia/db';
import type { Deps } from '../deps';
import { toBookingView } from '../conversations/conversation-view';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';

export const toBookingListItem = (b: Booking) => ({ ...toBookingView(b), conversationId: b.conversationId, updatedAt: b.updatedAt.toISOString() });

/** The tenant's booking requests, newest first. */
export async function listBookings(deps: Deps, tenantId: string, query: BookingListQuery): Promise<BookingPage> {
  const rows = await deps.prisma.booking.findMany({
    where: {
      AND: [
        { tenantId },
        query.status ? { status: query.status } : {},
        query.from ? { createdAt: { gte: query.from } } : {},
        query.to ? { createdAt: { lt: query.to } } : {},
        afterCursor('createdAt', decodeCursor(query.cursor)),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { items: page.items.map(toBookingListItem), nextCursor: page.nextCursor };
}
