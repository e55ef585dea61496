/** One query slot: a visitor's word, or a concept with all its spellings across languages. */
export interface QueryGroup {
  members: string[];
  /** True for concept groups (hours, pricing...): weighted like a rare word for coverage. */
  concept: boolean;
  /** Scores but does not count toward coverage (the visitor's own spelling of a concept word). */
  optional?: boolean;
  /** Names a thing (a treatment, a car part) rather than a topic: the passage quotes the sentences naming it. */
  specific?: boolean;
  /** Share of its weight this group brings to coverage (default 1): a broad concept such as "price" alone does not make an answer. */
  weight?: number;
}

export interface RankedDoc {
  doc: number;
  score: number;
  /** Share (0..1) of the query's weight, by idf, that this document covers. */
  coverage: number;
  /** The same share counting only full-weight groups (not broad topics); 1 when the query has none. */
  coreCoverage: number;
}

const K1 = 1.2;
const B = 0.75;
/** Below this many documents, coverage weighs words as in an index of this many (`bench:quality`: 5 and 10 answered fewer held-out questions, 20 to 100 the same). */
const COVERAGE_MIN_DOCS = 20;
/** The visitor's own spelling of a concept nudges toward chunks written alike, without outweighing the reply language. */
const OPTIONAL_FACTOR = 0.5;

/** Okapi BM25 over pre-analysed documents, with per-document term sets for coverage. */
export class Bm25Index {
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  private readonly docTerms: Map<string, number>[];
  /** Each document's length normalisation, and each term's idf once asked: both depend on the index only. */
  private readonly norms: number[];
  private readonly idfs = new Map<string, number>();
  /** Per-document scratch for `search`: all zero between calls. */
  private readonly sums: { best: Float64Array; score: Float64Array; covered: Float64Array; core: Float64Array };

  constructor(docs: readonly string[][]) {
    this.lengths = docs.map((d) => d.length);
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length) || 1;
    this.docTerms = docs.map((terms, doc) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) {
        const list = this.postings.get(t);
        if (list) list.push(doc);
        else this.postings.set(t, [doc]);
      }
      return tf;
    });
    this.norms = this.lengths.map((length) => K1 * (1 - B + (B * length) / this.avgLength));
    const n = docs.length;
    this.sums = { best: new Float64Array(n), score: new Float64Array(n), covered: new Float64Array(n), core: new Float64Array(n) };
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const df = this.postings.get(term)?.length ?? 0;
      const n = this.lengths.length;
      idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      // Only terms of the index are kept, so visitors' words cannot grow the map without bound.
      if (df > 0) this.idfs.set(term, idf);
    }
    return idf;
  }

  private termScore(term: string, doc: number): number {
    const tf = this.docTerms[doc]?.get(term) ?? 0;
    if (tf === 0) return 0;
    return (this.idf(term) * tf * (K1 + 1)) / (tf + (this.norms[doc] ?? 0));
  }

  private groupWeight(group: QueryGroup): number {
    const weight = group.concept ? this.coverageIdf(0) : Math.max(...group.members.map((m) => this.coverageIdf(this.postings.get(m)?.length ?? 0)));
    return weight * (group.weight ?? 1);
  }

  /**
   * A group's idf for coverage, as if the index held at least COVERAGE_MIN_DOCS documents: in a small
   * business's one or two chunks every word it wrote is in every chunk, so its plain idf is the lowest
   * there is, and a question whose words the chunk has (but one) would count as barely covered.
   */
  private coverageIdf(df: number): number {
    const n = Math.max(this.lengths.length, COVERAGE_MIN_DOCS);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Documents matching any group, best first (score plus `extra`, times `boost`); a group scores
   * its best member in each document. Sums live in arrays indexed by document, kept between calls
   * and cleared after each: a query allocates no map or entry per document it touches.
   */
  search(groups: readonly QueryGroup[], limit: number, boost: (doc: number) => number = () => 1, extra?: ReadonlyMap<number, number>): RankedDoc[] {
    const { matched, total, coreTotal } = this.accumulate(groups);
    const { score, covered, core } = this.sums;
    const ranked = matched.map((doc) => ({
      doc,
      score: (score[doc]! + (extra?.get(doc) ?? 0)) * boost(doc),
      coverage: total > 0 ? covered[doc]! / total : 0,
      coreCoverage: coreTotal > 0 ? core[doc]! / coreTotal : 1,
    }));
    this.clear(matched);
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, limit);
  }

  /** Each matching document's score, unranked and without coverage: what an FAQ pair's question adds to its chunk. */
  scores(groups: readonly QueryGroup[]): Map<number, number> {
    const { matched } = this.accumulate(groups);
    const { score } = this.sums;
    const scores = new Map(matched.map((doc) => [doc, score[doc]!]));
    this.clear(matched);
    return scores;
  }

  /** Sums each group's best member per document into the scratch arrays; the caller reads them, then clears `matched`. */
  private accumulate(groups: readonly QueryGroup[]): { matched: number[]; total: number; coreTotal: number } {
    const { best, score, covered, core } = this.sums;
    const matched: number[] = [];
    let total = 0;
    let coreTotal = 0;
    for (const group of groups) {
      const weight = group.optional ? 0 : this.groupWeight(group);
      const coreWeight = (group.weight ?? 1) < 1 ? 0 : weight;
      total += weight;
      coreTotal += coreWeight;
      const touched: number[] = [];
      for (const member of group.members) {
        for (const doc of this.postings.get(member) ?? []) {
          const s = this.termScore(member, doc);
          if (s > best[doc]!) {
            if (best[doc] === 0) touched.push(doc);
            best[doc] = s;
          }
        }
      }
      for (const doc of touched) {
        const s = best[doc]!;
        best[doc] = 0;
        if (score[doc] === 0) matched.push(doc);
        score[doc]! += group.optional ? s * OPTIONAL_FACTOR : s;
        covered[doc]! += weight;
        core[doc]! += coreWeight;
      }
    }
    return { matched, total, coreTotal };
  }

  private clear(matched: readonly number[]): void {
    const { score, covered, core } = this.sums;
    for (const doc of matched) score[doc] = covered[doc] = core[doc] = 0;
  }
}
