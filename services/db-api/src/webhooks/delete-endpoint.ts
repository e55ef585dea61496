import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findEndpoint } from './find-endpoint';

/** Removes the endpoint with its deliveries (pending ones are never sent). */
export async function deleteEndpoint(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const row = await findEndpoint(deps, auth.tenantId, id);
  await deps.prisma.webhookEndpoint.deleteMany({ where: { id: row.id, tenantId: auth.tenantId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_endpoint.deleted', target: `webhook_endpoint:${row.id}`, meta: { url: row.url } });
}
