import type { Router } from 'express';
import { GdprEraseRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { requireRole } from '../access/require-role';
import { eraseSubject } from './erase-subject';
import { eraseTenant } from './erase-tenant';
import { streamTenantExport } from './export-tenant-data';

export function registerGdprRoutes(router: Router, deps: Deps): void {
  const auth = [authenticate(deps), requireRole('owner', 'admin')];
  router.post('/api/v1/gdpr/export', ...auth, async (_req, res) => {
    await streamTenantExport(deps, getAuth(res), res);
  });
  router.post('/api/v1/gdpr/erase', ...auth, async (req, res) => {
    const input = parseInput(GdprEraseRequest, req.body);
    const deleted = input.scope === 'tenant'
      ? await eraseTenant(deps, getAuth(res), input.confirm)
      : await eraseSubject(deps, getAuth(res), input, input.confirm);
    res.json({ scope: input.scope, deleted });
  });
}
