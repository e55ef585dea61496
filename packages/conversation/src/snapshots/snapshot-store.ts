import type { TenantSnapshot, TenantUpdated } from '@vocalia/contracts';
import type { Logger } from '@vocalia/service-kit';
import { createSingleFlightCache } from './single-flight-cache';
import type { DbApiClient } from './db-api-client';

export interface SnapshotStoreOptions {
  ttlMs: number;
  /** How long past the TTL a snapshot is still served at once while db-api is slow or down. */
  maxStaleMs: number;
  maxTenants: number;
  /** Memory budget, counted as the JSON size of each snapshot (measured once, when stored). */
  maxBytes: number;
  logger: Logger;
  now?: () => number;
}

export interface SnapshotStore {
  /** The tenant's snapshot (cached), or null when no such tenant exists. */
  get(tenantId: string): Promise<TenantSnapshot | null>;
  /** Whether `get` answers from memory now (no db-api request). */
  holds(tenantId: string): boolean;
  onTenantUpdated(update: Pick<TenantUpdated, 'tenantId'>): void;
  onResubscribed(): void;
}

/** Defaults of SNAPSHOT_CACHE_MAX_TENANTS, SNAPSHOT_CACHE_MAX_BYTES and SNAPSHOT_MAX_STALE_SEC. */
export const SNAPSHOT_CACHE_DEFAULTS = { maxTenants: 500, maxBytes: 128 * 1024 * 1024, maxStaleSec: 600 } as const;

const NEGATIVE_TTL_MS = 10_000;

const jsonBytes = (snapshot: TenantSnapshot) => Buffer.byteLength(JSON.stringify(snapshot));

/**
 * Tenant snapshots from db-api, cached per process. Dropped on `tenant-updated`; the TTL is only the
 * safety net for a missed message, so past it the snapshot keeps serving while a reload runs behind
 * it (up to `maxStaleMs`). Origin decisions hang off the snapshot object, so they go with it.
 */
export function createSnapshotStore(db: DbApiClient, opts: SnapshotStoreOptions): SnapshotStore {
  const cache = createSingleFlightCache<TenantSnapshot>({
    load: (tenantId) => db.fetchSnapshot(tenantId),
    ttlMs: opts.ttlMs,
    negativeTtlMs: Math.min(NEGATIVE_TTL_MS, opts.ttlMs),
    maxStaleMs: opts.maxStaleMs,
    maxEntries: opts.maxTenants,
    maxBytes: opts.maxBytes,
    sizeOf: jsonBytes,
    onRefreshFailed: (tenantId) => opts.logger.warn('snapshot reload failed; serving the cached one', { tenantId }),
    now: opts.now,
  });
  return {
    get: (tenantId) => cache.get(tenantId),
    holds: (tenantId) => cache.holds(tenantId),
    onTenantUpdated: (update) => cache.invalidate(update.tenantId),
    onResubscribed: () => cache.clear(),
  };
}
