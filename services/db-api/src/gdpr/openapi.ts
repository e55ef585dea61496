import { GdprEraseRequest, GdprEraseResponse, GdprExportResponse } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'GDPR';

export const gdprRouteDocs: RouteDoc[] = [
  { method: 'post', path: '/api/v1/gdpr/export', tag, roles: ['owner', 'admin'], summary: "All the tenant's data as one JSON document (no secrets)", status: 200, response: GdprExportResponse },
  {
    method: 'post', path: '/api/v1/gdpr/erase', tag, roles: ['owner', 'admin'], body: GdprEraseRequest, status: 200, response: GdprEraseResponse,
    summary: 'Erase the whole tenant (owner; confirm = slug or exact name) or one end user (sessionId, email or phone; confirm = true)',
  },
];
