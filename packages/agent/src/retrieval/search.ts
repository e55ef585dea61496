import type { CatalogItemSnapshot, KnowledgeChunkSnapshot, Language } from '@vocalia/contracts';
import type { IntentAnalysis } from '../intent/detect-intent';
import type { QueryGroup, RankedDoc } from './bm25';
import { conceptTag, givesContact } from './paraphrase-terms';
import { selectPassage } from './passage';
import { catalogGroups } from './catalog-terms';
import type { TenantIndex } from './tenant-index';

/** Below this share of the question's weight, a chunk does not answer it: say so instead of guessing. */
export const MIN_COVERAGE = 0.5;
const SAME_LANGUAGE_BOOST = 1.5;
const SAME_SCRIPT_BOOST = 1.2;
const DEFAULT_LANGUAGE_BOOST = 1.05;

export interface KnowledgeHit {
  chunk: KnowledgeChunkSnapshot;
  score: number;
  coverage: number;
  /** Cosine similarity to the message, when dense ranking took part and ranked this chunk. */
  similarity?: number;
}

/** Chunks by embedding similarity to the message, best first. */
export type DenseHits = readonly { doc: number; similarity: number }[];

/** Reciprocal-rank fusion constant (the usual 60): ranks matter, raw scores of the two rankings never meet. */
const RRF_K = 60;

export interface KnowledgeRetrieval {
  hits: KnowledgeHit[];
  /** The accepted hit and the sentences of it that answer; absent when nothing matched well enough. */
  answer?: { hit: KnowledgeHit; passage: string };
}

const arabic = (l: Language): boolean => l === 'ar' || l === 'ary';

/** Same language first, then same script (a Spanish reader gets French before Arabic), then the tenant's default. */
function languageBoost(chunk: Language, reply: Language, tenantDefault: Language): number {
  const base = chunk === reply ? SAME_LANGUAGE_BOOST : arabic(chunk) === arabic(reply) ? SAME_SCRIPT_BOOST : 1;
  return chunk === tenantDefault ? base * DEFAULT_LANGUAGE_BOOST : base;
}

/**
 * FAQ-aware ranking: a chunk's score over its whole text plus, for an FAQ pair, its stored
 * question's score, so the pair whose question the visitor rephrased beats answers that merely
 * mention the same words. Coverage stays the whole chunk's (its question is part of it).
 */
function withQuestionScores(index: TenantIndex, groups: readonly QueryGroup[], boost: (doc: number) => number, limit: number): RankedDoc[] {
  return index.knowledge.search(groups, limit, boost, index.questions!.scores(groups));
}

/**
 * Of the best-ranked hits, the one covering most of the question, and never one that covers only
 * its broad topic: an FAQ pair on "price" ranks high for "how much is the hammam?", but only a
 * chunk that names the hammam answers it.
 */
function mostCovering<H extends { coverage: number; coreCoverage: number; score: number }>(hits: readonly H[]): H | undefined {
  let best: H | undefined;
  for (const h of hits) {
    if (h.coverage < MIN_COVERAGE || h.coreCoverage === 0 || h.score <= 0) continue;
    if (!best || h.coverage > best.coverage) best = h;
  }
  return best;
}

const CONTACT = conceptTag('contact');

/** "What is your phone number?": answered by a number or an email address, not by a sentence that only says "phone". */
function asksOnlyForContact(groups: readonly QueryGroup[]): boolean {
  const counted = groups.filter((g) => !g.optional);
  return counted.length > 0 && counted.every((g) => g.members.includes(CONTACT));
}

/** The lexical hits and the dense ones fused by reciprocal rank; a chunk only the dense ranking found has no lexical score or coverage. */
function fuse(index: TenantIndex, lexical: readonly (KnowledgeHit & { doc: number })[], dense: DenseHits, limit: number): KnowledgeHit[] {
  const fused = new Map<number, { hit: KnowledgeHit; rrf: number }>();
  lexical.forEach((h, rank) => fused.set(h.doc, { hit: { chunk: h.chunk, score: h.score, coverage: h.coverage }, rrf: 1 / (RRF_K + rank + 1) }));
  dense.forEach(({ doc, similarity }, rank) => {
    const entry = fused.get(doc) ?? { hit: { chunk: index.chunks[doc]!.chunk, score: 0, coverage: 0 }, rrf: 0 };
    entry.hit.similarity = similarity;
    entry.rrf += 1 / (RRF_K + rank + 1);
    fused.set(doc, entry);
  });
  return [...fused.values()].sort((a, b) => b.rrf - a.rrf).slice(0, limit).map((e) => e.hit);
}

/**
 * Ranked knowledge chunks for the query groups, preferring chunks written in the reply language;
 * with `dense`, the hits (what a model sees) are fused with it, while the local answer still needs
 * the lexical coverage.
 */
export function searchKnowledge(index: TenantIndex, groups: readonly QueryGroup[], reply: Language, limit = 5, dense?: DenseHits): KnowledgeRetrieval {
  const tenantDefault = index.catalogLanguage;
  if (index.chunks.length === 0) return { hits: [] };
  if (groups.length === 0) return { hits: dense ? fuse(index, [], dense, limit) : [] };
  const boost = (doc: number) => languageBoost(index.chunks[doc]!.chunk.language, reply, tenantDefault);
  const ranked = index.questions ? withQuestionScores(index, groups, boost, limit) : index.knowledge.search(groups, limit, boost);
  const hits = ranked.map((r) => ({ chunk: index.chunks[r.doc]!.chunk, score: r.score, coverage: r.coverage, coreCoverage: r.coreCoverage, doc: r.doc }));
  const best = index.mode === 'paraphrase' ? mostCovering(hits) : hits.slice(0, 3).find((h) => h.coverage >= MIN_COVERAGE && h.score > 0);
  const strip = ({ chunk, score, coverage }: KnowledgeHit): KnowledgeHit => ({ chunk, score, coverage });
  const shown = dense ? fuse(index, hits, dense, limit) : hits.map(strip);
  if (!best) return { hits: shown };
  const passage = selectPassage(index.chunks[best.doc]!.sentences, groups);
  if (asksOnlyForContact(groups) && !givesContact(passage)) return { hits: shown };
  return { hits: shown, answer: { hit: strip(best), passage } };
}

/**
 * Up to `limit` catalogue items for the visitor's words; a bare "what do you sell?" gets the first
 * items in stock, so the answer is always real catalogue data.
 */
export function searchCatalog(index: TenantIndex, analysis: IntentAnalysis, language: Language = index.catalogLanguage, limit = 3): CatalogItemSnapshot[] {
  if (index.catalogItems.length === 0) return [];
  const groups = catalogGroups(analysis, index.catalogLanguage, language);
  if (groups.length === 0) return analysis.intent === 'product_search' ? index.catalogItems.filter((i) => i.stock > 0).slice(0, limit) : [];
  return index.catalog
    .search(groups, limit * 2)
    .filter((r) => r.coverage >= MIN_COVERAGE)
    .slice(0, limit)
    .map((r) => index.catalogItems[r.doc]!);
}
