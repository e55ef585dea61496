import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { lockTenantWrites } from '../usage/tenant-write-lock';

/** Deletes an agent; when it was the default, the oldest remaining agent becomes the default. */
export async function deleteAgent(deps: Deps, auth: AuthContext, id: string): Promise<void> {
  const { tenantId } = auth;
  await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'agents');
    const current = await tx.agent.findFirst({ where: { id, tenantId }, select: { id: true, isDefault: true } });
    if (!current) throw notFound('Agent');
    await tx.agent.delete({ where: { id: current.id } });
    if (!current.isDefault) return;
    const next = await tx.agent.findFirst({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
    if (next) await tx.agent.update({ where: { id: next.id }, data: { isDefault: true } });
  });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'agent.deleted', target: `agent:${id}` });
  await publishTenantUpdated(deps, tenantId, 'agents');
}
