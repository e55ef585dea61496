import { createHash } from 'node:crypto';
import { FEATURES, LANGUAGES, Language, PLANS, type AgentSnapshot, type TenantSnapshot } from '@vocalia/contracts';
import type { Agent } from '@vocalia/db';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { monthlyQuotaStates } from '../usage/monthly-quotas';
import { tenantPhoneNumbers } from '../tenants/tenant-phone-numbers';
import { effectiveWidgetSettings } from '../widget/widget-settings';

/** The hot path keeps a snapshot in memory: bounded so one tenant's data cannot balloon it. */
export const SNAPSHOT_MAX_CHUNKS = 2000;
export const SNAPSHOT_MAX_CATALOG_ITEMS = 2000;

function toAgentSnapshot(agent: Agent): AgentSnapshot {
  const languages = agent.languages.filter((l): l is Language => Language.safeParse(l).success);
  return {
    id: agent.id,
    name: agent.name,
    personaId: agent.personaId,
    // An agent saved without languages speaks them all, as the engine does.
    languages: languages.length ? languages : [...LANGUAGES],
    ...(agent.voice ? { voice: agent.voice } : {}),
    greeting: (agent.greeting ?? {}) as AgentSnapshot['greeting'],
    instructions: agent.instructions,
    tools: agent.tools,
    ...(agent.transferNumber ? { transferNumber: agent.transferNumber } : {}),
  };
}

/** Everything voice-api needs about one tenant. `version` is a digest of the content: it changes whenever any of it does, except the minutes left. */
export async function buildTenantSnapshot(deps: Deps, tenantId: string): Promise<TenantSnapshot> {
  const db = deps.prisma;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, include: { subscription: true } });
  if (!tenant) throw notFound('Tenant');
  const [quotas, origins, agents, chunks, items, phoneNumbers] = await Promise.all([
    monthlyQuotaStates(db, tenant, tenant.subscription, deps.clock()),
    db.allowedOrigin.findMany({ where: { tenantId }, orderBy: { origin: 'asc' }, select: { origin: true } }),
    // Past the plan's quota (after a downgrade) the extra agents do not answer.
    db.agent.findMany({ where: { tenantId }, orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }], take: PLANS[tenant.plan].quotas.agents }),
    db.knowledgeChunk.findMany({
      where: { tenantId },
      orderBy: [{ document: { createdAt: 'asc' } }, { documentId: 'asc' }, { ordinal: 'asc' }],
      take: SNAPSHOT_MAX_CHUNKS,
      select: { id: true, documentId: true, language: true, text: true, embedding: true, embeddingModel: true, document: { select: { title: true } } },
    }),
    db.catalogItem.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: SNAPSHOT_MAX_CATALOG_ITEMS }),
    tenantPhoneNumbers(deps, tenantId),
  ]);
  const agentSnapshots = agents.map(toAgentSnapshot);
  const content: Omit<TenantSnapshot, 'version'> = {
    tenant: {
      id: tenant.id,
      name: tenant.name,
      ...(tenant.sector ? { sector: tenant.sector } : {}),
      plan: tenant.plan,
      features: FEATURES.filter((f) => PLANS[tenant.plan].features.includes(f)),
      status: tenant.status,
      defaultLanguage: Language.catch('fr').parse(tenant.defaultLanguage),
      currency: tenant.currency,
      timezone: tenant.timezone,
      leadThreshold: tenant.leadThreshold,
      phoneNumbers,
      ...(quotas.conversationsPerMonth.stopped ? { conversationQuotaReached: true } : {}),
      ...(quotas.voiceMinutesIncluded.stopped ? { voiceMinutesReached: true } : {}),
      ...(quotas.telephonyMinutesPerMonth.stopped ? { telephonyMinutesReached: true } : {}),
      ...(quotas.voiceMinutesIncluded.applies ? { voiceSecondsLeft: quotas.voiceMinutesIncluded.left } : {}),
      ...(quotas.telephonyMinutesPerMonth.applies ? { telephonySecondsLeft: quotas.telephonyMinutesPerMonth.left } : {}),
    },
    allowedOrigins: origins.map((o) => o.origin),
    agent: agentSnapshots[0] ?? null,
    agents: agentSnapshots,
    widget: effectiveWidgetSettings(tenant),
    knowledge: chunks
      .filter((c) => Language.safeParse(c.language).success)
      .map((c) => ({
        id: c.id, documentId: c.documentId, title: c.document.title, language: c.language as Language, text: c.text,
        ...(c.embedding && c.embeddingModel ? { embedding: { model: c.embeddingModel, vector: Buffer.from(c.embedding).toString('base64') } } : {}),
      })),
    catalog: items.map((i) => ({
      id: i.id,
      sku: i.sku,
      name: i.name,
      description: i.description,
      price: Number(i.price.toString()),
      currency: i.currency,
      stock: i.stock,
      ...(i.url ? { url: i.url } : {}),
      ...(i.imageUrl ? { imageUrl: i.imageUrl } : {}),
    })),
  };
  // The minutes left move with every call: kept out of the digest, so the services' knowledge indexes
  // (rebuilt when the version changes) are not rebuilt for them.
  const versioned = { ...content, tenant: { ...content.tenant, voiceSecondsLeft: undefined, telephonySecondsLeft: undefined } };
  const version = createHash('sha256').update(JSON.stringify(versioned)).digest('base64url').slice(0, 22);
  return { ...content, version };
}
