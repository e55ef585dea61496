export type { ConversationProvider, EngineInput, EngineResult, HistoryTurn, TokenSink } from './engine';

export { createEngine, type Engine } from './engine/create-engine';
export type { FunctionSpec, SessionTools, ToolTurn } from './engine/session-tools';
export { parseToolArgs, type ToolOutcome } from './providers/run-tool';
export { engineConfigFromEnv, embeddingsConfig, EmbeddingsEnv, DEFAULT_BASE_URLS, DEFAULT_MODELS } from './engine/config-from-env';
export { EngineEnv, historyOptions, llmEnv } from './engine/engine-env';
export {
  parseProviderLabel,
  DEFAULT_COOLDOWN_MS,
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_TIMEOUT_MS,
  FALLBACK_MARK,
  type EngineConfig,
  type ProviderConfig,
  type RemoteProviderConfig,
} from './engine/engine-config';
export { CircuitBreaker, type BreakerOptions, type BreakerState } from './engine/circuit-breaker';

export { PERSONAS, PERSONA_IDS, Persona, PersonaId, ToolName, TOOL_NAMES, getPersona, resolvePersona, type Localized } from './personas';
export { REPLIES, type ReplyTemplates } from './personas/replies';

export { LocalProvider } from './local/local-provider';
export { OpenAICompatibleProvider, type OpenAICompatibleConfig } from './providers/openai-compatible-provider';
export { GeminiProvider, type GeminiConfig } from './providers/gemini-provider';
export { ProviderTimeoutError } from './providers/call-deadline';
export { EmptyAnswerError } from './providers/finish-remote-turn';
export { TOOL_SPECS, type ToolSpec } from './providers/tool-specs';
export { buildSystemPrompt, SECURITY_RULES, WHOLE_KNOWLEDGE_MAX_CHARS } from './providers/system-prompt';
export { spokenSessionInstructions } from './providers/spoken-instructions';

export { TurnAnalyzer, type PreparedMessage, type TurnAnalysis, type TurnAnalyzerDeps } from './turn/analyze-turn';
export { TenantIndexCache, buildTenantIndex, type RetrievalMode, type TenantIndex } from './retrieval/tenant-index';
export { knowledgeQuery } from './retrieval/knowledge-query';
export { DenseRanking } from './retrieval/dense-ranking';
export { openAiEmbeddings, chunkEmbeddingInput, type Embed, type EmbeddingsConfig } from './retrieval/embeddings-client';
export { encodeEmbedding, decodeEmbedding } from './retrieval/embedding-codec';
export { searchKnowledge, searchCatalog, MIN_COVERAGE, type KnowledgeHit, type KnowledgeRetrieval } from './retrieval/search';

export { detectLanguage, type LanguageGuess } from './language/detect-language';
export { detectIntent, type IntentAnalysis } from './intent/detect-intent';
export { scoreLead, EMPTY_LEAD, type LeadSignals } from './lead/score-lead';
export { extractContact } from './extract/contact';
export { captureBooking, type BookingCapture } from './extract/booking';
export { parseDate, parseTime, localToday, type CalendarDay } from './extract/dates';
export { isPromptInjection, scoreInjection, INJECTION_THRESHOLD, type InjectionScore } from './safety/injection';
export { splitInstructions, type SplitInstructions } from './safety/private-notes';
export { analyzeText } from './text/analyze';
export { foldText } from './text/fold';
