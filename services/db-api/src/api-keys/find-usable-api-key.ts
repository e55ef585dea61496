import type { ApiKey } from '@vocalia/db';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';

/** A key of this tenant that still works; another tenant's key, a revoked or an expired one is "not found". */
export async function findUsableApiKey(deps: Deps, tenantId: string, id: string): Promise<ApiKey> {
  const key = await deps.prisma.apiKey.findFirst({
    where: { id, tenantId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: deps.clock() } }] },
  });
  if (!key) throw notFound('API key');
  return key;
}
