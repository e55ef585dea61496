import type { Router } from 'express';
import { AuditQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { authenticate } from '../access/authenticate';
import { requireRole } from '../access/require-role';
import { listAuditEntries } from './list-audit-entries';
import { verifyAuditChain } from './verify-audit-chain';

export function registerAuditRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  const readers = requireRole('owner', 'admin');
  router.get('/api/v1/audit', auth, readers, async (req, res) => {
    res.json(await listAuditEntries(deps, getAuth(res).tenantId, parseInput(AuditQuery, req.query, 'query')));
  });
  router.get('/api/v1/audit/verify', auth, readers, async (_req, res) => {
    res.json(await verifyAuditChain(deps, getAuth(res).tenantId));
  });
}
