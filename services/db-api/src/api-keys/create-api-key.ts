import type { CreateApiKeyRequest, CreatedApiKey } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { newApiKey } from '../credentials/api-key-format';
import { recordAudit } from '../audit/record-audit';

/** A new `vk_` key for the caller's tenant; the full key is in this response only (stored as sha256). */
export async function createApiKey(deps: Deps, auth: AuthContext, input: CreateApiKeyRequest): Promise<CreatedApiKey> {
  const fresh = newApiKey();
  const row = await deps.prisma.apiKey.create({
    data: { tenantId: auth.tenantId, name: input.name, prefix: fresh.prefix, keyHash: fresh.hash, createdById: auth.userId ?? null },
  });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'api_key.created', target: `api_key:${row.id}`, meta: { name: row.name, prefix: row.prefix } });
  return { id: row.id, name: row.name, prefix: row.prefix, key: fresh.key, createdAt: row.createdAt.toISOString() };
}
