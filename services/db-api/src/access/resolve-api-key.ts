import type { Deps } from '../deps';
import type { AuthContext } from './auth-context';
import { hashApiKey } from '../credentials/api-key-format';

const TOUCH_INTERVAL_MS = 60_000;

/** An API key acts for its tenant with the admin role; revoked keys and keys past their grace period are refused. */
export async function resolveApiKey(deps: Deps, key: string): Promise<AuthContext | undefined> {
  const now = deps.clock();
  const row = await deps.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests write at most once a minute.
    await deps.prisma.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tenantId: row.tenantId, apiKeyId: row.id, role: 'admin', via: 'api_key' };
}
