import type { z } from 'zod';
import { INTERNAL_TOKEN_HEADER, TenantSnapshot } from '@vocalia/contracts';
import { AppError, type Logger } from '@vocalia/service-kit';

export interface DbApiClientOptions {
  baseUrl: string;
  internalToken: string;
  timeoutMs: number;
}

/** The caller learns that the tenant directory failed; the log learns why (addresses and schemas stay private). */
function upstreamFailure(logger: Logger, code: 'UNAVAILABLE' | 'UPSTREAM_FAILED', why: string): AppError {
  logger.warn('db-api read failed', { why });
  const detail = code === 'UNAVAILABLE' ? 'The tenant directory is not answering; retry in a few seconds.' : 'The tenant directory gave an unusable answer; retry in a few seconds.';
  return new AppError(code, detail);
}

/** Synchronous reads from db-api, all under /internal/ (never routed by the edge). */
export interface DbApiClient {
  /** null when db-api does not know the tenant. */
  fetchSnapshot(tenantId: string): Promise<TenantSnapshot | null>;
  /** Any other internal read, checked against its contract: null on 404, AppError when db-api fails or breaks the contract. */
  read<S extends z.ZodType>(path: string, what: string, schema: S): Promise<z.infer<S> | null>;
}

async function getJson(opts: DbApiClientOptions, logger: Logger, path: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(path, opts.baseUrl), {
      headers: { [INTERNAL_TOKEN_HEADER]: opts.internalToken, accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    throw upstreamFailure(logger, 'UNAVAILABLE', `no answer to ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw upstreamFailure(logger, 'UPSTREAM_FAILED', `HTTP ${res.status} to ${path}`);
  }
  return res.json();
}

function validated<S extends z.ZodType>(logger: Logger, what: string, schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 5).map((i) => i.path.map(String).join('.')).join(', ');
  throw upstreamFailure(logger, 'UPSTREAM_FAILED', `${what} breaks the contract (${fields})`);
}

export function createDbApiClient(opts: DbApiClientOptions, logger: Logger): DbApiClient {
  const read = async <S extends z.ZodType>(path: string, what: string, schema: S): Promise<z.infer<S> | null> => {
    const body = await getJson(opts, logger, path);
    return body === null ? null : validated(logger, what, schema, body);
  };
  return {
    async fetchSnapshot(tenantId) {
      const snapshot = await read(`/internal/v1/tenants/${encodeURIComponent(tenantId)}/snapshot`, 'tenant snapshot', TenantSnapshot);
      if (snapshot === null) return null;
      // Serving tenant B's data under tenant A's id would be the worst bug we could have: refuse it here too.
      if (snapshot.tenant.id !== tenantId) throw upstreamFailure(logger, 'UPSTREAM_FAILED', `snapshot of tenant ${snapshot.tenant.id} answered for ${tenantId}`);
      return snapshot;
    },
    read,
  };
}
