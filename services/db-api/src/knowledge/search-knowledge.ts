import { LANGUAGES, type KnowledgeSearchQuery, type KnowledgeSearchResponse, type Language } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { stripArabicMarks } from './normalize-arabic';

interface Row {
  chunkId: string;
  documentId: string;
  title: string;
  language: Language;
  rank: number;
  snippet: string;
  text: string;
}

// ts_headline on HTML-escaped text, so the only markup in a snippet is our own <mark>.
const HEADLINE_OPTIONS = 'MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=<mark>, StopSel=</mark>';

/**
 * Ranked full-text search over the tenant's chunks, each language with its own stemming
 * (knowledge_search_config). A chunk needs one of the query's words; more and closer matches rank
 * higher (ts_rank_cd). Without `language`, every language is searched, each with its own configuration.
 */
export async function searchKnowledge(deps: Deps, tenantId: string, query: KnowledgeSearchQuery): Promise<KnowledgeSearchResponse> {
  const languages: string[] = query.language ? [query.language] : [...LANGUAGES];
  const q = stripArabicMarks(query.q);
  const rows = await deps.prisma.$queryRaw<Row[]>`
    WITH q AS (
      SELECT l AS language, replace(plainto_tsquery(knowledge_search_config(l), ${q})::text, ' & ', ' | ')::tsquery AS query
      FROM unnest(${languages}::text[]) AS l
    ), hits AS (
      SELECT c.id, c.document_id, c.ordinal, c.language, c.text, q.query, ts_rank_cd(c.search, q.query)::float8 AS rank
      FROM knowledge_chunks c JOIN q ON q.language = c.language
      WHERE c.tenant_id = ${tenantId} AND c.search @@ q.query
      ORDER BY rank DESC, c.document_id, c.ordinal
      LIMIT ${query.limit}
    )
    SELECT h.id AS "chunkId", h.document_id AS "documentId", d.title, h.language, h.rank, h.text,
      ts_headline(knowledge_search_config(h.language),
        replace(replace(replace(h.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), h.query, ${HEADLINE_OPTIONS}) AS snippet
    FROM hits h JOIN knowledge_documents d ON d.id = h.document_id AND d.tenant_id = ${tenantId}
    ORDER BY h.rank DESC, h.document_id, h.ordinal`;
  return { items: rows };
}
