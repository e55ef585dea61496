import { TENANT_UPDATED_CHANNEL, TenantUpdated } from '@vocalia/contracts';
import type { Deps } from '../deps';

/**
 * Tells every cache (voice-api, realtime) to drop the tenant's snapshot. Best effort: a Redis hiccup is
 * logged, not thrown, because the change is already committed and snapshots also expire on their own.
 */
export async function publishTenantUpdated(deps: Pick<Deps, 'publisher' | 'logger' | 'clock'>, tenantId: string, what: TenantUpdated['what']): Promise<void> {
  const message = TenantUpdated.parse({ tenantId, what, at: deps.clock().toISOString() });
  try {
    await deps.publisher.publish(TENANT_UPDATED_CHANNEL, JSON.stringify(message));
  } catch (err) {
    deps.logger.warn('tenant-updated not published', { tenantId, what, error: err instanceof Error ? err.message : String(err) });
  }
}
