import type { Response } from 'express';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { JsonObjectStream, pagesById, pagesOf } from './json-stream';

// Rows that carry children (a document's chunks, a conversation's messages) come fewer to a page.
const PARENT_ROWS_DIVISOR = 50;

const afterId = (id: string | undefined) => (id ? { id: { gt: id } } : {});

/**
 * Every row the tenant owns, as one JSON document streamed to `res` a page of rows at a time (memory stays
 * bounded whatever the tenant's size). Secrets (password hashes, key hashes, tokens, webhook and integration secrets) are left out.
 * Errors before the first byte are ordinary problem+json; after it, the response is cut (never a truncated JSON that parses).
 */
export async function streamTenantExport(deps: Deps, auth: AuthContext, res: Response): Promise<void> {
  const { tenantId } = auth;
  const db = deps.prisma;
  const take = deps.env.GDPR_EXPORT_BATCH_ROWS;
  const parentTake = Math.max(1, Math.floor(take / PARENT_ROWS_DIVISOR));
  const byId = { orderBy: { id: 'asc' as const } };
  const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw notFound('Tenant');
  res.status(200).type('application/json').set('Content-Disposition', `attachment; filename="vocalia-export-${tenantId}.json"`);
  const out = new JsonObjectStream(res);
  try {
    await out.value('exportedAt', deps.clock().toISOString());
    await out.value('tenant', tenant);
    await out.array(
      'members',
      pagesById((after, n) => db.membership.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true, createdAt: true } } } }), take),
      (m) => ({ ...m.user, role: m.role, memberSince: m.createdAt }),
    );
    await out.array(
      'allowedOrigins',
      pagesById((after, n) => db.allowedOrigin.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, origin: true, createdAt: true } }), take),
      (o) => ({ origin: o.origin, createdAt: o.createdAt }),
    );
    await out.array('apiKeys', pagesById((after, n) => db.apiKey.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } }), take));
    await out.array('agents', pagesById((after, n) => db.agent.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('knowledgeDocuments', pagesById((after, n) => db.knowledgeDocument.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, include: { chunks: { orderBy: { ordinal: 'asc' }, select: { ordinal: true, language: true, text: true } } } }), parentTake));
    await out.array('catalogItems', pagesById((after, n) => db.catalogItem.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    const conversations = await out.array('conversations', pagesById((after, n) => db.conversation.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, include: { messages: { orderBy: { createdAt: 'asc' } } } }), parentTake));
    await out.array('calls', pagesById((after, n) => db.call.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('phoneNumbers', pagesById((after, n) => db.phoneNumber.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, number: true, agentId: true, capabilities: true, createdAt: true } }), take));
    await out.array('leads', pagesById((after, n) => db.lead.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('bookings', pagesById((after, n) => db.booking.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('shopOrders', pagesById((after, n) => db.shopOrder.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('abandonedCheckouts', pagesById((after, n) => db.abandonedCheckout.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.array('integrations', pagesById((after, n) => db.integrationConnection.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, provider: true, accountId: true, createdAt: true, updatedAt: true } }), take));
    await out.array('inboundEvents', pagesById((after, n) => db.inboundEvent.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, provider: true, providerEventId: true, type: true, payload: true, receivedAt: true, processedAt: true } }), parentTake));
    await out.array('webhookEndpoints', pagesById((after, n) => db.webhookEndpoint.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n, select: { id: true, url: true, eventTypes: true, enabled: true, createdAt: true } }), take));
    await out.array('usageRecords', pagesById((after, n) => db.usageRecord.findMany({ where: { tenantId, ...afterId(after) }, ...byId, take: n }), take));
    await out.value('subscription', await db.subscription.findUnique({ where: { tenantId } }));
    await out.array('audit', pagesOf((after: bigint | undefined, n) => db.auditLog.findMany({ where: { tenantId, ...(after === undefined ? {} : { seq: { gt: after } }) }, orderBy: { seq: 'asc' }, take: n }), (row) => row.seq, take));
    await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'gdpr.exported', meta: { conversations } });
    await out.end();
  } catch (err) {
    deps.logger.error('gdpr export cut short', { error: err instanceof Error ? err.message : String(err) });
    res.destroy();
  }
}
