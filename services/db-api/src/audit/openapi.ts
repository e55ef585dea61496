import { AuditPage, AuditQuery, AuditVerification } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Audit';

export const auditRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/audit', tag, roles: ['owner', 'admin'], query: AuditQuery, summary: 'The tenant audit log, newest first (cursor pagination)', status: 200, response: AuditPage },
  { method: 'get', path: '/api/v1/audit/verify', tag, roles: ['owner', 'admin'], summary: "Verify the tenant's audit hash chain", status: 200, response: AuditVerification },
];
