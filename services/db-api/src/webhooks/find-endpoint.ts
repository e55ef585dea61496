import type { WebhookEndpoint } from '@vocalia/db';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';

/** An endpoint of this tenant; another tenant's is "not found". */
export async function findEndpoint(deps: Deps, tenantId: string, id: string): Promise<WebhookEndpoint> {
  const row = await deps.prisma.webhookEndpoint.findFirst({ where: { id, tenantId } });
  if (!row) throw notFound('Webhook endpoint');
  return row;
}
