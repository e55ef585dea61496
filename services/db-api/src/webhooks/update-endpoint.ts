import type { UpdateWebhookEndpointRequest, WebhookEndpointView } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { checkEndpointUrl } from './check-endpoint-url';
import { toWebhookEndpointView } from './endpoint-view';
import { findEndpoint } from './find-endpoint';

/** Changes URL, event types, description or enabled; enabling again clears the automatic disable. */
export async function updateEndpoint(deps: Deps, auth: AuthContext, id: string, input: UpdateWebhookEndpointRequest): Promise<WebhookEndpointView> {
  const old = await findEndpoint(deps, auth.tenantId, id);
  const url = input.url === undefined ? undefined : await checkEndpointUrl(deps, input.url);
  const reenabled = input.enabled === true && !old.enabled;
  await deps.prisma.webhookEndpoint.updateMany({
    where: { id: old.id, tenantId: auth.tenantId },
    data: {
      url,
      eventTypes: input.eventTypes,
      description: input.description,
      enabled: input.enabled,
      ...(reenabled ? { disabledAt: null, failingSince: null, disabledReason: null, disabledNotifiedAt: null } : {}),
    },
  });
  const row = await findEndpoint(deps, auth.tenantId, id);
  const changed = Object.keys(input);
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'webhook_endpoint.updated', target: `webhook_endpoint:${row.id}`, meta: { changed, url: row.url, enabled: row.enabled } });
  return toWebhookEndpointView(row, deps.clock());
}
