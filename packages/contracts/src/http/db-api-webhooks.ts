import { z } from 'zod';
import { DomainEventType } from '../events';
import { IsoDateTime } from './db-api-common';

/** `whsec_` + base64 of 24 to 64 random bytes (Standard Webhooks). */
export const WebhookSecret = z.string().regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/);

const Url = z.string().trim().min(1, 'url is required').max(2048);
/** Empty = every event type. */
const EventTypes = z.array(DomainEventType).max(DomainEventType.options.length).transform((types) => [...new Set(types)]);
const Description = z.string().trim().max(200);

export const CreateWebhookEndpointRequest = z.object({
  url: Url,
  eventTypes: EventTypes.default([]),
  description: Description.optional(),
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>;

export const UpdateWebhookEndpointRequest = z
  .object({ url: Url, eventTypes: EventTypes, description: Description.nullable(), enabled: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'at least one field to change');
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequest>;

export const RotateWebhookSecretRequest = z.object({
  /** How long deliveries stay signed with the old secret too (default 24 h; 0 = at once; at most 7 days). */
  overlapSeconds: z.number().int().min(0).max(604_800).default(86_400),
});
export type RotateWebhookSecretRequest = z.infer<typeof RotateWebhookSecretRequest>;

export const WebhookEndpointView = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(DomainEventType),
  description: z.string().nullable(),
  enabled: z.boolean(),
  /** Set when delivery disabled it (410 Gone, or failing too long); null while enabled by hand. */
  disabledAt: IsoDateTime.nullable(),
  /** Why delivery disabled it: `gone` (answered 410) or `failing` (5 days of failures); null otherwise. */
  disabledReason: z.enum(['gone', 'failing']).nullable(),
  /** Until then deliveries carry a signature with the previous secret too. */
  previousSecretExpiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointView>;

/** The only responses that contain the secret. */
export const CreatedWebhookEndpoint = WebhookEndpointView.extend({ secret: WebhookSecret });
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;
export const RotatedWebhookSecret = z.object({ id: z.string(), secret: WebhookSecret, previousSecretExpiresAt: IsoDateTime.nullable() });
export type RotatedWebhookSecret = z.infer<typeof RotatedWebhookSecret>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpointView) });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

export const WebhookAttemptView = z.object({
  attempt: z.number().int().positive(),
  /** Null when there was no HTTP answer (timeout, reset, refused target). */
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().nullable(),
  /** The first 1 KB of the answer. */
  response: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type WebhookAttemptView = z.infer<typeof WebhookAttemptView>;

export const WebhookDeliveryView = z.object({
  id: z.string(),
  endpointId: z.string(),
  /** The receivers' `webhook-id`: the same across retries and replays. */
  eventId: z.string(),
  /** A domain event type, or `webhook.test` for a test event. */
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: IsoDateTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  attemptLog: z.array(WebhookAttemptView),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

export const WebhookDeliveryQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;

export const WebhookDeliveryPage = z.object({ items: z.array(WebhookDeliveryView), nextCursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

/** "Resend everything since T": the endpoint's failed deliveries created at or after `since`. */
export const ResendFailedDeliveriesRequest = z.object({ since: IsoDateTime });
export type ResendFailedDeliveriesRequest = z.infer<typeof ResendFailedDeliveriesRequest>;

/** Oldest first, at most `RESEND_BATCH` per call; `more` = call again for the rest (the resent ones are pending now). */
export const ResentDeliveries = z.object({ resent: z.number().int().nonnegative(), more: z.boolean() });
export type ResentDeliveries = z.infer<typeof ResentDeliveries>;
export const RESEND_BATCH = 500;

/** Event type of the deliveries the "send test event" API creates. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';
