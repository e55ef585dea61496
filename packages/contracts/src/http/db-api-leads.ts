import { z } from 'zod';
import { BookingView, LeadView } from './db-api-conversations';
import { QueryDate } from './db-api-pagination';

export const LeadStatus = z.enum(['new', 'contacted', 'qualified', 'won', 'lost']);
export type LeadStatus = z.infer<typeof LeadStatus>;
export const BookingStatus = z.enum(['requested', 'confirmed', 'cancelled', 'done']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** `GET /api/v1/leads`: newest first; `from`/`to` bound `createdAt` (inclusive, exclusive). */
export const LeadListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: LeadStatus.optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;

export const LeadListItem = LeadView.extend({ conversationId: z.string().nullable(), updatedAt: z.iso.datetime() });
export type LeadListItem = z.infer<typeof LeadListItem>;
export const LeadPage = z.object({ items: z.array(LeadListItem), nextCursor: z.string().nullable() });
export type LeadPage = z.infer<typeof LeadPage>;

export const UpdateLeadRequest = z.object({ status: LeadStatus });
export type UpdateLeadRequest = z.infer<typeof UpdateLeadRequest>;

/** `GET /api/v1/bookings`: newest first; `from`/`to` bound `createdAt` (inclusive, exclusive). */
export const BookingListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: BookingStatus.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
});
export type BookingListQuery = z.infer<typeof BookingListQuery>;

export const BookingListItem = BookingView.extend({ conversationId: z.string().nullable(), updatedAt: z.iso.datetime() });
export type BookingListItem = z.infer<typeof BookingListItem>;
export const BookingPage = z.object({ items: z.array(BookingListItem), nextCursor: z.string().nullable() });
export type BookingPage = z.infer<typeof BookingPage>;

/** Confirm, cancel, or mark done (the visit took place). */
export const UpdateBookingRequest = z.object({ status: BookingStatus });
export type UpdateBookingRequest = z.infer<typeof UpdateBookingRequest>;
