import type { WebhookEndpointList, WebhookEndpointView } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toWebhookEndpointView } from './endpoint-view';
import { findEndpoint } from './find-endpoint';

export async function listEndpoints(deps: Deps, tenantId: string): Promise<WebhookEndpointList> {
  const rows = await deps.prisma.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  const now = deps.clock();
  return { items: rows.map((r) => toWebhookEndpointView(r, now)) };
}

export async function getEndpoint(deps: Deps, tenantId: string, id: string): Promise<WebhookEndpointView> {
  return toWebhookEndpointView(await findEndpoint(deps, tenantId, id), deps.clock());
}
