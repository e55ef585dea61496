import type { CatalogItemSnapshot, KnowledgeChunkSnapshot, Language, TenantSnapshot } from '@vocalia/contracts';
import { analyzeText } from '../text/analyze';
import { Bm25Index } from './bm25';
import { catalogTerms } from './catalog-terms';
import { splitFaq } from './faq-split';
import { indexSentences, type IndexedSentence } from './passage';
import { paraphraseTerms } from './paraphrase-terms';

/**
 * `paraphrase` (default): concept tags across languages, FAQ questions matched on their own,
 * Arabic/Arabizi skeletons. `lexical`: stems only, the ranking before these, kept to measure against.
 */
export type RetrievalMode = 'lexical' | 'paraphrase';

export interface IndexedChunk {
  chunk: KnowledgeChunkSnapshot;
  sentences: IndexedSentence[];
}

/** Everything retrieval needs about one tenant snapshot, built once per snapshot version. */
export interface TenantIndex {
  tenantId: string;
  version: string;
  mode: RetrievalMode;
  chunks: IndexedChunk[];
  knowledge: Bm25Index;
  /** The stored questions of FAQ chunks alone (prose chunks are empty here); paraphrase mode only. */
  questions?: Bm25Index;
  catalogItems: CatalogItemSnapshot[];
  catalog: Bm25Index;
  /** The tenant's default language; catalogue entries carry none, so they are analysed and searched in it. */
  catalogLanguage: Language;
}

/** A chunk whose sentences are analysed the first time it answers: most chunks never do, and the index builds faster. */
function lazySentences(chunk: KnowledgeChunkSnapshot, answer: string): IndexedChunk {
  let sentences: IndexedSentence[] | undefined;
  return {
    chunk,
    get sentences() {
      return (sentences ??= indexSentences(answer, chunk.language, paraphraseTerms));
    },
  };
}

function knowledgeIndexes(snapshot: TenantSnapshot, mode: RetrievalMode): Pick<TenantIndex, 'chunks' | 'knowledge' | 'questions'> {
  if (mode === 'lexical') {
    return {
      chunks: snapshot.knowledge.map((chunk) => ({ chunk, sentences: indexSentences(chunk.text, chunk.language) })),
      knowledge: new Bm25Index(snapshot.knowledge.map((c) => analyzeText(`${c.title}\n${c.text}`, c.language))),
    };
  }
  const parts = snapshot.knowledge.map((c) => splitFaq(c.text));
  return {
    // An FAQ's answer is what gets quoted; its question only helps to find it.
    chunks: snapshot.knowledge.map((chunk, i) => lazySentences(chunk, parts[i]!.answer)),
    knowledge: new Bm25Index(snapshot.knowledge.map((c) => paraphraseTerms(`${c.title}\n${c.text}`, c.language))),
    questions: new Bm25Index(snapshot.knowledge.map((c, i) => (parts[i]!.question ? paraphraseTerms(parts[i]!.question!, c.language) : []))),
  };
}

export function buildTenantIndex(snapshot: TenantSnapshot, mode: RetrievalMode = 'paraphrase'): TenantIndex {
  const catalogLanguage = snapshot.tenant.defaultLanguage;
  const catalog = new Bm25Index(
    snapshot.catalog.map((item) => catalogTerms(`${item.name} ${item.name} ${item.sku ?? ''} ${item.description}`, catalogLanguage)),
  );
  return { tenantId: snapshot.tenant.id, version: snapshot.version, mode, ...knowledgeIndexes(snapshot, mode), catalogItems: snapshot.catalog, catalog, catalogLanguage };
}

/**
 * Indexes keyed by tenant id (never by version alone: two tenants may share a version string),
 * rebuilt when the snapshot version changes, least recently used dropped past `maxTenants`.
 */
export class TenantIndexCache {
  private readonly entries = new Map<string, TenantIndex>();

  constructor(
    private readonly maxTenants = 500,
    private readonly mode: RetrievalMode = 'paraphrase',
  ) {}

  get(snapshot: TenantSnapshot): TenantIndex {
    const id = snapshot.tenant.id;
    let index = this.entries.get(id);
    if (index && index.version === snapshot.version) {
      this.entries.delete(id);
    } else {
      index = buildTenantIndex(snapshot, this.mode);
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
