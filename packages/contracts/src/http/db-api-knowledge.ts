import { z } from 'zod';
import { Language } from '../languages';

export const KnowledgeKind = z.enum(['text', 'markdown', 'faq']);
export type KnowledgeKind = z.infer<typeof KnowledgeKind>;

/** Largest single document, JSON or uploaded file; over it the API answers 413. */
export const MAX_KNOWLEDGE_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_FAQ_PAIRS = 2000;

export const FaqPair = z.object({
  question: z.string().trim().min(1).max(1000),
  answer: z.string().trim().min(1).max(5000),
});
export type FaqPair = z.infer<typeof FaqPair>;

const Title = z.string().trim().min(1).max(200);

/** Without it, a document's language is detected from its text, and is the tenant's default language when the text does not tell. */
const DocumentLanguage = Language.optional();

/** `POST /api/v1/knowledge/documents` with a JSON body (a file goes as multipart field `file`). */
export const CreateKnowledgeDocumentRequest = z.discriminatedUnion('kind', [
  z.strictObject({ title: Title, kind: z.enum(['text', 'markdown']), language: DocumentLanguage, content: z.string().trim().min(1, 'content is empty') }),
  z.strictObject({ title: Title, kind: z.literal('faq'), language: DocumentLanguage, faqs: z.array(FaqPair).min(1).max(MAX_FAQ_PAIRS) }),
]);
export type CreateKnowledgeDocumentRequest = z.infer<typeof CreateKnowledgeDocumentRequest>;

/** Text fields sent beside the multipart `file`; the kind follows the extension (.txt .md .json .csv). */
export const UploadKnowledgeFields = z.object({ title: Title.optional(), language: DocumentLanguage });
export type UploadKnowledgeFields = z.infer<typeof UploadKnowledgeFields>;

export const KnowledgeDocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: KnowledgeKind,
  language: Language,
  sizeBytes: z.number().int(),
  chunkCount: z.number().int(),
  source: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type KnowledgeDocumentSummary = z.infer<typeof KnowledgeDocumentSummary>;

export const KnowledgeChunkView = z.object({ id: z.string(), ordinal: z.number().int(), language: Language, text: z.string() });
export const KnowledgeDocumentResponse = KnowledgeDocumentSummary.extend({ chunks: z.array(KnowledgeChunkView) });
export type KnowledgeDocumentResponse = z.infer<typeof KnowledgeDocumentResponse>;

export const KnowledgeDocumentPage = z.object({ items: z.array(KnowledgeDocumentSummary), nextCursor: z.string().nullable() });
export type KnowledgeDocumentPage = z.infer<typeof KnowledgeDocumentPage>;

export const KnowledgeSearchQuery = z.object({
  q: z.string().trim().min(1, 'q is empty').max(500),
  language: Language.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type KnowledgeSearchQuery = z.infer<typeof KnowledgeSearchQuery>;

/** `snippet` is HTML-escaped text with matches wrapped in `<mark>` … `</mark>`. */
export const KnowledgeSearchHit = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  title: z.string(),
  language: Language,
  rank: z.number(),
  snippet: z.string(),
  text: z.string(),
});
export type KnowledgeSearchHit = z.infer<typeof KnowledgeSearchHit>;
export const KnowledgeSearchResponse = z.object({ items: z.array(KnowledgeSearchHit) });
export type KnowledgeSearchResponse = z.infer<typeof KnowledgeSearchResponse>;
