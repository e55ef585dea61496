import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { recordAudit } from '../audit/record-audit';

/** Every row the tenant owns, as JSON. Secrets (password hashes, key hashes, tokens, webhook secrets) are left out. */
export async function exportTenantData(deps: Deps, auth: AuthContext): Promise<Record<string, unknown>> {
  const tenantId = auth.tenantId;
  const where = { where: { tenantId } };
  const db = deps.prisma;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw notFound('Tenant');
  const [members, allowedOrigins, apiKeys, agents, knowledgeDocuments, catalogItems, conversations, calls, leads, bookings, webhookEndpoints, usageRecords, subscription, audit] = await Promise.all([
    db.membership.findMany({ ...where, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, createdAt: true } } } }),
    db.allowedOrigin.findMany({ ...where, select: { origin: true, createdAt: true } }),
    db.apiKey.findMany({ ...where, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } }),
    db.agent.findMany(where),
    db.knowledgeDocument.findMany({ ...where, include: { chunks: { orderBy: { ordinal: 'asc' }, select: { ordinal: true, language: true, text: true } } } }),
    db.catalogItem.findMany(where),
    db.conversation.findMany({ ...where, include: { messages: { orderBy: { createdAt: 'asc' } } } }),
    db.call.findMany(where),
    db.lead.findMany(where),
    db.booking.findMany(where),
    db.webhookEndpoint.findMany({ ...where, select: { id: true, url: true, eventTypes: true, enabled: true, createdAt: true } }),
    db.usageRecord.findMany(where),
    db.subscription.findUnique(where),
    db.auditLog.findMany({ ...where, orderBy: { seq: 'asc' } }),
  ]);
  const data = {
    exportedAt: deps.clock().toISOString(),
    tenant,
    members: members.map((m) => ({ ...m.user, role: m.role, memberSince: m.createdAt })),
    allowedOrigins, apiKeys, agents, knowledgeDocuments, catalogItems, conversations, calls, leads, bookings, webhookEndpoints, usageRecords, subscription, audit,
  };
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'gdpr.exported', meta: { conversations: conversations.length } });
  // BigInt (audit seq) has no JSON form: written as a string.
  return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as Record<string, unknown>;
}
