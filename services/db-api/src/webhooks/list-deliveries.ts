import type { WebhookDeliveryPage, WebhookDeliveryQuery } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';
import { toWebhookDeliveryView } from './delivery-view';
import { findEndpoint } from './find-endpoint';

/** The delivery log of one endpoint, newest first, each delivery with its attempts. */
export async function listDeliveries(deps: Deps, tenantId: string, endpointId: string, query: WebhookDeliveryQuery): Promise<WebhookDeliveryPage> {
  const endpoint = await findEndpoint(deps, tenantId, endpointId);
  const cursor = decodeCursor(query.cursor);
  const rows = await deps.prisma.webhookDelivery.findMany({
    where: { tenantId, endpointId: endpoint.id, ...(query.status ? { status: query.status } : {}), ...afterCursor('createdAt', cursor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { attemptsLog: { orderBy: { attempt: 'asc' } } },
  });
  const page = toPage(rows, query.limit, (r) => r.createdAt);
  return { items: page.items.map(toWebhookDeliveryView), nextCursor: page.nextCursor };
}
