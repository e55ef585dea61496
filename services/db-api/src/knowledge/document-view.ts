import type { KnowledgeDocumentResponse, KnowledgeDocumentSummary, Language } from '@vocalia/contracts';
import type { KnowledgeChunk, KnowledgeDocument } from '@vocalia/db';

export function toDocumentSummary(doc: KnowledgeDocument, chunkCount: number): KnowledgeDocumentSummary {
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    language: doc.language as Language,
    sizeBytes: doc.sizeBytes,
    chunkCount,
    source: doc.source,
    createdAt: doc.createdAt.toISOString(),
  };
}

export function toDocumentResponse(doc: KnowledgeDocument, chunks: Pick<KnowledgeChunk, 'id' | 'ordinal' | 'language' | 'text'>[]): KnowledgeDocumentResponse {
  return {
    ...toDocumentSummary(doc, chunks.length),
    chunks: chunks.map((c) => ({ id: c.id, ordinal: c.ordinal, language: c.language as Language, text: c.text })),
  };
}
