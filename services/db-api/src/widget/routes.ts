import type { Router } from 'express';
import { UpdateWidgetRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { requireRole } from '../access/require-role';
import { buildSnippets } from './build-snippets';
import { updateWidget } from './update-widget';
import { getWidget } from './get-widget';
import { issuePreviewGrant } from './issue-preview-grant';

export function registerWidgetRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/widget', auth, async (_req, res) => {
    res.json(await getWidget(deps, getAuth(res).tenantId));
  });
  router.put('/api/v1/widget', auth, requireRole('owner', 'admin'), async (req, res) => {
    res.json(await updateWidget(deps, getAuth(res), parseInput(UpdateWidgetRequest, req.body)));
  });
  router.post('/api/v1/widget/preview', auth, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(issuePreviewGrant(deps, getAuth(res).tenantId));
  });
  router.get('/api/v1/widget/snippet', auth, (_req, res) => {
    res.json(buildSnippets(deps.env.PUBLIC_BASE_URL, getAuth(res).tenantId));
  });
}
