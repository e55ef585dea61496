import { z } from 'zod';
import { Envelope } from './envelope';
import { Channel } from './channels';
import { Language } from './languages';
import { AnswerKind } from './answer-kind';
import { BookingRequest, Contact, LeadScore } from './lead';
import { OutboundCallReason } from './http/db-api-telephony';

export const ConversationTurnJob = Envelope.extend({
  type: z.literal('turn.completed'),
  sessionId: z.string().min(1).max(128),
  channel: Channel,
  agentId: z.string().optional(),
  origin: z.string().optional(),
  language: Language,
  intent: z.string(),
  userText: z.string(),
  assistantText: z.string(),
  provider: z.string(),
  latencyMs: z.number().nonnegative(),
  lead: LeadScore.optional(),
  contact: Contact.optional(),
  booking: BookingRequest.optional(),
  handoff: z.boolean().default(false),
  /** Absent on turns queued before it existed: they count in no answer rate. */
  answerKind: AnswerKind.optional(),
  /** True on the one turn of a session whose lead score first reached the tenant's leadThreshold: db-api emits `lead.qualified` (dedupe on tenant + session). */
  leadQualified: z.boolean().optional(),
});
export type ConversationTurnJob = z.infer<typeof ConversationTurnJob>;

/** Most turns one `conversation-events` job carries (producers group the turns of one event-loop turn). */
export const CONVERSATION_TURNS_PER_JOB = 100;
/**
 * Turns travelling in one job, so BullMQ's per-job cost is paid once for all of them. Each turn keeps its
 * own event id (stored once per id), tenant and request; the envelope's id is derived from the turns' ids,
 * its tenant is null when they belong to several tenants.
 */
export const ConversationTurnBatchJob = Envelope.extend({ type: z.literal('turn.completed.batch'), tenantId: z.string().min(1).nullable(), turns: z.array(ConversationTurnJob).min(2).max(CONVERSATION_TURNS_PER_JOB) });
export type ConversationTurnBatchJob = z.infer<typeof ConversationTurnBatchJob>;
/** A `conversation-events` job: one turn (as every producer sent before batches, still accepted) or a batch of them; a bad one is refused naming its field. */
export const ConversationEventsJob = z.discriminatedUnion('type', [ConversationTurnJob, ConversationTurnBatchJob]);
export type ConversationEventsJob = z.infer<typeof ConversationEventsJob>;

/** The turns a `conversation-events` job carries, in order. */
export function conversationTurnsOf(job: ConversationEventsJob): ConversationTurnJob[] {
  return job.type === 'turn.completed.batch' ? job.turns : [job];
}

export const CallEventJob = Envelope.extend({
  type: z.enum(['call.started', 'call.status', 'call.recording', 'call.completed']),
  callSid: z.string().min(1),
  direction: z.enum(['inbound', 'outbound']).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  status: z.string().optional(),
  durationSec: z.number().nonnegative().optional(),
  recordingUrl: z.url().optional(),
  recordingSid: z.string().optional(),
  recordingDurationSec: z.number().nonnegative().optional(),
  /** Order of this event within its call; the event id is derived from CallSid + sequence so a replayed callback is deduplicated. */
  sequence: z.number().int().nonnegative().optional(),
  agentId: z.string().optional(),
  /** Outbound calls: db-api's call id from the OutboundCallJob, so the queued call row gets its CallSid. */
  callId: z.string().optional(),
});
export type CallEventJob = z.infer<typeof CallEventJob>;

export const UsageKind = z.enum(['conversation', 'api_call', 'voice_seconds', 'telephony_seconds']);
export type UsageKind = z.infer<typeof UsageKind>;
export const UsageEventJob = Envelope.extend({ kind: UsageKind, quantity: z.number().positive() });
export type UsageEventJob = z.infer<typeof UsageEventJob>;

/** Most usage events one job carries (producers group the usage events of one event-loop turn). */
export const USAGE_EVENTS_PER_JOB = 100;
/**
 * Usage events travelling in one job, so BullMQ's per-job cost is paid once for all of them. Each event
 * keeps its own id (exactly once is per event id), tenant and request; the envelope's id is derived from
 * the events' ids, its tenant is null when they belong to several tenants.
 */
export const UsageEventBatchJob = Envelope.extend({ tenantId: z.string().min(1).nullable(), events: z.array(UsageEventJob).min(2).max(USAGE_EVENTS_PER_JOB) });
export type UsageEventBatchJob = z.infer<typeof UsageEventBatchJob>;
/** A `usage-events` job: one event (as every producer sent before batches, still accepted) or a batch of them. */
export const UsageEventsJob = z.union([UsageEventJob, UsageEventBatchJob]);
export type UsageEventsJob = z.infer<typeof UsageEventsJob>;

/** The usage events a `usage-events` job carries, in order. */
export function usageEventsOf(job: UsageEventsJob): UsageEventJob[] {
  return 'events' in job ? job.events : [job];
}

export const AuditEventJob = Envelope.extend({
  /** Null for events before any tenant exists (a refused sign-in, an unknown email). */
  tenantId: z.string().min(1).nullable(),
  actor: z.string(),
  action: z.string(),
  target: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEventJob = z.infer<typeof AuditEventJob>;

export const WebhookDeliveryJob = Envelope.extend({ deliveryId: z.string(), endpointId: z.string(), eventType: z.string() });
export type WebhookDeliveryJob = z.infer<typeof WebhookDeliveryJob>;

/** Most deliveries one `webhook-deliveries` job carries. */
export const WEBHOOK_DELIVERIES_PER_JOB = 100;
/** One delivery in a job of several: its tenant, and the attempt the job makes (1 = first). */
export const WebhookDeliveryRef = z.object({ tenantId: z.string().min(1), deliveryId: z.string(), endpointId: z.string(), eventType: z.string(), attempt: z.number().int().positive() });
export type WebhookDeliveryRef = z.infer<typeof WebhookDeliveryRef>;
/**
 * Deliveries travelling in one job, so BullMQ's per-job cost is paid once for all of them; each is still
 * claimed, attempted, retried and deferred on its own. The envelope's id is derived from the deliveries'
 * ids and attempts; its tenant is null when they belong to several tenants.
 */
export const WebhookDeliveryBatchJob = Envelope.extend({ tenantId: z.string().min(1).nullable(), deliveries: z.array(WebhookDeliveryRef).min(2).max(WEBHOOK_DELIVERIES_PER_JOB) });
export type WebhookDeliveryBatchJob = z.infer<typeof WebhookDeliveryBatchJob>;
/** A `webhook-deliveries` job: one delivery (every retry, and every producer before batches) or several. */
export const WebhookDeliveriesJob = z.union([WebhookDeliveryJob, WebhookDeliveryBatchJob]);
export type WebhookDeliveriesJob = z.infer<typeof WebhookDeliveriesJob>;

export const InboundEventJob = Envelope.extend({
  /** Absent while the event matches no tenant yet (a Stripe event before its customer is linked). */
  tenantId: z.string().min(1).optional(),
  provider: z.enum(['stripe', 'shopify', 'hubspot', 'klaviyo', 'twilio']),
  providerEventId: z.string(),
  inboundEventId: z.string(),
  type: z.string(),
});
export type InboundEventJob = z.infer<typeof InboundEventJob>;

export const OutboundCallJob = Envelope.extend({
  /** db-api's call row (status `queued`); call events for this call carry it back as `callId`. */
  callId: z.string(),
  to: z.string().regex(/^\+[1-9]\d{6,14}$/),
  /** The tenant's number the call is placed from (caller ID). */
  from: z.string().regex(/^\+[1-9]\d{6,14}$/),
  agentId: z.string(),
  reason: OutboundCallReason,
  scheduledAt: z.iso.datetime().optional(),
});
export type OutboundCallJob = z.infer<typeof OutboundCallJob>;

export type Backoff = { type: 'exponential' | 'fixed'; delay: number };
export interface QueueSpec {
  schema: z.ZodType;
  concurrency: number;
  retry: { attempts: number; backoff: Backoff };
}

/** Every queue between services: its name, payload schema and retry policy, declared once. */
export const queues = {
  'conversation-events': { schema: ConversationEventsJob, concurrency: 8, retry: { attempts: 8, backoff: { type: 'exponential', delay: 500 } } },
  'call-events': { schema: CallEventJob, concurrency: 8, retry: { attempts: 8, backoff: { type: 'exponential', delay: 500 } } },
  'usage-events': { schema: UsageEventsJob, concurrency: 256, retry: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } } },
  'audit-events': { schema: AuditEventJob, concurrency: 1, retry: { attempts: 10, backoff: { type: 'exponential', delay: 500 } } },
  'webhook-deliveries': { schema: WebhookDeliveriesJob, concurrency: 64, retry: { attempts: 8, backoff: { type: 'exponential', delay: 5000 } } },
  'inbound-events': { schema: InboundEventJob, concurrency: 8, retry: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } } },
  'outbound-calls': { schema: OutboundCallJob, concurrency: 4, retry: { attempts: 3, backoff: { type: 'exponential', delay: 30000 } } },
} as const satisfies Record<string, QueueSpec>;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.infer<(typeof queues)[Q]['schema']>;
export const QUEUE_NAMES = Object.keys(queues) as QueueName[];
