import { INTERNAL_TOKEN_HEADER, IntegrationSecret, type IntegrationProvider } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** The connection (tenant and signing secret) a provider's webhook names, or null when no tenant connected that account. */
export interface IntegrationSecrets {
  find(provider: IntegrationProvider, accountId: string): Promise<IntegrationSecret | null>;
}

export interface IntegrationSecretsOptions {
  dbApiUrl: string;
  token: string;
  timeoutMs: number;
  /** Answers (found or not) are reused this long; 0 reads db-api every time. */
  ttlMs: number;
  clock: () => number;
}

/**
 * Reads secrets from db-api (`GET /internal/v1/integrations/:provider/:accountId/secret`), the only holder of the
 * encryption key, with a short cache. db-api unreachable -> 503, so the provider retries and nothing is stored.
 */
const MAX_CACHED = 10_000;

export function createIntegrationSecrets(opts: IntegrationSecretsOptions): IntegrationSecrets {
  const cache = new Map<string, { value: IntegrationSecret | null; until: number }>();
  const base = opts.dbApiUrl.replace(/\/+$/, '');
  async function load(provider: IntegrationProvider, accountId: string): Promise<IntegrationSecret | null> {
    let res: Response;
    try {
      res = await fetch(`${base}/internal/v1/integrations/${provider}/${encodeURIComponent(accountId)}/secret`, {
        headers: { [INTERNAL_TOKEN_HEADER]: opts.token },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch {
      throw new AppError('UNAVAILABLE', 'Provider secrets cannot be read right now; retry later');
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new AppError('UNAVAILABLE', `Provider secrets cannot be read right now (db-api answered ${res.status}); retry later`);
    return IntegrationSecret.parse(await res.json());
  }
  return {
    async find(provider, accountId) {
      const key = `${provider}\n${accountId}`;
      const hit = cache.get(key);
      if (hit && hit.until > opts.clock()) return hit.value;
      const value = await load(provider, accountId);
      // Unknown accounts are cached too: bounded, so a flood of made-up ones cannot grow it without end.
      if (cache.size >= MAX_CACHED) cache.clear();
      if (opts.ttlMs > 0) cache.set(key, { value, until: opts.clock() + opts.ttlMs });
      return value;
    },
  };
}
