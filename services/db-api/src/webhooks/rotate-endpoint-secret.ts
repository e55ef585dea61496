import type { RotatedWebhookSecret, RotateWebhookSecretRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { findEndpoint } from './find-endpoint';
import { newWebhookSecret } from './webhook-secret';

/** A new secret, shown once; deliveries are signed with the old one too until the overlap ends. */
export async function rotateEndpointSecret(deps: Deps, auth: AuthContext, id: string, input: RotateWebhookSecretRequest): Promise<RotatedWebhookSecret> {
  const old = await findEndpoint(deps, auth.tenantId, id);
  const secret = newWebhookSecret();
  const overlapEnd = input.overlapSeconds > 0 ? new Date(deps.clock().getTime() + input.overlapSeconds * 1000) : null;
  await deps.prisma.webhookEndpoint.updateMany({
    where: { id: old.id, tenantId: auth.tenantId },
    data: { secret, previousSecret: overlapEnd ? old.secret : null, previousSecretExpiresAt: overlapEnd },
  });
  await recordAudit(deps, {
    tenantId: auth.tenantId,
    actor: actorOf(auth),
    action: 'webhook_endpoint.secret_rotated',
    target: `webhook_endpoint:${old.id}`,
    meta: { previousSecretExpiresAt: overlapEnd?.toISOString() ?? null },
  });
  return { id: old.id, secret, previousSecretExpiresAt: overlapEnd?.toISOString() ?? null };
}
