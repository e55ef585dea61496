import { z } from 'zod';

/** Domain events a tenant can subscribe to with outbound webhooks (Standard Webhooks `type`). */
export const DOMAIN_EVENT_TYPES = [
  'conversation.started',
  'conversation.turn',
  'lead.qualified',
  'booking.requested',
  'handoff.requested',
  'call.started',
  'call.completed',
  'call.analyzed',
  'usage.threshold_reached',
  'tenant.updated',
] as const;
export const DomainEventType = z.enum(DOMAIN_EVENT_TYPES);
export type DomainEventType = z.infer<typeof DomainEventType>;

export const DomainEvent = z.object({
  type: DomainEventType,
  timestamp: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type DomainEvent = z.infer<typeof DomainEvent>;

/** Redis pub/sub channel on which db-api announces tenant changes so caches drop stale snapshots. */
export const TENANT_UPDATED_CHANNEL = 'tenant-updated';
export const TenantUpdated = z.object({
  tenantId: z.string(),
  what: z.enum(['settings', 'origins', 'plan', 'agents', 'knowledge', 'widget', 'keys', 'billing', 'deleted']),
  at: z.iso.datetime(),
});
export type TenantUpdated = z.infer<typeof TenantUpdated>;
