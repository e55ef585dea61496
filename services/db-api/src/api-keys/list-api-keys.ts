import type { ApiKeyList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { toApiKeySummary } from './api-key-summary';

/** The tenant's usable keys (not revoked, not past their grace period), newest first; never the keys themselves. */
export async function listApiKeys(deps: Deps, auth: AuthContext): Promise<ApiKeyList> {
  const rows = await deps.prisma.apiKey.findMany({
    where: { tenantId: auth.tenantId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: deps.clock() } }] },
    orderBy: { createdAt: 'desc' },
  });
  return { items: rows.map(toApiKeySummary) };
}
