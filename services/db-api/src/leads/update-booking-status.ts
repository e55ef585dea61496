import type { BookingListItem, UpdateBookingRequest } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { toBookingListItem } from './list-bookings';

/** Confirms, cancels or closes (done) a booking: scoped to the caller's tenant, audited. */
export async function updateBookingStatus(deps: Deps, auth: AuthContext, id: string, input: UpdateBookingRequest): Promise<BookingListItem> {
  const updated = await deps.prisma.booking.updateMany({ where: { id, tenantId: auth.tenantId }, data: { status: input.status } });
  if (updated.count === 0) throw notFound('Booking');
  const booking = await deps.prisma.booking.findFirstOrThrow({ where: { id, tenantId: auth.tenantId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'booking.status_changed', target: `booking:${id}`, meta: { status: input.status } });
  return toBookingListItem(booking);
}
