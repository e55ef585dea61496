import { PLANS, TenantSnapshot, type KnowledgeChunkSnapshot } from '@vocalia/contracts';
import { chunkFaqs, chunkText } from '../../services/db-api/src/knowledge/chunk-text';
import { stripArabicMarks } from '../../services/db-api/src/knowledge/normalize-arabic';
import type { LabelledBusiness, LabelledDocument } from './labelled-set';

const chunksOf = (doc: LabelledDocument): string[] => (doc.kind === 'faq' ? chunkFaqs(doc.faqs) : chunkText(doc.kind, doc.content));

/** The snapshot db-api would serve after the owner loaded these documents: chunked and stored the same way. */
export function snapshotOf(business: LabelledBusiness): TenantSnapshot {
  const knowledge: KnowledgeChunkSnapshot[] = business.documents.flatMap((doc, d) =>
    chunksOf(doc).map((text, ordinal) => ({ id: `${business.id}-${d}-${ordinal}`, documentId: `${business.id}-doc-${d}`, title: doc.title, language: doc.language, text: stripArabicMarks(text) })),
  );
  return TenantSnapshot.parse({
    tenant: {
      id: business.id, name: business.name, sector: business.sector, plan: 'pro', features: PLANS.pro.features, status: 'active',
      defaultLanguage: business.defaultLanguage, currency: business.currency, timezone: 'Africa/Casablanca', leadThreshold: 60, phoneNumbers: [],
    },
    allowedOrigins: [`https://${business.id}.example`],
    agent: { id: `${business.id}-agent`, name: 'Sara', personaId: business.sector, languages: ['fr', 'en', 'es', 'ar', 'ary'], greeting: {}, instructions: '', tools: ['handoff'] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: ['fr', 'en', 'es', 'ar', 'ary'], greeting: {}, ecommerce: false,
    },
    knowledge,
    catalog: [],
    version: 'quality-1',
  });
}
