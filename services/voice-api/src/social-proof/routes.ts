import type { Router } from 'express';
import { z } from 'zod';
import { Language } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { PreviewGrants } from '@vocalia/widget-auth';
import { checkOrigin } from '../cors/check-origin';
import { pageOrigin } from '../cors/page-origin';
import { preflight } from '../cors/preflight';
import { previewGrantOrigin } from '../cors/preview-origin';
import { requireFeature } from '../plan-gate';
import { ipRateLimit } from '../rate-limit/ip-rate-limit';
import type { RateLimits } from '../rate-limit/rate-limits';
import { resolveTenant } from '../snapshots/resolve-tenant';
import type { SnapshotStore } from '@vocalia/conversation';
import type { SocialProofSource } from './social-proof-source';

export interface SocialProofRouteDeps {
  snapshots: SnapshotStore;
  rateLimits: RateLimits;
  socialProof: SocialProofSource;
  socialProofMaxAgeSec: number;
  previewGrants: PreviewGrants;
  publicOrigin: string;
}

/** `?language=` picks the language of db-api's sentences (default: the tenant's). */
const SocialProofQuery = z.object({ language: Language.optional() });

/** Public, anonymised activity: browsers (same-origin pages included) must be on an allowed origin or hold the dashboard preview's grant; not a browser is fine. */
export function socialProofRoutes(router: Router, deps: SocialProofRouteDeps): void {
  const ipLimit = ipRateLimit(deps.rateLimits);
  router.options('/social-proof', ipLimit, preflight(deps.snapshots, 'GET, OPTIONS'));
  router.get('/social-proof', ipLimit, async (req, res) => {
    const snapshot = await resolveTenant(deps.snapshots, req.query.tenantId, 'query');
    const grant = req.headers['x-vocalia-preview'];
    const preview = typeof grant === 'string' ? previewGrantOrigin(deps.previewGrants, grant, snapshot, deps.publicOrigin) : undefined;
    checkOrigin(snapshot, pageOrigin(req, deps.publicOrigin), preview);
    requireFeature(snapshot, 'social_proof', 'Social proof');
    const { language } = parseInput(SocialProofQuery, req.query, 'query');
    const body = await deps.socialProof.recent(snapshot.tenant.id, language);
    res.setHeader('Cache-Control', `public, max-age=${deps.socialProofMaxAgeSec}`);
    res.json(body);
  });
}
