import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import { isOriginAllowed } from '@vocalia/widget-auth';
import type { SessionTokens, WidgetSession } from '@vocalia/widget-auth';

/**
 * /respond always needs the widget session token. With an Origin header (a browser) the token must
 * have been issued to that origin; without one (not a browser) the token's own origin must still be
 * allowed, so removing an origin in the dashboard stops its tokens at once.
 */
export function authorizeWidget(tokens: SessionTokens, authorization: string | undefined, snapshot: TenantSnapshot, origin: string | null): WidgetSession {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new AppError(
      'UNAUTHENTICATED',
      `POST /respond needs the widget session token: send Authorization: Bearer <session.token from GET /config?tenantId=${snapshot.tenant.id}>.`,
      { headers: { 'WWW-Authenticate': 'Bearer' } },
    );
  }
  const session = tokens.verify(match[1]);
  if (session.tenantId !== snapshot.tenant.id) {
    throw new AppError('FORBIDDEN', `This session token belongs to another tenant; get one from GET /config?tenantId=${snapshot.tenant.id}.`);
  }
  if (origin !== null && session.origin !== origin) {
    throw new AppError('FORBIDDEN', `This session token was issued to ${session.origin}, not to ${origin}; get one from GET /config on this page.`);
  }
  if (origin === null && !isOriginAllowed(snapshot, session.origin)) {
    throw new AppError('ORIGIN_NOT_ALLOWED', `The origin ${session.origin} this token was issued to is no longer allowed for tenant ${snapshot.tenant.id}.`);
  }
  return session;
}
