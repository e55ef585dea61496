import type { Deps } from '../deps';
import { ownerAddresses } from '../access/owner-addresses';
import { recordAudit } from '../audit/record-audit';
import { mailLanguage } from '../mail/mail-language';
import { endpointDisabledMail } from '../mail/owner-mails';

const BATCH = 100;

/**
 * One pass: endpoints webhook-router disabled (410, or 5 days failing) whose owners were not told yet; the mail is in the tenant's default language.
 * Each is claimed by setting `disabledNotifiedAt` while still null, so concurrent replicas mail once.
 */
export async function notifyDisabledEndpoints(deps: Deps): Promise<number> {
  const due = await deps.prisma.webhookEndpoint.findMany({
    where: { enabled: false, disabledReason: { not: null }, disabledNotifiedAt: null },
    select: { id: true, tenantId: true, url: true, disabledReason: true, tenant: { select: { name: true, defaultLanguage: true } } },
    orderBy: { disabledAt: 'asc' },
    take: BATCH,
  });
  let notified = 0;
  for (const endpoint of due) {
    const reason = endpoint.disabledReason;
    if (!reason) continue;
    const claimed = await deps.prisma.webhookEndpoint.updateMany({
      where: { id: endpoint.id, tenantId: endpoint.tenantId, enabled: false, disabledNotifiedAt: null },
      data: { disabledNotifiedAt: deps.clock() },
    });
    if (!claimed.count) continue;
    notified += 1;
    await recordAudit(deps, { tenantId: endpoint.tenantId, actor: 'system:webhooks', action: 'webhook_endpoint.disabled', target: `webhook_endpoint:${endpoint.id}`, meta: { reason } });
    for (const to of await ownerAddresses(deps, endpoint.tenantId)) {
      deps.mailer.sendLater(endpointDisabledMail(to, mailLanguage(undefined, endpoint.tenant.defaultLanguage), { tenantName: endpoint.tenant.name, url: endpoint.url, reason }), 'webhook endpoint disabled');
    }
  }
  return notified;
}
