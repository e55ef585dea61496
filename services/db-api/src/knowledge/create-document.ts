import { createHash } from 'node:crypto';
import type { CreateKnowledgeDocumentRequest, KnowledgeDocumentResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { chunkFaqs, chunkText, normalizeContent } from './chunk-text';
import { toDocumentResponse } from './document-view';
import { embedChunks } from './embed-chunks';
import { documentLanguage } from './document-language';
import { checkKnowledgeRoom } from './knowledge-room';
import { stripArabicMarks } from './normalize-arabic';

export type NewDocument = CreateKnowledgeDocumentRequest & { source?: string };

function textOf(doc: NewDocument): string {
  return doc.kind === 'faq' ? JSON.stringify(doc.faqs) : normalizeContent(doc.content);
}

function chunksOf(doc: NewDocument): string[] {
  return doc.kind === 'faq' ? chunkFaqs(doc.faqs) : chunkText(doc.kind, doc.content);
}

/**
 * Stores a document and its chunks (indexed for full-text search by a trigger), within the plan's knowledge quota.
 * Size and quota are checked before the content is chunked, and again under the tenant's write lock.
 * With an embeddings endpoint, each chunk's vector is computed here, once, before the transaction.
 */
export async function createDocument(deps: Deps, auth: AuthContext, input: NewDocument): Promise<KnowledgeDocumentResponse> {
  const { tenantId } = auth;
  const text = textOf(input);
  const sizeBytes = Buffer.byteLength(text, 'utf8');
  await checkKnowledgeRoom(deps.prisma, tenantId, sizeBytes);
  const chunks = chunksOf(input).map(stripArabicMarks);
  const language = await documentLanguage(deps, tenantId, input);
  const embedded = await embedChunks(deps.embeddings, deps.logger, tenantId, input.title, chunks);
  const sha256 = createHash('sha256').update(`${input.kind}\n${language}\n${text}`).digest('hex');
  const { doc, rows } = await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'knowledge');
    const same = await tx.knowledgeDocument.findFirst({ where: { tenantId, sha256 }, select: { id: true } });
    if (same) throw new AppError('CONFLICT', `This content is already in the knowledge base (document ${same.id})`);
    await checkKnowledgeRoom(tx, tenantId, sizeBytes);
    const doc = await tx.knowledgeDocument.create({
      data: { tenantId, title: input.title, kind: input.kind, language, sizeBytes, sha256, source: input.source ?? null },
    });
    await tx.knowledgeChunk.createMany({
      data: chunks.map((text, ordinal) => ({
        tenantId, documentId: doc.id, ordinal, language, text,
        ...(embedded ? { embedding: embedded.vectors[ordinal], embeddingModel: embedded.model } : {}),
      })),
    });
    const rows = await tx.knowledgeChunk.findMany({ where: { documentId: doc.id }, orderBy: { ordinal: 'asc' }, select: { id: true, ordinal: true, language: true, text: true } });
    return { doc, rows };
  }, { timeout: 30_000 });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'knowledge.document_created', target: `knowledge_document:${doc.id}`, meta: { sizeBytes, chunks: rows.length } });
  await publishTenantUpdated(deps, tenantId, 'knowledge');
  return toDocumentResponse(doc, rows);
}
