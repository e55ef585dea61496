import { z } from 'zod';
import { EmbeddingsEnv } from './config-from-env';

const optionalUrl = z.url().optional();

/**
 * The conversation engine's variables as a service's env schema declares them (spread `EngineEnv.shape`
 * into it): history kept per session, and the model providers and embeddings endpoint `engineConfigFromEnv` reads.
 * Defaults for the providers live in `engineConfigFromEnv`, so an unset variable stays unset here.
 */
export const EngineEnv = z.object({
  HISTORY_MAX_TURNS: z.coerce.number().int().min(2).max(200).default(20),
  HISTORY_TTL_SEC: z.coerce.number().int().positive().default(1800),
  XAI_API_KEY: z.string().optional(),
  XAI_BASE_URL: optionalUrl,
  XAI_MODEL: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().optional(),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).optional(),
  ...EmbeddingsEnv.shape,
});
export type EngineEnv = z.infer<typeof EngineEnv>;

const LLM_VARS = [
  'XAI_API_KEY', 'XAI_BASE_URL', 'XAI_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL',
  'LLM_TIMEOUT_MS', 'EMBEDDINGS_BASE_URL', 'EMBEDDINGS_API_KEY', 'EMBEDDINGS_MODEL',
] as const;

/** The provider variables as the record `engineConfigFromEnv` reads (it never touches process.env either). */
export function llmEnv(env: EngineEnv): Record<string, string | undefined> {
  return Object.fromEntries(LLM_VARS.map((name) => [name, env[name] === undefined ? undefined : String(env[name])]));
}

/** Session history options as `composeConversation` takes them. */
export function historyOptions(env: EngineEnv): { maxTurns: number; ttlSec: number } {
  return { maxTurns: env.HISTORY_MAX_TURNS, ttlSec: env.HISTORY_TTL_SEC };
}
