import type { TenantSettings, UpdateTenantRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { checkLocaleSettings } from './check-locale-settings';
import { findTenant } from './get-tenant';
import { publishTenantUpdated } from './publish-tenant-updated';
import { toTenantSettings } from './tenant-settings';

export async function updateTenant(deps: Deps, auth: AuthContext, input: UpdateTenantRequest): Promise<TenantSettings> {
  const current = await findTenant(deps, auth.tenantId);
  checkLocaleSettings(input, current);
  const languages = input.languages ? [...new Set(input.languages)] : undefined;
  const phoneNumbers = input.phoneNumbers ? [...new Set(input.phoneNumbers)] : undefined;
  const updated = await deps.prisma.tenant.update({ where: { id: auth.tenantId }, data: { ...input, languages, phoneNumbers } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'tenant.updated', target: `tenant:${auth.tenantId}`, meta: { fields: Object.keys(input) } });
  await publishTenantUpdated(deps, auth.tenantId, 'settings');
  return toTenantSettings(updated);
}
