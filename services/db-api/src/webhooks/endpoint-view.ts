import type { WebhookEndpoint } from '@vocalia/db';
import type { DomainEventType, WebhookEndpointView } from '@vocalia/contracts';

/** What the API shows of an endpoint: never its secrets. */
export function toWebhookEndpointView(row: WebhookEndpoint, now: Date): WebhookEndpointView {
  const overlap = row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes as DomainEventType[],
    description: row.description,
    enabled: row.enabled,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: overlap?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
