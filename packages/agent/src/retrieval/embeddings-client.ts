import OpenAI from 'openai';

export interface EmbeddingsConfig {
  /** An OpenAI-compatible API root, e.g. `https://api.openai.com/v1` or a local server's. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Budget for embedding one visitor message, per turn (ms); past it the turn ranks without it. Default 300. */
  queryBudgetMs?: number;
}

export type Embed = (texts: string[], signal?: AbortSignal) => Promise<number[][]>;

/** What is embedded for a knowledge chunk, at ingestion and at run time alike. */
export const chunkEmbeddingInput = (title: string, text: string): string => `${title}\n${text}`;

/** `POST {baseURL}/embeddings` through the openai SDK, vectors in input order. */
export function openAiEmbeddings(config: EmbeddingsConfig): Embed {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0 });
  return async (texts, signal) => {
    const res = await client.embeddings.create({ model: config.model, input: texts }, { signal });
    return [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
  };
}
