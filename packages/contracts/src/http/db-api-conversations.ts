import { z } from 'zod';
import { Channel } from '../channels';
import { Bant } from '../lead';
import { QueryDate } from './db-api-pagination';

export const ConversationStatus = z.enum(['open', 'closed', 'handoff']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** `GET /api/v1/conversations`: `from`/`to` bound `startedAt` (inclusive, exclusive). */
export const ConversationListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  channel: Channel.optional(),
  status: ConversationStatus.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
  minLeadScore: z.coerce.number().int().min(0).max(100).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ContactView = z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() });

export const ConversationSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  channel: Channel,
  agentId: z.string().nullable(),
  origin: z.string().nullable(),
  language: z.string(),
  status: ConversationStatus,
  leadScore: z.number().int(),
  messageCount: z.number().int(),
  contact: ContactView,
  startedAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationPage = z.object({ items: z.array(ConversationSummary), nextCursor: z.string().nullable() });
export type ConversationPage = z.infer<typeof ConversationPage>;

export const MessageView = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'system', 'tool']),
  text: z.string(),
  language: z.string().nullable(),
  intent: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const LeadView = z.object({
  id: z.string(),
  score: z.number().int(),
  bant: Bant.partial(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['new', 'contacted', 'qualified', 'won', 'lost']),
  createdAt: z.iso.datetime(),
});

export const BookingView = z.object({
  id: z.string(),
  requestedDate: z.string().nullable(),
  requestedTime: z.string().nullable(),
  service: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['requested', 'confirmed', 'cancelled', 'done']),
  createdAt: z.iso.datetime(),
});

export const ConversationDetail = ConversationSummary.extend({
  bant: Bant.partial(),
  messages: z.array(MessageView),
  lead: LeadView.nullable(),
  bookings: z.array(BookingView),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const CallListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  direction: z.enum(['inbound', 'outbound']).optional(),
  /** A call status as the phone provider names it, e.g. `completed`, `no-answer`. */
  status: z.string().trim().max(40).regex(/^[a-z][a-z_-]*$/, 'must be a call status such as completed or no-answer').optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

/** Phone numbers of callers are masked (`+*********34`): the full number is never stored. */
export const CallSummary = z.object({
  id: z.string(),
  /** Null while an outbound call waits in the queue. */
  callSid: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.string(),
  durationSec: z.number().int().nullable(),
  /** `/api/v1/calls/{id}/recording` when the call was recorded (streamed by db-api; the provider's URL is never shown). */
  recordingUrl: z.string().nullable(),
  recordingDurationSec: z.number().int().nullable(),
  /** Outbound calls: scheduled, cart_recovery or callback. */
  reason: z.string().nullable(),
  agentId: z.string().nullable(),
  conversationId: z.string().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CallPage = z.object({ items: z.array(CallSummary), nextCursor: z.string().nullable() });
export type CallPage = z.infer<typeof CallPage>;

export const CallDetail = CallSummary.extend({
  transcript: z.array(MessageView),
  /** Billable telephony time of this call and its cost at the per-minute rate. */
  usage: z.object({ telephonySeconds: z.number().int().nonnegative(), costEur: z.number().nonnegative() }),
  lead: LeadView.nullable(),
  bookings: z.array(BookingView),
});
export type CallDetail = z.infer<typeof CallDetail>;
