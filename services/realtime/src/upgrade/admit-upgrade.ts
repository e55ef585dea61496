import type { IncomingMessage } from 'node:http';
import type { TenantSnapshot } from '@vocalia/contracts';
import type { SnapshotStore } from '@vocalia/conversation';
import { AppError } from '@vocalia/service-kit';
import { isOriginAllowed, normaliseOrigin, type SessionTokens, type WidgetSession } from '@vocalia/widget-auth';
import { requireVoiceMinutes } from './voice-minutes';

export interface Admitted {
  snapshot: TenantSnapshot;
  session: WidgetSession;
}

export interface AdmitDeps {
  tokens: SessionTokens;
  snapshots: SnapshotStore;
}

/**
 * Who may open `/realtime?token=`: a valid widget token (401), from the page origin it was issued to
 * and that the tenant still allows (403), for an active tenant whose plan has `cloud_voice` (403) and
 * whose streaming voice minutes are not used up (402).
 * Decided before the upgrade, so a refused browser never gets a socket.
 */
export async function admitUpgrade(deps: AdmitDeps, req: IncomingMessage): Promise<Admitted> {
  const token = new URL(req.url ?? '/', 'http://realtime').searchParams.get('token');
  if (!token) throw new AppError('UNAUTHENTICATED', 'Open /realtime?token=<session.token from GET /config>.');
  const session = deps.tokens.verify(token);
  const origin = normaliseOrigin(req.headers.origin);
  if (origin !== session.origin) throw new AppError('ORIGIN_NOT_ALLOWED', `This session token was issued to ${session.origin}, not to ${origin ?? 'a page without an origin'}.`);
  const snapshot = await deps.snapshots.get(session.tenantId);
  if (!snapshot) throw new AppError('UNAUTHENTICATED', 'The tenant of this session token no longer exists.');
  if (!isOriginAllowed(snapshot, session.origin)) throw new AppError('ORIGIN_NOT_ALLOWED', `The origin ${session.origin} is no longer allowed for this tenant.`);
  if (snapshot.tenant.status === 'suspended') throw new AppError('FORBIDDEN', 'This assistant is paused because the account is suspended.');
  if (!snapshot.tenant.features.includes('cloud_voice')) throw new AppError('PLAN_REQUIRED', 'Streaming voice needs a plan with cloud_voice; the widget uses browser speech instead.');
  requireVoiceMinutes(snapshot);
  return { snapshot, session };
}
