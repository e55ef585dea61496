import { LANGUAGES, SocialProofResponse, type Language } from '@vocalia/contracts';
import { createSingleFlightCache, type DbApiClient } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';

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
      const path = `/internal/v1/tenants/${encodeURIComponent(tenantId)}/activity?limit=${opts.limit ?? 10}${language ? `&language=${language}` : ''}`;
      return db.read(path, 'activity list', SocialProofResponse).then((activity) => activity ?? EMPTY);
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
