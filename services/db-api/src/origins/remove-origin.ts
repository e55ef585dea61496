import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';

export async function removeOrigin(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const row = await deps.prisma.allowedOrigin.findFirst({ where: { id, tenantId: auth.tenantId } });
  if (!row) throw notFound('Allowed origin');
  const eventId = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.allowedOrigin.deleteMany({ where: { id: row.id, tenantId: auth.tenantId } });
    return count ? recordTenantUpdated(tx, auth.tenantId, { what: 'origins', fields: ['allowedOrigins'] }, deps.clock()) : undefined;
  });
  if (eventId) await enqueueTenantUpdated(deps, auth.tenantId, eventId);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'origin.removed', target: `origin:${row.id}`, meta: { origin: row.origin } });
  await publishTenantUpdated(deps, auth.tenantId, 'origins');
}
