import { currentContext } from '@vocalia/service-kit';
import { planHasFeature, type TenantSettings, type UpdateTenantRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { planRequired } from '../access/plan-required';
import { recordAudit } from '../audit/record-audit';
import { domainEventId, enqueuePendingDeliveries, recordDomainEvent } from '../conversations/domain-events';
import { checkLocaleSettings } from './check-locale-settings';
import { findTenant } from './get-tenant';
import { publishTenantUpdated } from './publish-tenant-updated';
import { tenantPhoneNumbers } from './tenant-phone-numbers';
import { toTenantSettings } from './tenant-settings';

/** Saves the settings, then announces them: audit, `tenant.updated` to subscribed endpoints (when something was named), and `tenant-updated` for caches. */
export async function updateTenant(deps: Deps, auth: AuthContext, input: UpdateTenantRequest): Promise<TenantSettings> {
  const current = await findTenant(deps, auth.tenantId);
  checkLocaleSettings(input, current);
  const { callSettings, ...settings } = input;
  if (callSettings?.recordCalls && !planHasFeature(current.plan, 'call_recording')) throw planRequired('call_recording');
  const languages = input.languages ? [...new Set(input.languages)] : undefined;
  const fields = [...Object.keys(settings), ...Object.keys(callSettings ?? {}).map((k) => `callSettings.${k}`)];
  const requestId = currentContext()?.requestId ?? `tenant-update-${deps.clock().getTime()}`;
  const at = deps.clock();
  const eventId = domainEventId('tenant.updated', auth.tenantId, requestId);
  const updated = await deps.prisma.$transaction(async (tx) => {
    const row = await tx.tenant.update({ where: { id: auth.tenantId }, data: { ...settings, ...callSettings, languages } });
    if (fields.length) await recordDomainEvent(tx, auth.tenantId, { id: eventId, type: 'tenant.updated', data: { what: 'settings', fields, at: at.toISOString() } }, at);
    return row;
  });
  await enqueuePendingDeliveries(deps, auth.tenantId, [eventId], requestId);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'tenant.updated', target: `tenant:${auth.tenantId}`, meta: { fields } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
  return toTenantSettings(updated, await tenantPhoneNumbers(deps, auth.tenantId));
}
