import { z } from 'zod';
import { Channel } from './channels';
import { TenantUpdated, type DomainEventType } from './events';
import { Bant, BookingRequest, Contact } from './lead';

/**
 * The `data` of every outbound domain event, one schema per `DOMAIN_EVENT_TYPES` entry. db-api parses
 * each event's data with its schema before recording it, so a payload never drifts from what is documented.
 */

const ConversationRef = z.strictObject({
  conversationId: z.string().min(1),
  sessionId: z.string().min(1),
  channel: Channel,
});

export const ConversationStartedData = ConversationRef.extend({
  agentId: z.string().nullable(),
  origin: z.string().nullable(),
  language: z.string(),
  startedAt: z.iso.datetime(),
});

export const ConversationTurnData = ConversationRef.extend({
  /** The turn's event id: stable across redeliveries. */
  turnId: z.string().min(1),
  language: z.string(),
  intent: z.string(),
  userText: z.string(),
  assistantText: z.string(),
  at: z.iso.datetime(),
});

export const LeadQualifiedData = ConversationRef.extend({
  score: z.number().min(0).max(100),
  /** BANT axes known when the lead qualified (an engine may qualify a lead before scoring every axis). */
  bant: Bant.partial(),
  contact: Contact,
});

export const BookingRequestedData = ConversationRef.extend({ booking: BookingRequest });

export const HandoffRequestedData = ConversationRef;

const CallFields = z.strictObject({
  callId: z.string().min(1),
  callSid: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  /** Masked (`+2126****1234`). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Twilio call status verbatim. */
  status: z.string(),
  agentId: z.string().nullable(),
  conversationId: z.string().nullable(),
  startedAt: z.iso.datetime(),
});
const CallEnd = z.strictObject({
  endedAt: z.iso.datetime(),
  durationSec: z.number().int().nonnegative().nullable(),
  recorded: z.boolean(),
});

/** Ended fields are present when the call had already ended by the time its start was recorded. */
export const CallStartedData = CallFields.extend(CallEnd.partial().shape);
export const CallCompletedData = CallFields.extend(CallEnd.shape);

/** Sent once per call, when it has ended and its transcript, lead score and recording are all known: no field is null. */
export const CallAnalyzedData = z.strictObject({
  callId: z.string().min(1),
  callSid: z.string().min(1),
  direction: z.enum(['inbound', 'outbound']),
  conversationId: z.string().min(1),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  durationSec: z.number().int().nonnegative(),
  leadScore: z.number().int().min(0).max(100),
  bant: Bant,
  transcript: z.array(z.strictObject({ role: z.enum(['user', 'assistant']), text: z.string(), at: z.iso.datetime() })).min(1),
  recording: z.strictObject({
    /** db-api path streaming the audio (the provider's URL never leaves the platform). */
    url: z.string().startsWith('/api/v1/calls/'),
    durationSec: z.number().int().nonnegative(),
  }),
});

export const UsageThresholdReachedData = z.strictObject({
  /** Which monthly quota: conversations, streaming voice minutes or phone minutes (`used` and `limit` in minutes for those). */
  quota: z.enum(['conversationsPerMonth', 'voiceMinutesIncluded', 'telephonyMinutesPerMonth']),
  level: z.enum(['warning', 'reached']),
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  ratio: z.number().nonnegative(),
  /** True when the plan stops answering at 100 % instead of billing overage. */
  hardStop: z.boolean(),
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
});

export const TenantUpdatedData = z.strictObject({
  what: TenantUpdated.shape.what,
  /** What changed: settings (`callSettings.<name>`), `plan`, `status`/`statusReason`/`graceEndsAt`, `allowedOrigins`, `widget.<name>` (docs/webhooks.md). */
  fields: z.array(z.string().min(1)).min(1),
  at: z.iso.datetime(),
});

export const DOMAIN_EVENT_DATA = {
  'conversation.started': ConversationStartedData,
  'conversation.turn': ConversationTurnData,
  'lead.qualified': LeadQualifiedData,
  'booking.requested': BookingRequestedData,
  'handoff.requested': HandoffRequestedData,
  'call.started': CallStartedData,
  'call.completed': CallCompletedData,
  'call.analyzed': CallAnalyzedData,
  'usage.threshold_reached': UsageThresholdReachedData,
  'tenant.updated': TenantUpdatedData,
} as const satisfies Record<DomainEventType, z.ZodType>;

export type DomainEventData<T extends DomainEventType> = z.infer<(typeof DOMAIN_EVENT_DATA)[T]>;

/** The data of one event of this type, parsed with its schema (throws a ZodError naming the bad field). */
export function parseDomainEventData<T extends DomainEventType>(type: T, data: unknown): DomainEventData<T> {
  return DOMAIN_EVENT_DATA[type].parse(data) as DomainEventData<T>;
}

