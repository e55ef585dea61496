import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { PreviewGrants, SessionTokens } from '@vocalia/widget-auth';

/**
 * The dashboard's live preview runs on the platform's own origin, which a tenant does not list.
 * GET /config accepts it for one tenant when db-api's grant (`X-Vocalia-Preview`) names that tenant
 * and that origin; the origin is returned so checkOrigin lets it through. Anything else is refused.
 */
export function previewGrantOrigin(grants: PreviewGrants, grant: string, snapshot: TenantSnapshot, publicOrigin: string): string {
  const granted = grants.verify(grant);
  if (granted.tenantId !== snapshot.tenant.id) throw new AppError('FORBIDDEN', `This preview grant belongs to another tenant than ${snapshot.tenant.id}.`);
  if (granted.origin !== publicOrigin) throw new AppError('ORIGIN_NOT_ALLOWED', `A preview grant only works on ${publicOrigin}, the dashboard's own origin.`);
  return granted.origin;
}

/** The origin a preview session token (from /config above) was issued to, when it is one and valid; undefined otherwise. */
export function previewSessionOrigin(tokens: SessionTokens, authorization: string | undefined, publicOrigin: string): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const session = tokens.verify(token);
    return session.preview && session.origin === publicOrigin ? session.origin : undefined;
  } catch {
    // Not a valid token: authorizeWidget refuses it with the reason.
    return undefined;
  }
}
