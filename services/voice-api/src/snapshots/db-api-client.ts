import type { z } from 'zod';
import { INTERNAL_TOKEN_HEADER, SocialProofResponse, TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

export interface DbApiClientOptions {
  baseUrl: string;
  internalToken: string;
  timeoutMs: number;
}

/** The two synchronous reads voice-api makes from db-api, both under /internal/ (never routed by the edge). */
export interface DbApiClient {
  /** null when db-api does not know the tenant. */
  fetchSnapshot(tenantId: string): Promise<TenantSnapshot | null>;
  fetchActivity(tenantId: string, limit: number): Promise<SocialProofResponse>;
}

async function getJson(opts: DbApiClientOptions, path: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(path, opts.baseUrl), {
      headers: { [INTERNAL_TOKEN_HEADER]: opts.internalToken, accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    throw new AppError('UNAVAILABLE', `db-api did not answer ${path.split('?')[0]}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AppError('UPSTREAM_FAILED', `db-api answered ${res.status} to ${path.split('?')[0]}`);
  }
  return res.json();
}

function validated<S extends z.ZodType>(what: string, schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 5).map((i) => i.path.map(String).join('.')).join(', ');
  throw new AppError('UPSTREAM_FAILED', `db-api sent a ${what} that breaks the contract (${fields})`);
}

export function createDbApiClient(opts: DbApiClientOptions): DbApiClient {
  const tenantPath = (tenantId: string) => `/internal/v1/tenants/${encodeURIComponent(tenantId)}`;
  return {
    async fetchSnapshot(tenantId) {
      const body = await getJson(opts, `${tenantPath(tenantId)}/snapshot`);
      return body === null ? null : validated('tenant snapshot', TenantSnapshot, body);
    },
    async fetchActivity(tenantId, limit) {
      const body = await getJson(opts, `${tenantPath(tenantId)}/activity?limit=${limit}`);
      return body === null ? { items: [] } : validated('activity list', SocialProofResponse, body);
    },
  };
}
