import type { KnowledgeDocumentPage, KnowledgeDocumentResponse, PageQuery } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { afterCursor, decodeCursor, toPage } from '../conversations/page-cursor';
import { toDocumentResponse, toDocumentSummary } from './document-view';

/** Newest first, without the chunks (GET one document for them). */
export async function listDocuments(deps: Deps, tenantId: string, query: PageQuery): Promise<KnowledgeDocumentPage> {
  const cursor = decodeCursor(query.cursor);
  const rows = await deps.prisma.knowledgeDocument.findMany({
    where: { tenantId, ...afterCursor('createdAt', cursor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { _count: { select: { chunks: true } } },
  });
  const page = toPage(rows, query.limit, (row) => row.createdAt);
  return { items: page.items.map((row) => toDocumentSummary(row, row._count.chunks)), nextCursor: page.nextCursor };
}

export async function getDocument(deps: Deps, tenantId: string, id: string): Promise<KnowledgeDocumentResponse> {
  const doc = await deps.prisma.knowledgeDocument.findFirst({
    where: { id, tenantId },
    include: { chunks: { orderBy: { ordinal: 'asc' }, select: { id: true, ordinal: true, language: true, text: true } } },
  });
  if (!doc) throw notFound('Knowledge document');
  return toDocumentResponse(doc, doc.chunks);
}
