import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import { isOriginAllowed } from '@vocalia/widget-auth';
import { normaliseOrigin } from '@vocalia/widget-auth';

/**
 * A browser request (it has an `Origin`) must come from one of the tenant's allowed origins.
 * Returns the normalised origin, or null when there is no Origin header (not a browser).
 * `previewOrigin` is the dashboard's origin when this request carries a valid preview grant or token.
 */
export function checkOrigin(snapshot: TenantSnapshot, rawOrigin: string | undefined, previewOrigin?: string): string | null {
  if (rawOrigin === undefined) return null;
  const origin = normaliseOrigin(rawOrigin);
  if (!origin) {
    throw new AppError(
      'ORIGIN_NOT_ALLOWED',
      `The page origin ${JSON.stringify(rawOrigin.slice(0, 200))} is not an http(s) origin. Embed the widget on a page served over https (or http://localhost while developing).`,
    );
  }
  if (origin !== previewOrigin && !isOriginAllowed(snapshot, origin)) {
    throw new AppError(
      'ORIGIN_NOT_ALLOWED',
      `The origin ${origin} is not allowed for tenant ${snapshot.tenant.id}. Add ${origin} in Dashboard > Settings > Allowed origins, or POST /api/v1/origins.`,
    );
  }
  return origin;
}
