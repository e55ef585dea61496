import { QUOTA_WARNING_RATIO } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { domainEventId, recordDomainEvent } from '../conversations/domain-events';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { billingPeriod } from '../usage/billing-period';
import { quotaState, type MonthlyQuota } from '../usage/monthly-quotas';
import { periodUsage } from '../usage/period-usage';
import { ownerAddresses } from '../access/owner-addresses';
import { mailLanguage } from '../mail/mail-language';
import { quotaNoticeMail } from '../mail/owner-mails';

/**
 * After usage is counted: at 80 % and at 100 % of a monthly quota (conversations, voice or phone minutes),
 * once per period each (a unique QuotaNotice row), a `usage.threshold_reached` domain event, an audit
 * entry and a mail to the owners in the tenant's default language; at 100 % of a hard stop, `tenant-updated`
 * so the services refuse at once.
 */
export async function checkMonthlyQuota(deps: Deps, tenantId: string, quota: MonthlyQuota, requestId: string): Promise<void> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true, defaultLanguage: true, plan: true, subscription: true } });
  if (!tenant) return;
  const now = deps.clock();
  const period = billingPeriod(now, tenant.subscription);
  const { applies, used, limit, hardStop } = quotaState(tenant.plan, quota, await periodUsage(deps.prisma, tenantId, period));
  if (!applies || limit === 0) return;
  const language = mailLanguage(undefined, tenant.defaultLanguage);
  const levels = [
    { level: 'warning' as const, at: Math.ceil(limit * QUOTA_WARNING_RATIO) },
    { level: 'reached' as const, at: limit },
  ].filter((l) => used >= l.at);
  for (const { level } of levels) {
    const eventId = domainEventId('usage.threshold_reached', tenantId, quota, level, period.start.toISOString());
    const data = { quota, level, used, limit, ratio: Math.round((used / limit) * 100) / 100, hardStop, periodStart: period.start.toISOString(), periodEnd: period.end.toISOString() };
    const first = await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.quotaNotice.createMany({ data: [{ tenantId, quota, level, periodStart: period.start, used }], skipDuplicates: true });
      return count ? { deliveries: await recordDomainEvent(tx, tenantId, { id: eventId, type: 'usage.threshold_reached', data }, now) } : null;
    });
    if (!first) continue;
    await deps.webhookDeliveries.enqueue(first.deliveries, requestId);
    await recordAudit(deps, { tenantId, actor: 'system:billing', action: 'billing.quota_notice', target: `tenant:${tenantId}`, meta: { quota, level, used, limit } });
    for (const to of await ownerAddresses(deps, tenantId)) deps.mailer.sendLater(quotaNoticeMail(to, language, { tenantName: tenant.name, quota, level, used, limit, hardStop }), 'quota notice');
    if (level === 'reached' && hardStop) await publishTenantUpdated(deps, tenantId, 'billing');
  }
}
