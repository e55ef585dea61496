import type { WidgetPreviewResponse } from '@vocalia/contracts';
import { createPreviewGrants, normaliseOrigin } from '@vocalia/widget-auth';
import type { Deps } from '../deps';

/** A grant for the dashboard's origin (that of PUBLIC_BASE_URL) and this tenant only; voice-api checks both. */
export function issuePreviewGrant(deps: Deps, tenantId: string): WidgetPreviewResponse {
  const origin = normaliseOrigin(deps.env.PUBLIC_BASE_URL) as string;
  const { token, expiresAt } = createPreviewGrants({ internalToken: deps.env.INTERNAL_API_TOKEN, now: () => deps.clock().getTime() }).issue({ tenantId, origin });
  const pageUrl = `${deps.env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/widget/preview?tenantId=${encodeURIComponent(tenantId)}`;
  return { grant: token, origin, pageUrl, expiresAt };
}
