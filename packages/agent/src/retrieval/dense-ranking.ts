import type { TenantSnapshot } from '@vocalia/contracts';
import { decodeEmbedding, dot, unitVector } from './embedding-codec';
import { chunkEmbeddingInput, type Embed } from './embeddings-client';

const BATCH = 64;
const DEFAULT_QUERY_BUDGET_MS = 300;
/** A chunk batch that takes longer is abandoned; a later turn starts over. */
const BATCH_TIMEOUT_MS = 30_000;

interface TenantVectors {
  version: string;
  /** Unit vectors of the snapshot's chunks, in snapshot order; absent until computed. */
  vectors?: ArrayLike<number>[];
  pending?: Promise<void>;
}

/** Resolves with `work`'s value, or undefined once `ms` have passed (the work is then aborted). */
async function within<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal).catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Dense ranking through an embeddings endpoint: a tenant's chunks come with the vectors db-api
 * computed at ingestion; chunks without one for this model are embedded once per snapshot version
 * (in the background; turns rank without them until done). The visitor's message is embedded once
 * per turn within a budget. Chunk order by cosine similarity, for fusion with the lexical ranking.
 */
export class DenseRanking {
  private readonly tenants = new Map<string, TenantVectors>();
  private readonly queries = new WeakMap<object, number[]>();

  constructor(
    private readonly embed: Embed,
    /** Stored vectors of this model are used as they are; others are recomputed. */
    private readonly model: string,
    private readonly queryBudgetMs = DEFAULT_QUERY_BUDGET_MS,
    private readonly maxTenants = 500,
  ) {}

  /** Starts embedding the snapshot's chunks if this version has none yet; resolves when they are ready or failed. */
  chunksReady(snapshot: TenantSnapshot): Promise<void> {
    const id = snapshot.tenant.id;
    const entry = this.tenants.get(id);
    if (entry?.version === snapshot.version) return entry.pending ?? Promise.resolve();
    const fresh: TenantVectors = { version: snapshot.version };
    const vectors: (ArrayLike<number> | undefined)[] = snapshot.knowledge.map((c) => (c.embedding?.model === this.model ? decodeEmbedding(c.embedding.vector) : undefined));
    const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
    this.tenants.set(id, fresh);
    if (this.tenants.size > this.maxTenants) this.tenants.delete(this.tenants.keys().next().value!);
    if (missing.length === 0) {
      fresh.vectors = vectors as ArrayLike<number>[];
      return Promise.resolve();
    }
    const pending = (async () => {
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        const embedded = await this.embed(batch.map((k) => chunkEmbeddingInput(snapshot.knowledge[k]!.title, snapshot.knowledge[k]!.text)), AbortSignal.timeout(BATCH_TIMEOUT_MS));
        batch.forEach((k, j) => (vectors[k] = unitVector(embedded[j] ?? [])));
      }
      fresh.vectors = vectors as ArrayLike<number>[];
    })()
      // A failed batch is retried by a later turn.
      .catch(() => {
        if (this.tenants.get(id) === fresh) this.tenants.delete(id);
      })
      .finally(() => delete fresh.pending);
    fresh.pending = pending;
    return pending;
  }

  /** Embeds this turn's message, and waits for the chunks' vectors, within the budget; keyed by the turn's input object. */
  async prepare(input: { snapshot: TenantSnapshot; message: string }): Promise<void> {
    const [vector] = await Promise.all([
      within(this.queryBudgetMs, (signal) => this.embed([input.message], signal)),
      within(this.queryBudgetMs, () => this.chunksReady(input.snapshot)),
    ]);
    if (vector?.[0]) this.queries.set(input, unitVector(vector[0]));
  }

  /** Chunk indexes by similarity to the prepared message, best first; undefined when either side is missing. */
  ranking(input: { snapshot: TenantSnapshot }, limit: number): { doc: number; similarity: number }[] | undefined {
    const query = this.queries.get(input);
    const entry = this.tenants.get(input.snapshot.tenant.id);
    if (!query || !entry?.vectors || entry.version !== input.snapshot.version) return undefined;
    return entry.vectors
      .map((v, doc) => ({ doc, similarity: dot(v, query) }))
      .sort((a, b) => b.similarity - a.similarity || a.doc - b.doc)
      .slice(0, limit);
  }
}
