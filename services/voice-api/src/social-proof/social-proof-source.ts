import type { SocialProofResponse } from '@vocalia/contracts';
import type { Logger } from '@vocalia/service-kit';
import type { DbApiClient } from '../snapshots/db-api-client';
import { createSingleFlightCache } from '../single-flight-cache';

export interface SocialProofSource {
  /** Recent real, anonymised activity; an empty list when there is none or db-api cannot say. */
  recent(tenantId: string): Promise<SocialProofResponse>;
  invalidate(tenantId: string): void;
}

export interface SocialProofOptions {
  ttlMs: number;
  limit?: number;
  logger: Logger;
}

const EMPTY: SocialProofResponse = { items: [] };

export function createSocialProofSource(db: DbApiClient, opts: SocialProofOptions): SocialProofSource {
  const cache = createSingleFlightCache<SocialProofResponse>({
    load: (tenantId) => db.fetchActivity(tenantId, opts.limit ?? 10),
    ttlMs: opts.ttlMs,
    negativeTtlMs: opts.ttlMs,
    maxEntries: 5000,
  });
  return {
    async recent(tenantId) {
      try {
        return (await cache.get(tenantId)) ?? EMPTY;
      } catch (err) {
        // Social proof decorates the widget: no activity shown is honest, an error page is not useful.
        opts.logger.warn('social proof unavailable', { error: err instanceof Error ? err.message : String(err) });
        return EMPTY;
      }
    },
    invalidate: (tenantId) => cache.invalidate(tenantId),
  };
}
