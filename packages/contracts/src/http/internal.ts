import { z } from 'zod';
import { Language } from '../languages';
import { Feature, PlanId } from '../plans';
import { WidgetBranding } from './voice-api';

/** Header carrying the shared secret on service-to-service calls under /internal/ (never routed by the edge). */
export const INTERNAL_TOKEN_HEADER = 'x-vocalia-internal-token';

export const AgentSnapshot = z.object({
  id: z.string(),
  name: z.string(),
  personaId: z.string(),
  languages: z.array(Language).min(1),
  voice: z.string().optional(),
  greeting: z.partialRecord(Language, z.string()),
  instructions: z.string(),
  tools: z.array(z.string()),
  transferNumber: z.string().optional(),
});
export type AgentSnapshot = z.infer<typeof AgentSnapshot>;

/** A chunk's sentence embedding, computed once at ingestion: a unit vector as little-endian float32, base64. */
export const ChunkEmbedding = z.object({
  model: z.string().min(1),
  vector: z.base64(),
});
export type ChunkEmbedding = z.infer<typeof ChunkEmbedding>;

export const KnowledgeChunkSnapshot = z.object({
  id: z.string(),
  documentId: z.string(),
  title: z.string(),
  language: Language,
  text: z.string(),
  /** Present when db-api had an embeddings endpoint when the chunk was stored. */
  embedding: ChunkEmbedding.optional(),
});
export type KnowledgeChunkSnapshot = z.infer<typeof KnowledgeChunkSnapshot>;

export const CatalogItemSnapshot = z.object({
  id: z.string(),
  sku: z.string().optional(),
  name: z.string(),
  description: z.string(),
  price: z.number().nonnegative(),
  currency: z.string(),
  stock: z.number().int(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
});
export type CatalogItemSnapshot = z.infer<typeof CatalogItemSnapshot>;

/**
 * Everything the hot path needs about one tenant, read by voice-api and realtime from db-api
 * (`GET /internal/v1/tenants/:tenantId/snapshot`) on a cache miss, dropped on `tenant-updated`.
 */
export const TenantSnapshot = z.object({
  tenant: z.object({
    id: z.string(),
    name: z.string(),
    sector: z.string().optional(),
    plan: PlanId,
    features: z.array(Feature),
    status: z.enum(['trialing', 'active', 'past_due', 'suspended']),
    defaultLanguage: Language,
    currency: z.string(),
    timezone: z.string(),
    leadThreshold: z.number().min(0).max(100),
    phoneNumbers: z.array(z.string()),
    /** The plan stops hard at its monthly conversation quota and this period's is used up: /respond refuses politely. */
    conversationQuotaReached: z.boolean().optional(),
    /** The plan streams browser voice (`cloud_voice`) and this period's minutes are used up: realtime refuses, the widget uses browser speech. */
    voiceMinutesReached: z.boolean().optional(),
    /** The plan has `telephony` and this period's phone minutes are used up: calls are refused politely. */
    telephonyMinutesReached: z.boolean().optional(),
    /**
     * The plan streams browser voice: seconds of this period's voice minutes left when the snapshot was built
     * (a session started now is cut when they run out). Calls still running are not counted yet.
     */
    voiceSecondsLeft: z.number().int().nonnegative().optional(),
    /** The plan has `telephony`: seconds of this period's phone minutes left when the snapshot was built (caps a call answered now). */
    telephonySecondsLeft: z.number().int().nonnegative().optional(),
  }),
  allowedOrigins: z.array(z.string()),
  /** The agent that answers: the tenant's default, unless the request chose another of `agents` (voice-api puts that one here). */
  agent: AgentSnapshot.nullable(),
  /** The agents a request may choose by id (`agentId`, `data-vocalia-agent`), the default first, as many as the plan allows. */
  agents: z.array(AgentSnapshot).optional(),
  widget: z.object({
    branding: WidgetBranding,
    languages: z.array(Language).min(1),
    greeting: z.partialRecord(Language, z.string()),
    ecommerce: z.boolean(),
  }),
  knowledge: z.array(KnowledgeChunkSnapshot),
  catalog: z.array(CatalogItemSnapshot),
  version: z.string(),
});
export type TenantSnapshot = z.infer<typeof TenantSnapshot>;
