import { TenantSettings, UpdateTenantRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Tenant';

export const tenantRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/tenant', tag, summary: "The caller's tenant settings", status: 200, response: TenantSettings },
  { method: 'patch', path: '/api/v1/tenant', tag, roles: ['owner', 'admin'], summary: 'Change tenant settings (name, sector, languages, currency, time zone, lead threshold, call settings)', body: UpdateTenantRequest, status: 200, response: TenantSettings },
];
