import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer } from './auth-header';
import type { TestApp, TestSession } from './start-test-app';

/** Resource kind (as named by RouteDoc.resource) -> the id of one such resource. */
export type TenantResources = Record<string, string>;

/**
 * One of every tenant-owned resource in the session's tenant: through the API, or directly for what only
 * ingestion creates (conversations, calls). Moves the tenant to the ecommerce plan (catalog + knowledge base).
 */
export async function createTenantResources(t: TestApp, b: TestSession): Promise<TenantResources> {
  await t.deps.prisma.tenant.update({ where: { id: b.tenantId }, data: { plan: 'ecommerce' } });
  const asB = bearer(b);
  const agent = await t.deps.prisma.agent.create({ data: { tenantId: b.tenantId, name: 'Agent', personaId: 'dental', languages: ['fr'], isDefault: true } });
  const doc = await request(t.app).post('/api/v1/knowledge/documents').set(asB).send({ title: 'Horaires', kind: 'text', language: 'fr', content: 'Ouvert du lundi au vendredi.' });
  const item = await request(t.app).post('/api/v1/catalog/items').set(asB).send({ sku: 'B-1', name: 'Item', price: 10 });
  const origin = await request(t.app).post('/api/v1/origins').set(asB).send({ origin: 'https://shop.example' });
  for (const res of [doc, item, origin]) if (res.status !== 201) throw new Error(`fixture failed: ${res.status} ${res.text}`);
  const key = await t.createApiKey(b, 'key');
  const invitation = await request(t.app).post('/api/v1/invitations').set(asB).send({ email: `invitee.${randomUUID()}@example.test` });
  if (invitation.status !== 201) throw new Error(`fixture failed: ${invitation.status} ${invitation.text}`);
  const conversation = await t.deps.prisma.conversation.create({
    data: { tenantId: b.tenantId, sessionId: `sess_${randomUUID()}`, channel: 'widget', language: 'fr', agentId: agent.id },
  });
  await t.deps.prisma.message.create({ data: { tenantId: b.tenantId, conversationId: conversation.id, role: 'user', text: 'Bonjour', eventId: `${randomUUID()}:user` } });
  const call = await t.deps.prisma.call.create({
    data: { tenantId: b.tenantId, callSid: `CA${randomUUID().replace(/-/g, '')}`, direction: 'inbound', fromMasked: '+2126****1234', status: 'completed', conversationId: conversation.id, recordingSid: `RE${'d4'.repeat(16)}`, recordingDurationSec: 12 },
  });
  // Directly: buying goes through Twilio, which the walk does not need.
  const phoneNumber = await t.deps.prisma.phoneNumber.create({ data: { tenantId: b.tenantId, number: `+2125${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`, agentId: agent.id } });
  const lead = await t.deps.prisma.lead.create({ data: { tenantId: b.tenantId, conversationId: conversation.id, score: 70, status: 'qualified', name: 'Lead B' } });
  const booking = await t.deps.prisma.booking.create({ data: { tenantId: b.tenantId, conversationId: conversation.id, service: 'Visite', eventId: `evt_${randomUUID()}` } });
  // Directly: the API refuses a host that does not resolve, and tests have no public DNS.
  const endpoint = await t.deps.prisma.webhookEndpoint.create({ data: { tenantId: b.tenantId, url: 'https://hooks.example/b', secret: `whsec_${randomUUID()}` } });
  const delivery = await t.deps.prisma.webhookDelivery.create({
    data: { tenantId: b.tenantId, endpointId: endpoint.id, eventId: `evt_${randomUUID()}`, eventType: 'lead.qualified', payload: {}, status: 'failed', attempts: 8 },
  });
  const integration = await t.deps.prisma.integrationConnection.create({
    data: { tenantId: b.tenantId, provider: 'hubspot', accountId: String(Math.floor(Math.random() * 1e9)), secretCiphertext: 'sealed', secretKeyId: 'test' },
  });
  const identity = await t.deps.prisma.oAuthIdentity.create({ data: { provider: 'github', providerUserId: randomUUID(), userId: b.userId, email: b.email } });
  return {
    agent: agent.id,
    knowledge_document: doc.body.id,
    catalog_item: item.body.id,
    origin: origin.body.id,
    api_key: key.id,
    member: b.userId,
    invitation: invitation.body.id,
    conversation: conversation.id,
    call: call.id,
    phone_number: phoneNumber.id,
    lead: lead.id,
    booking: booking.id,
    webhook_endpoint: endpoint.id,
    webhook_delivery: delivery.id,
    oauth_identity: identity.id,
    integration: integration.id,
  };
}

