import type { WebhookAttempt, WebhookDelivery } from '@vocalia/db';
import type { WebhookDeliveryView } from '@vocalia/contracts';

export function toWebhookDeliveryView(row: WebhookDelivery & { attemptsLog: WebhookAttempt[] }): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    attemptLog: row.attemptsLog.map((a) => ({
      attempt: a.attempt,
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
      response: a.response,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
