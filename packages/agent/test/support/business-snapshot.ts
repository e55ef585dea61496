import { PLANS, type KnowledgeChunkSnapshot, type TenantSnapshot } from '@vocalia/contracts';

/** A Moroccan business that pasted its presentation: one paragraph per topic, written in one language. */
export function business(id: string, name: string, personaId: string, language: 'fr' | 'en', texts: Record<string, string>): TenantSnapshot {
  const knowledge: KnowledgeChunkSnapshot[] = Object.entries(texts).map(([title, text], i) => ({ id: `${id}-${i}`, documentId: `doc-${id}-${i}`, title, language, text }));
  const languages = ['fr', 'en', 'es', 'ar', 'ary'] as const;
  return {
    tenant: {
      id, name, sector: personaId, plan: 'pro', features: PLANS.pro.features, status: 'active',
      defaultLanguage: language, currency: 'MAD', timezone: 'Africa/Casablanca', leadThreshold: 60, phoneNumbers: [],
    },
    allowedOrigins: [`https://${id}.example`],
    agent: { id: `agent-${id}`, name: 'Sara', personaId, languages: [...languages], greeting: {}, instructions: '', tools: ['handoff'] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: [...languages], greeting: {}, ecommerce: false,
    },
    knowledge,
    catalog: [],
    version: `${id}-v1`,
  };
}
