import type { CreatedWebhookEndpoint, CreateWebhookEndpointRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { checkEndpointUrl } from './check-endpoint-url';
import { toWebhookEndpointView } from './endpoint-view';
import { newWebhookSecret } from './webhook-secret';

/** Registers an endpoint; its signing secret is in this response only. */
export async function createEndpoint(deps: Deps, auth: AuthContext, input: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpoint> {
  const url = await checkEndpointUrl(deps, input.url);
  const secret = newWebhookSecret();
  const row = await deps.prisma.webhookEndpoint.create({
    data: { tenantId: auth.tenantId, url, secret, eventTypes: input.eventTypes, description: input.description ?? null, enabled: input.enabled },
  });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_endpoint.created', target: `webhook_endpoint:${row.id}`, meta: { url, eventTypes: input.eventTypes } });
  return { ...toWebhookEndpointView(row, deps.clock()), secret };
}
