import type { Language, TenantSnapshot } from '@vocalia/contracts';
import type { ConversationProvider, EngineInput, EngineResult, TokenSink } from '../engine';
import { LocalProvider } from '../local/local-provider';
import { GeminiProvider } from '../providers/gemini-provider';
import { OpenAICompatibleProvider } from '../providers/openai-compatible-provider';
import { DenseRanking } from '../retrieval/dense-ranking';
import { openAiEmbeddings } from '../retrieval/embeddings-client';
import { TenantIndexCache } from '../retrieval/tenant-index';
import { TurnAnalyzer, type PreparedMessage } from '../turn/analyze-turn';
import { CircuitBreaker, type BreakerState } from './circuit-breaker';
import * as defaults from './engine-config';
import type { EngineConfig, ProviderConfig } from './engine-config';
import { sessionTools, type SessionTools } from './session-tools';

export interface Engine extends ConversationProvider {
  /** Provider names in fallback order, always ending with "local". */
  readonly providers: readonly string[];
  breakerState(provider: string): BreakerState | undefined;
  /**
   * The message's own analysis (language, intent, injection check, knowledge), for a caller to work out
   * while the session's history is on its way; passed back as `prepared` in the turn's input.
   */
  prepare(snapshot: TenantSnapshot, message: string, language?: Language): PreparedMessage;
  /** The tools a realtime speech model may call in this session, run here against the tenant's own data. */
  sessionTools(snapshot: TenantSnapshot, sessionId: string): SessionTools;
}

interface ChainEntry {
  provider: ConversationProvider;
  breaker?: CircuitBreaker;
}

/** Shown between a provider's cut-off answer and its fallback's answer. */
const MID_STREAM_SEPARATOR = '\n\n';

function build(config: ProviderConfig, analyzer: TurnAnalyzer, local: LocalProvider, timeoutMs: number): ConversationProvider {
  switch (config.kind) {
    case 'local':
      return local;
    case 'custom':
      return config.provider;
    case 'openai-compatible':
      return new OpenAICompatibleProvider(Object.assign({}, config, { timeoutMs: config.timeoutMs ?? timeoutMs }), analyzer);
    case 'gemini':
      return new GeminiProvider(Object.assign({}, config, { timeoutMs: config.timeoutMs ?? timeoutMs }), analyzer);
  }
}

/**
 * The conversation engine: providers in order with a circuit breaker each; a provider that fails
 * or times out, before or during its stream, hands over to the next, and `local` always answers.
 * The result's `provider` names the one that answered, prefixed by those that failed ("xai>local");
 * `answer` is always exactly the concatenation of the pieces given to `onToken`.
 */
export function createEngine(config: EngineConfig): Engine {
  const now = config.now ?? (() => new Date());
  const dense = config.embeddings ? new DenseRanking(openAiEmbeddings(config.embeddings), config.embeddings.model, config.embeddings.queryBudgetMs, config.maxCachedTenants) : undefined;
  const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(config.maxCachedTenants, config.retrieval), now, dense });
  const local = new LocalProvider(analyzer);
  const timeoutMs = config.timeoutMs ?? defaults.DEFAULT_TIMEOUT_MS;
  const breakerOptions = {
    failureThreshold: config.breaker?.failureThreshold ?? defaults.DEFAULT_FAILURE_THRESHOLD,
    cooldownMs: config.breaker?.cooldownMs ?? defaults.DEFAULT_COOLDOWN_MS,
    now: () => now().getTime(),
  };
  const chain: ChainEntry[] = config.providers
    .filter((p) => p.kind !== 'local')
    .map((p) => ({ provider: build(p, analyzer, local, timeoutMs), breaker: new CircuitBreaker(breakerOptions) }));
  chain.push({ provider: local });

  async function respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult> {
    input.signal?.throwIfAborted();
    await dense?.prepare(input);
    // A manipulation attempt never reaches a model: the local refusal is built from templates only.
    if (analyzer.analyze(input).injection) return local.respond(input, onToken);
    let streamed = '';
    const sink = (piece: string): void => {
      streamed += piece;
      onToken?.(piece);
    };
    const failed: string[] = [];
    for (const { provider, breaker } of chain) {
      if (breaker && !breaker.tryAcquire()) continue;
      const prefix = streamed;
      const started = performance.now();
      try {
        const result = await provider.respond(input, sink);
        config.onProviderCall?.(provider.name, performance.now() - started, 'ok');
        breaker?.success();
        if (failed.length === 0) return result;
        return Object.assign({}, result, { answer: prefix + result.answer, provider: [...failed, result.provider].join(defaults.FALLBACK_MARK) });
      } catch (error) {
        config.onProviderCall?.(provider.name, performance.now() - started, 'error');
        if (input.signal?.aborted) {
          breaker?.release();
          throw input.signal.reason ?? error;
        }
        if (!breaker) throw error;
        breaker.failure();
        failed.push(provider.name);
        config.onProviderError?.(provider.name, error);
        if (streamed.length > 0) sink(MID_STREAM_SEPARATOR);
      }
    }
    throw new Error('no provider answered');
  }

  return {
    name: 'engine',
    providers: chain.map((e) => e.provider.name),
    breakerState: (name) => chain.find((e) => e.provider.name === name)?.breaker?.state ?? (name === 'local' ? 'closed' : undefined),
    respond,
    prepare: (snapshot, message, language) => analyzer.prepare(snapshot, message, language),
    sessionTools: (snapshot, sessionId) => sessionTools(analyzer, snapshot, sessionId),
  };
}
