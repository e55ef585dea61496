import type { DeliveryDeps } from '../deps';

export interface DueDelivery {
  id: string;
  tenantId: string;
  endpointId: string;
  eventType: string;
  /** Attempts already made. */
  attempts: number;
}

/** Enqueues the next attempt; its job id names the attempt, so a re-run of the sweeper adds nothing while it waits. */
export async function scheduleAttempt(deps: DeliveryDeps, d: DueDelivery, delayMs: number, requestId: string): Promise<void> {
  await deps.producer.add(
    { v: 1, eventId: `${d.id}-${d.attempts + 1}`, tenantId: d.tenantId, requestId, at: deps.clock().toISOString(), deliveryId: d.id, endpointId: d.endpointId, eventType: d.eventType },
    { delay: Math.max(0, delayMs) },
  );
}
