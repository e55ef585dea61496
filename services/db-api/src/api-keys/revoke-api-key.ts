import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findUsableApiKey } from './find-usable-api-key';

/** Stops a key at once. */
export async function revokeApiKey(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const key = await findUsableApiKey(deps, auth.tenantId, id);
  await deps.prisma.apiKey.updateMany({ where: { id: key.id, tenantId: auth.tenantId }, data: { revokedAt: deps.clock() } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'api_key.revoked', target: `api_key:${key.id}`, meta: { prefix: key.prefix } });
}
