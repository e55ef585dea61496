import { currentContext } from '@vocalia/service-kit';
import type { TenantUpdated } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { domainEventId, enqueuePendingDeliveries, recordDomainEvent } from '../conversations/domain-events';

export interface TenantChange {
  what: TenantUpdated['what'];
  /** The settings that changed, as named in `GET /api/v1/tenant` (never empty). */
  fields: string[];
}

/**
 * In the caller's transaction: `tenant.updated` for the subscribed endpoints. The event id comes from the
 * request (or job) that made the change, so a re-run of the same request records nothing twice. Returns it
 * for `announceTenantUpdated` after commit.
 */
export async function recordTenantUpdated(tx: Prisma.TransactionClient, tenantId: string, change: TenantChange, at: Date): Promise<string> {
  const cause = currentContext()?.requestId ?? `${change.what}-${at.getTime()}`;
  const eventId = domainEventId('tenant.updated', tenantId, cause, change.what, ...change.fields);
  await recordDomainEvent(tx, tenantId, { id: eventId, type: 'tenant.updated', data: { what: change.what, fields: change.fields, at: at.toISOString() } }, at);
  return eventId;
}

/** After commit: hands the deliveries recorded by `recordTenantUpdated` to webhook-router. */
export async function enqueueTenantUpdated(deps: Deps, tenantId: string, eventId: string): Promise<void> {
  const requestId = currentContext()?.requestId ?? eventId;
  await enqueuePendingDeliveries(deps, tenantId, [eventId], requestId);
}
