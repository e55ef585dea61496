import { planHasFeature, type TenantSettings, type UpdateTenantRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { planRequired } from '../access/plan-required';
import { recordAudit } from '../audit/record-audit';
import { checkLocaleSettings } from './check-locale-settings';
import { findTenant } from './get-tenant';
import { publishTenantUpdated } from './publish-tenant-updated';
import { tenantPhoneNumbers } from './tenant-phone-numbers';
import { toTenantSettings } from './tenant-settings';

export async function updateTenant(deps: Deps, auth: AuthContext, input: UpdateTenantRequest): Promise<TenantSettings> {
  const current = await findTenant(deps, auth.tenantId);
  checkLocaleSettings(input, current);
  const { callSettings, ...settings } = input;
  if (callSettings?.recordCalls && !planHasFeature(current.plan, 'call_recording')) throw planRequired('call_recording');
  const languages = input.languages ? [...new Set(input.languages)] : undefined;
  const updated = await deps.prisma.tenant.update({ where: { id: auth.tenantId }, data: { ...settings, ...callSettings, languages } });
  const fields = [...Object.keys(settings), ...Object.keys(callSettings ?? {}).map((k) => `callSettings.${k}`)];
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'tenant.updated', target: `tenant:${auth.tenantId}`, meta: { fields } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
  return toTenantSettings(updated, await tenantPhoneNumbers(deps, auth.tenantId));
}
