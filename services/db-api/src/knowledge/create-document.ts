import { createHash } from 'node:crypto';
import { MAX_KNOWLEDGE_DOCUMENT_BYTES, PLANS, type CreateKnowledgeDocumentRequest, type KnowledgeDocumentResponse } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { recordAudit } from '../audit/record-audit';
import { publishTenantUpdated } from '../tenants/publish-tenant-updated';
import { loadTenantPlan } from '../usage/load-tenant-plan';
import { quotaExceeded } from '../usage/quota-exceeded';
import { lockTenantWrites } from '../usage/tenant-write-lock';
import { chunkFaqs, chunkText, normalizeContent } from './chunk-text';
import { toDocumentResponse } from './document-view';
import { stripArabicMarks } from './normalize-arabic';

export type NewDocument = CreateKnowledgeDocumentRequest & { source?: string };

function bodyOf(doc: NewDocument): { text: string; chunks: string[] } {
  if (doc.kind === 'faq') return { text: JSON.stringify(doc.faqs), chunks: chunkFaqs(doc.faqs) };
  return { text: normalizeContent(doc.content), chunks: chunkText(doc.kind, doc.content) };
}

/** Stores a document and its chunks (indexed for full-text search by a trigger), within the plan's knowledge quota. */
export async function createDocument(deps: Deps, auth: AuthContext, input: NewDocument): Promise<KnowledgeDocumentResponse> {
  const { tenantId } = auth;
  const { text, chunks } = bodyOf(input);
  const sizeBytes = Buffer.byteLength(text, 'utf8');
  if (sizeBytes > MAX_KNOWLEDGE_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A document is at most ${MAX_KNOWLEDGE_DOCUMENT_BYTES} bytes`);
  const sha256 = createHash('sha256').update(`${input.kind}\n${input.language}\n${text}`).digest('hex');
  const { doc, rows } = await deps.prisma.$transaction(async (tx) => {
    await lockTenantWrites(tx, tenantId, 'knowledge');
    const plan = await loadTenantPlan(tx, tenantId);
    const same = await tx.knowledgeDocument.findFirst({ where: { tenantId, sha256 }, select: { id: true } });
    if (same) throw new AppError('CONFLICT', `This content is already in the knowledge base (document ${same.id})`);
    const used = await tx.knowledgeDocument.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } });
    const limit = PLANS[plan].quotas.knowledgeBaseBytes;
    if ((used._sum.sizeBytes ?? 0) + sizeBytes > limit) throw quotaExceeded(plan, 'knowledgeBaseBytes', `Your plan's knowledge base holds ${limit} bytes`);
    const doc = await tx.knowledgeDocument.create({
      data: { tenantId, title: input.title, kind: input.kind, language: input.language, sizeBytes, sha256, source: input.source ?? null },
    });
    await tx.knowledgeChunk.createMany({
      data: chunks.map((chunk, ordinal) => ({ tenantId, documentId: doc.id, ordinal, language: input.language, text: stripArabicMarks(chunk) })),
    });
    const rows = await tx.knowledgeChunk.findMany({ where: { documentId: doc.id }, orderBy: { ordinal: 'asc' }, select: { id: true, ordinal: true, language: true, text: true } });
    return { doc, rows };
  }, { timeout: 30_000 });
  await recordAudit(deps, { tenantId, actor: actorOf(auth), action: 'knowledge.document_created', target: `knowledge_document:${doc.id}`, meta: { sizeBytes, chunks: rows.length } });
  await publishTenantUpdated(deps, tenantId, 'knowledge');
  return toDocumentResponse(doc, rows);
}
