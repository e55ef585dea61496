import type { ConversationProvider } from '../engine';
import type { EmbeddingsConfig } from '../retrieval/embeddings-client';
import type { RetrievalMode } from '../retrieval/tenant-index';

export type RemoteProviderConfig =
  | { kind: 'openai-compatible'; name: string; apiKey: string; baseURL: string; model: string; timeoutMs?: number; temperature?: number }
  | { kind: 'gemini'; name: string; apiKey: string; model: string; baseUrl?: string; timeoutMs?: number; temperature?: number };

export type ProviderConfig = RemoteProviderConfig | { kind: 'local' } | { kind: 'custom'; provider: ConversationProvider };

export interface EngineConfig {
  /** Tried in order; `local` is appended when missing, so the chain always ends with it. */
  providers: ProviderConfig[];
  /** Default per-call idle timeout of remote providers (ms). */
  timeoutMs?: number;
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  /** Clock for relative dates ("tomorrow") and the breakers; defaults to the system clock. */
  now?: () => Date;
  /** Knowledge ranking: `paraphrase` (default) or `lexical`, the stems-only ranking kept to measure against. */
  retrieval?: RetrievalMode;
  /** An OpenAI-compatible `/embeddings` endpoint: its similarity ranking is fused with the lexical one. */
  embeddings?: EmbeddingsConfig;
  /** Tenants whose retrieval index stays in memory. */
  maxCachedTenants?: number;
  /** Told about each provider failure before falling back (for logs and metrics). */
  onProviderError?: (provider: string, error: unknown) => void;
  /** Every provider attempt, answered or failed, with its duration (a metrics hook: model latency by provider). */
  onProviderCall?: (provider: string, ms: number, outcome: 'ok' | 'error') => void;
}

export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_FAILURE_THRESHOLD = 3;
export const DEFAULT_COOLDOWN_MS = 30_000;

/** Separates a provider's partial answer from its fallback's answer, in `provider` labels: "xai>local". */
export const FALLBACK_MARK = '>';

/** "xai>openai>local" -> the provider that answered and the ones that failed before it. */
export function parseProviderLabel(label: string): { provider: string; fallbackFrom: string[] } {
  const parts = label.split(FALLBACK_MARK);
  return { provider: parts.at(-1) ?? label, fallbackFrom: parts.slice(0, -1) };
}
