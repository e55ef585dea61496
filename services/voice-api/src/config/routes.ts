import type { Router } from 'express';
import { WidgetConfigQuery } from '@vocalia/contracts';
import { AppError, parseInput } from '@vocalia/service-kit';
import { checkOrigin } from '../cors/check-origin';
import { pageOrigin } from '../cors/page-origin';
import { preflight } from '../cors/preflight';
import { requireFeature } from '../plan-gate';
import { offersStreamingVoice } from '../quota-gate';
import { ipRateLimit } from '../rate-limit/ip-rate-limit';
import type { RateLimits } from '../rate-limit/rate-limits';
import { resolveTenant } from '../snapshots/resolve-tenant';
import type { SnapshotStore } from '@vocalia/conversation';
import type { PreviewGrants, SessionTokens } from '@vocalia/widget-auth';
import { previewGrantOrigin } from '../cors/preview-origin';
import { getWidgetConfig } from './get-widget-config';
import type { RealtimeAvailability } from './realtime-availability';

export interface ConfigRouteDeps {
  sessionTokens: SessionTokens;
  previewGrants: PreviewGrants;
  realtime: RealtimeAvailability;
  snapshots: SnapshotStore;
  rateLimits: RateLimits;
  publicOrigin: string;
}

export function configRoutes(router: Router, deps: ConfigRouteDeps): void {
  const ipLimit = ipRateLimit(deps.rateLimits);
  router.options('/config', ipLimit, preflight(deps.snapshots, 'GET, OPTIONS'));
  router.get('/config', ipLimit, async (req, res) => {
    const { agentId } = parseInput(WidgetConfigQuery, req.query, 'query');
    const snapshot = await resolveTenant(deps.snapshots, req.query.tenantId, 'query');
    const grant = req.headers['x-vocalia-preview'];
    const preview = typeof grant === 'string' ? previewGrantOrigin(deps.previewGrants, grant, snapshot, deps.publicOrigin) : undefined;
    const origin = checkOrigin(snapshot, pageOrigin(req, deps.publicOrigin), preview);
    if (origin === null) {
      throw new AppError(
        'ORIGIN_NOT_ALLOWED',
        "GET /config is for the widget on a web page: send the page's Origin header, or Sec-Fetch-Site: same-origin from a page on this origin (the session token it returns is bound to that origin, which must be one of the tenant's allowed origins).",
      );
    }
    requireFeature(snapshot, 'widget_text', 'The chat widget');
    res.setHeader('Cache-Control', 'no-store');
    const realtimeReady = offersStreamingVoice(snapshot) && (await deps.realtime.ready());
    res.json(getWidgetConfig({ sessionTokens: deps.sessionTokens, realtimeReady }, snapshot, { origin, preview: preview !== undefined }, agentId));
  });
}
