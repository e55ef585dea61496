import type { BillingStatusReason } from '@vocalia/contracts';
import type { TenantStatus } from '@vocalia/db';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { enqueueTenantUpdated, recordTenantUpdated } from '../tenants/record-tenant-updated';
import { ownerAddresses } from '../access/owner-addresses';
import { mailLanguage } from '../mail/mail-language';
import { statusChangedMail } from '../mail/owner-mails';

export interface StatusMove {
  from: TenantStatus[];
  to: TenantStatus;
  /** `undefined` keeps the current reason (grace -> restricted). */
  reason?: BillingStatusReason | null;
  graceEndsAt?: Date | null;
  actor: string;
}

/**
 * Moves the tenant from one of `from` to `to`, conditionally (the row must still be in the status read),
 * so concurrent sweepers and webhooks apply a move once; the winner audits it, announces it on
 * `tenant-updated` and mails the owners in the tenant's default language. Returns whether this call moved it.
 */
export async function moveTenantStatus(deps: Deps, tenantId: string, move: StatusMove): Promise<boolean> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { status: true, name: true, defaultLanguage: true, statusReason: true, graceEndsAt: true } });
  if (!tenant || !move.from.includes(tenant.status) || tenant.status === move.to) return false;
  const reason = move.reason === undefined ? (tenant.statusReason as BillingStatusReason | null) : move.reason;
  const graceEndsAt = move.graceEndsAt === undefined ? tenant.graceEndsAt : move.graceEndsAt;
  const fields = ['status', ...(reason !== tenant.statusReason ? ['statusReason'] : []), ...(graceEndsAt?.getTime() !== tenant.graceEndsAt?.getTime() ? ['graceEndsAt'] : [])];
  const eventId = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.tenant.updateMany({ where: { id: tenantId, status: tenant.status }, data: { status: move.to, statusReason: reason, graceEndsAt } });
    return count ? recordTenantUpdated(tx, tenantId, { what: 'billing', fields }, deps.clock()) : undefined;
  });
  if (!eventId) return false;
  await enqueueTenantUpdated(deps, tenantId, eventId);
  await recordAudit(deps, { tenantId, actor: move.actor, action: 'billing.status_changed', target: `tenant:${tenantId}`, meta: { from: tenant.status, to: move.to, reason } });
  await publishTenantUpdated(deps, tenantId, 'billing');
  const language = mailLanguage(undefined, tenant.defaultLanguage);
  const mail = { tenantName: tenant.name, status: move.to, reason, graceEndsAt };
  for (const to of await ownerAddresses(deps, tenantId)) deps.mailer.sendLater(statusChangedMail(to, language, mail), 'billing status');
  deps.logger.info('tenant billing status changed', { tenantId, from: tenant.status, to: move.to, reason });
  return true;
}
