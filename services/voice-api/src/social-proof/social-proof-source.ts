import { LANGUAGES, type Language, type SocialProofResponse } from '@vocalia/contracts';
import type { Logger } from '@vocalia/service-kit';
import type { DbApiClient } from '../snapshots/db-api-client';
import { createSingleFlightCache } from '../single-flight-cache';

export interface SocialProofSource {
  /** Recent real, anonymised activity (sentences in `language`, else the tenant's default); empty when there is none or db-api cannot say. */
  recent(tenantId: string, language?: Language): Promise<SocialProofResponse>;
  invalidate(tenantId: string): void;
}

export interface SocialProofOptions {
  ttlMs: number;
  limit?: number;
  logger: Logger;
}

const EMPTY: SocialProofResponse = { items: [] };
const SOCIAL_PROOF_MAX_STALE_MS = 5 * 60_000;

export function createSocialProofSource(db: DbApiClient, opts: SocialProofOptions): SocialProofSource {
  const cache = createSingleFlightCache<SocialProofResponse>({
    load: (key) => {
      const [tenantId = '', language] = key.split(' ') as [string, Language | undefined];
      return db.fetchActivity(tenantId, opts.limit ?? 10, language);
    },
    ttlMs: opts.ttlMs,
    negativeTtlMs: opts.ttlMs,
    // Activity is decoration: a few minutes old is fine while db-api is slow.
    maxStaleMs: SOCIAL_PROOF_MAX_STALE_MS,
    maxEntries: 5000,
  });
  return {
    async recent(tenantId, language) {
      try {
        return (await cache.get(language ? `${tenantId} ${language}` : tenantId)) ?? EMPTY;
      } catch (err) {
        // Social proof decorates the widget: no activity shown is honest, an error page is not useful.
        opts.logger.warn('social proof unavailable', { error: err instanceof Error ? err.message : String(err) });
        return EMPTY;
      }
    },
    invalidate(tenantId) {
      cache.invalidate(tenantId);
      for (const language of LANGUAGES) cache.invalidate(`${tenantId} ${language}`);
    },
  };
}
