import type { TenantSnapshot, TenantUpdated } from '@vocalia/contracts';
import { createSingleFlightCache } from '../single-flight-cache';
import type { DbApiClient } from './db-api-client';

export interface SnapshotStoreOptions {
  ttlMs: number;
  maxTenants?: number;
  now?: () => number;
}

export interface SnapshotStore {
  /** The tenant's snapshot (cached), or null when no such tenant exists. */
  get(tenantId: string): Promise<TenantSnapshot | null>;
  onTenantUpdated(update: Pick<TenantUpdated, 'tenantId'>): void;
  onResubscribed(): void;
}

const NEGATIVE_TTL_MS = 10_000;

/**
 * Tenant snapshots from db-api, cached per process. Dropped on `tenant-updated`; the TTL is only the
 * safety net for a missed message. Origin decisions hang off the snapshot object, so they go with it.
 */
export function createSnapshotStore(db: DbApiClient, opts: SnapshotStoreOptions): SnapshotStore {
  const cache = createSingleFlightCache<TenantSnapshot>({
    load: (tenantId) => db.fetchSnapshot(tenantId),
    ttlMs: opts.ttlMs,
    negativeTtlMs: Math.min(NEGATIVE_TTL_MS, opts.ttlMs),
    maxEntries: opts.maxTenants ?? 500,
    now: opts.now,
  });
  return {
    get: (tenantId) => cache.get(tenantId),
    onTenantUpdated: (update) => cache.invalidate(update.tenantId),
    onResubscribed: () => cache.clear(),
  };
}
