import { z } from 'zod';
import type { EmbeddingsConfig } from '../retrieval/embeddings-client';
import { DEFAULT_TIMEOUT_MS, type EngineConfig, type ProviderConfig } from './engine-config';

export const DEFAULT_MODELS = { xai: 'grok-3-mini', openai: 'gpt-4o-mini', gemini: 'gemini-2.5-flash' } as const;
export const DEFAULT_BASE_URLS = { xai: 'https://api.x.ai/v1', openai: 'https://api.openai.com/v1' } as const;

/** The OpenAI-compatible `/embeddings` endpoint: db-api embeds knowledge at ingestion, the engine embeds each question. */
export const EmbeddingsEnv = z.object({
  EMBEDDINGS_BASE_URL: z.url().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
});
export type EmbeddingsEnv = z.infer<typeof EmbeddingsEnv>;

/** The embeddings endpoint those variables name, or undefined without `EMBEDDINGS_BASE_URL`. */
export function embeddingsConfig(e: EmbeddingsEnv): EmbeddingsConfig | undefined {
  return e.EMBEDDINGS_BASE_URL ? { baseURL: e.EMBEDDINGS_BASE_URL, apiKey: e.EMBEDDINGS_API_KEY ?? 'none', model: e.EMBEDDINGS_MODEL } : undefined;
}

const LlmEnv = z.object({
  XAI_API_KEY: z.string().optional(),
  XAI_BASE_URL: z.url().default(DEFAULT_BASE_URLS.xai),
  XAI_MODEL: z.string().default(DEFAULT_MODELS.xai),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().default(DEFAULT_BASE_URLS.openai),
  OPENAI_MODEL: z.string().default(DEFAULT_MODELS.openai),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: z.url().optional(),
  GEMINI_MODEL: z.string().default(DEFAULT_MODELS.gemini),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(DEFAULT_TIMEOUT_MS),
}).extend(EmbeddingsEnv.shape);

/**
 * Engine configuration from a plain record of environment variables (the caller's env.ts passes
 * them in; this never reads process.env): xAI, then OpenAI, then Gemini for each key present,
 * then `local`; with `EMBEDDINGS_BASE_URL`, dense ranking through that OpenAI-compatible endpoint.
 * Blank values count as unset. Throws one readable line per bad variable.
 */
export function engineConfigFromEnv(env: Readonly<Record<string, string | undefined>>): EngineConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, v!.trim()]));
  const parsed = LlmEnv.safeParse(present);
  if (!parsed.success) {
    throw new Error(`bad LLM env: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join('; ')}`);
  }
  const e = parsed.data;
  const providers: ProviderConfig[] = [];
  if (e.XAI_API_KEY) providers.push({ kind: 'openai-compatible', name: 'xai', apiKey: e.XAI_API_KEY, baseURL: e.XAI_BASE_URL, model: e.XAI_MODEL });
  if (e.OPENAI_API_KEY) providers.push({ kind: 'openai-compatible', name: 'openai', apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL });
  if (e.GEMINI_API_KEY) providers.push({ kind: 'gemini', name: 'gemini', apiKey: e.GEMINI_API_KEY, model: e.GEMINI_MODEL, baseUrl: e.GEMINI_BASE_URL });
  providers.push({ kind: 'local' });
  const embeddings = embeddingsConfig(e);
  return { providers, timeoutMs: e.LLM_TIMEOUT_MS, ...(embeddings ? { embeddings } : {}) };
}
