import { chunkEmbeddingInput, embeddingsConfig, encodeEmbedding, openAiEmbeddings, type Embed } from '@vocalia/agent';
import type { Logger } from '@vocalia/service-kit';
import type { Env } from '../env';

const BATCH = 64;
/** One batch that takes longer is given up: the chunks are stored without vectors and embedded by the engine instead. */
const BATCH_TIMEOUT_MS = 30_000;

export interface KnowledgeEmbedder {
  model: string;
  embed: Embed;
}

export function createKnowledgeEmbedder(env: Env): KnowledgeEmbedder | null {
  const config = embeddingsConfig(env);
  return config ? { model: config.model, embed: openAiEmbeddings(config) } : null;
}

export interface ChunkVectors {
  model: string;
  vectors: Uint8Array<ArrayBuffer>[];
}

/**
 * A document's chunks embedded once, at ingestion, in batches. When the endpoint fails the document is
 * still stored: its chunks carry no vector and the engine embeds them itself (never a lost upload).
 */
export async function embedChunks(embedder: KnowledgeEmbedder | null, logger: Logger, tenantId: string, title: string, chunks: string[]): Promise<ChunkVectors | null> {
  if (!embedder || chunks.length === 0) return null;
  try {
    const vectors: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < chunks.length; i += BATCH) {
      const batch = chunks.slice(i, i + BATCH);
      const embedded = await embedder.embed(batch.map((text) => chunkEmbeddingInput(title, text)), AbortSignal.timeout(BATCH_TIMEOUT_MS));
      if (embedded.length !== batch.length) throw new Error(`the endpoint returned ${embedded.length} vectors for ${batch.length} chunks`);
      vectors.push(...embedded.map(encodeEmbedding));
    }
    return { model: embedder.model, vectors };
  } catch (err) {
    logger.warn('knowledge embeddings failed: chunks stored without vectors', { tenantId, chunks: chunks.length, error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}
