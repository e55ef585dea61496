import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { releaseTenantNumbers } from '../phone-numbers/release-tenant-numbers';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';

/**
 * Releases the tenant's phone numbers on Twilio, then deletes the tenant and, by cascade, every row it
 * owns (shop orders, abandoned checkouts, integration connections and their secrets, inbound provider
 * events included); users left with no tenant are deleted too.
 * Needs the owner and the tenant's slug or exact name as confirmation. The audit entry is platform-level
 * (the tenant's own log goes with it).
 */
export async function eraseTenant(deps: Deps, auth: AuthContext, confirm: string | undefined): Promise<Record<string, number>> {
  if (auth.role !== 'owner') throw new AppError('FORBIDDEN', 'Only the owner can erase the tenant');
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: auth.tenantId }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw notFound('Tenant');
  if (confirm !== tenant.slug && confirm !== tenant.name) {
    const hint = `To erase all data of this tenant, irreversibly, send {"scope":"tenant","confirm":"${tenant.slug}"} (its slug, or its exact name)`;
    throw new AppError('VALIDATION_FAILED', hint, { errors: [{ path: 'body.confirm', message: `must be "${tenant.slug}" or the tenant's exact name`, rule: 'confirmation_required' }] });
  }
  await releaseTenantNumbers(deps, tenant.id);
  const deleted = await deps.prisma.$transaction(async (tx) => {
    const members = await tx.membership.findMany({ where: { tenantId: tenant.id }, select: { userId: true } });
    const where = { where: { tenantId: tenant.id } };
    const [conversations, calls, phoneNumbers, shopOrders, abandonedCheckouts, integrations, inboundEvents] = await Promise.all([
      tx.conversation.count(where), tx.call.count(where), tx.phoneNumber.count(where), tx.shopOrder.count(where), tx.abandonedCheckout.count(where), tx.integrationConnection.count(where), tx.inboundEvent.count(where),
    ]);
    await tx.tenant.delete({ where: { id: tenant.id } });
    const users = await tx.user.deleteMany({ where: { id: { in: members.map((m) => m.userId) }, memberships: { none: {} } } });
    return { tenants: 1, users: users.count, conversations, calls, phoneNumbers, shopOrders, abandonedCheckouts, integrations, inboundEvents };
  });
  await recordAudit(deps, { tenantId: null, actor: actorOf(auth), action: 'gdpr.tenant_erased', target: `tenant:${tenant.id}`, meta: deleted });
  await publishTenantUpdated(deps, tenant.id, 'deleted');
  return deleted;
}
