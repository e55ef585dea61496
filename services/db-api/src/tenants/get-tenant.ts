import type { Tenant } from '@vocalia/db';
import type { TenantSettings } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { tenantPhoneNumbers } from './tenant-phone-numbers';
import { toTenantSettings } from './tenant-settings';

export async function findTenant(deps: Deps, tenantId: string): Promise<Tenant> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

export async function getTenant(deps: Deps, tenantId: string): Promise<TenantSettings> {
  return toTenantSettings(await findTenant(deps, tenantId), await tenantPhoneNumbers(deps, tenantId));
}
