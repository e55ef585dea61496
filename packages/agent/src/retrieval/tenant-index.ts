import type { CatalogItemSnapshot, KnowledgeChunkSnapshot, Language, TenantSnapshot } from '@vocalia/contracts';
import { analyzeText } from '../text/analyze';
import { Bm25Index } from './bm25';
import { indexSentences, type IndexedSentence } from './passage';

export interface IndexedChunk {
  chunk: KnowledgeChunkSnapshot;
  sentences: IndexedSentence[];
}

/** Everything retrieval needs about one tenant snapshot, built once per snapshot version. */
export interface TenantIndex {
  tenantId: string;
  version: string;
  chunks: IndexedChunk[];
  knowledge: Bm25Index;
  catalogItems: CatalogItemSnapshot[];
  catalog: Bm25Index;
  /** The tenant's default language; catalogue entries carry none, so they are analysed and searched in it. */
  catalogLanguage: Language;
}

export function buildTenantIndex(snapshot: TenantSnapshot): TenantIndex {
  const chunks = snapshot.knowledge.map((chunk) => ({ chunk, sentences: indexSentences(chunk.text, chunk.language) }));
  const knowledge = new Bm25Index(snapshot.knowledge.map((c) => analyzeText(`${c.title}\n${c.text}`, c.language)));
  const catalogLanguage = snapshot.tenant.defaultLanguage;
  const catalog = new Bm25Index(
    snapshot.catalog.map((item) => analyzeText(`${item.name} ${item.name} ${item.sku ?? ''} ${item.description}`, catalogLanguage)),
  );
  return { tenantId: snapshot.tenant.id, version: snapshot.version, chunks, knowledge, catalogItems: snapshot.catalog, catalog, catalogLanguage };
}

/**
 * Indexes keyed by tenant id (never by version alone: two tenants may share a version string),
 * rebuilt when the snapshot version changes, least recently used dropped past `maxTenants`.
 */
export class TenantIndexCache {
  private readonly entries = new Map<string, TenantIndex>();

  constructor(private readonly maxTenants = 500) {}

  get(snapshot: TenantSnapshot): TenantIndex {
    const id = snapshot.tenant.id;
    let index = this.entries.get(id);
    if (index && index.version === snapshot.version) {
      this.entries.delete(id);
    } else {
      index = buildTenantIndex(snapshot);
    }
    this.entries.set(id, index);
    if (this.entries.size > this.maxTenants) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return index;
  }

  get size(): number {
    return this.entries.size;
  }
}
