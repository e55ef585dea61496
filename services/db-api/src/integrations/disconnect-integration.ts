import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';

/** Removes the connection and its sealed secret: the provider's next webhook is refused (no secret to check it with). */
export async function disconnectIntegration(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const row = await deps.prisma.integrationConnection.findFirst({ where: { id, tenantId: auth.tenantId } });
  if (!row) throw notFound('Integration');
  await deps.prisma.integrationConnection.deleteMany({ where: { id: row.id, tenantId: auth.tenantId } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'integration.disconnected', target: `integration:${row.id}`, meta: { provider: row.provider, accountId: row.accountId } });
}
