import { randomUUID } from 'node:crypto';
import type { OAuthProviderId } from '@vocalia/contracts';
import type { Logger, Producer } from '@vocalia/service-kit';
import type { SignInRefused } from './sign-in-refused';

export interface RefusalContext {
  provider?: OAuthProviderId;
  ip: string;
  requestId: string;
}

/**
 * A refused sign-in on the audit queue, with no tenant (nobody is signed in yet); db-api appends it to the
 * platform chain. Losing Redis must not hide the error page, so a failed enqueue is logged instead of thrown.
 */
export async function auditRefusal(deps: { audit: Producer<'audit-events'>; logger: Logger }, refusal: SignInRefused, ctx: RefusalContext): Promise<void> {
  const field = refusal.extras.errors?.[0]?.path;
  deps.logger.info('sign-in refused', { provider: ctx.provider, reason: refusal.reason, field });
  try {
    await deps.audit.add({
      v: 1,
      eventId: randomUUID(),
      tenantId: null,
      requestId: ctx.requestId,
      at: new Date().toISOString(),
      actor: ctx.provider ? `oauth:${ctx.provider}` : 'oauth:unknown',
      action: 'auth.oauth_refused',
      meta: { provider: ctx.provider ?? null, reason: refusal.reason, field: field ?? null, ip: ctx.ip },
    });
  } catch (err) {
    deps.logger.error('audit of a refused sign-in not queued', { reason: refusal.reason, err: err instanceof Error ? err.message : String(err) });
  }
}
