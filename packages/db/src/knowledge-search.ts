import { Prisma } from './generated/prisma/client';
import type { Db } from './client';

export interface KnowledgeSearch {
  query: string;
  /** Language of the query; only chunks in this language are searched, with its stemming. */
  language: string;
  limit?: number;
  /** `any` (default): a chunk needs one of the words, more matches rank higher. `all`: every word (web-search syntax: "quoted phrase", -not, or). */
  match?: 'any' | 'all';
}

export interface KnowledgeHit {
  id: string;
  documentId: string;
  ordinal: number;
  language: string;
  text: string;
  rank: number;
}

function tsquery(search: KnowledgeSearch): Prisma.Sql {
  const config = Prisma.sql`knowledge_search_config(${search.language})`;
  if (search.match === 'all') return Prisma.sql`websearch_to_tsquery(${config}, ${search.query})`;
  // plainto_tsquery stems and drops stop words; turning its ANDs into ORs gives recall, ts_rank the order.
  return Prisma.sql`replace(plainto_tsquery(${config}, ${search.query})::text, ' & ', ' | ')::tsquery`;
}

/** Ranked full-text search over one tenant's knowledge chunks (GIN index on knowledge_chunks.search). */
export function searchKnowledge(db: Db, tenantId: string, search: KnowledgeSearch): Promise<KnowledgeHit[]> {
  const limit = Math.min(Math.max(Math.trunc(search.limit ?? 5), 1), 100);
  return db.$queryRaw<KnowledgeHit[]>`
    SELECT c.id, c.document_id AS "documentId", c.ordinal, c.language, c.text, ts_rank(c.search, q.query)::float8 AS rank
    FROM knowledge_chunks c, (SELECT ${tsquery(search)} AS query) q
    WHERE c.tenant_id = ${tenantId} AND c.language = ${search.language} AND c.search @@ q.query
    ORDER BY rank DESC, c.document_id, c.ordinal
    LIMIT ${limit}`;
}
