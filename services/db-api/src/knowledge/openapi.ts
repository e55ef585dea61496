import { CreateKnowledgeDocumentRequest, KnowledgeDocumentPage, KnowledgeDocumentResponse, KnowledgeSearchQuery, KnowledgeSearchResponse, PageQuery } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Knowledge base';
const feature = 'knowledge_base' as const;
const manage = ['owner', 'admin'] as RouteDoc['roles'];
const base = '/api/v1/knowledge/documents';

export const knowledgeRouteDocs: RouteDoc[] = [
  {
    method: 'post', path: base, tag, feature, roles: manage, idempotent: true, body: CreateKnowledgeDocumentRequest, status: 201, response: KnowledgeDocumentResponse, errors: [409, 413],
    summary: 'Add a document: JSON (text, markdown or FAQ pairs, up to 1 MB) or multipart/form-data with field `file` (.txt, .md, .json or .csv FAQ; up to 5 MB) and optional `title`, `language`. Without `language`, the one its text is written in, else the tenant default language. Chunked and indexed for search. An `Idempotency-Key` is taken with a JSON body only.',
  },
  { method: 'get', path: base, tag, feature, query: PageQuery, summary: 'Documents, newest first (cursor pagination)', status: 200, response: KnowledgeDocumentPage },
  { method: 'get', path: `${base}/:id`, tag, feature, resource: 'knowledge_document', summary: 'One document with its chunks', status: 200, response: KnowledgeDocumentResponse },
  { method: 'delete', path: `${base}/:id`, tag, feature, roles: manage, resource: 'knowledge_document', summary: 'Delete a document and its chunks', status: 204, response: null },
  { method: 'get', path: '/api/v1/knowledge/search', tag, feature, query: KnowledgeSearchQuery, summary: 'Ranked full-text search (per-language stemming) with highlighted snippets', status: 200, response: KnowledgeSearchResponse },
];
