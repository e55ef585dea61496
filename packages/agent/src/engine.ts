import type { AnswerKind, BookingRequest, Contact, Language, LeadScore, RespondAction, TenantSnapshot } from '@vocalia/contracts';
import type { PreparedMessage } from './turn/analyze-turn';

/** One past exchange in a session, oldest first (kept in Redis by voice-api, bounded). */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
  language: Language;
}

export interface EngineInput {
  snapshot: TenantSnapshot;
  sessionId: string;
  message: string;
  /** The visitor's chosen language; when absent the engine detects it from the message. */
  language?: Language;
  history: HistoryTurn[];
  /** The session's lead score so far; the engine returns the updated one. */
  lead?: LeadScore;
  context?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
  /** The message's own analysis, from `Engine.prepare` while the history was read; used when the history would not change it. */
  prepared?: PreparedMessage;
}

export interface EngineResult {
  answer: string;
  language: Language;
  intent: string;
  lead: LeadScore;
  actions: RespondAction[];
  sources: { documentId: string; title: string; score: number }[];
  provider: string;
  contact?: Contact;
  booking?: BookingRequest;
  /** Handed over to a person this turn (`handsOver`): a person only offered is not. */
  handoff: boolean;
  /** Grounded in the knowledge base or catalog, the honest "I don't know", a hand-off, or neither (analytics' answer rate). */
  answerKind: AnswerKind;
}

/** Called with each piece of the answer as it is produced (streaming). */
export type TokenSink = (text: string) => void;

/** A model provider: `local` (embedded, no key), an OpenAI-compatible API, or Gemini. */
export interface ConversationProvider {
  readonly name: string;
  respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult>;
  /** The message's own analysis ahead of its turn (see `EngineInput.prepared`); absent where a provider has none. */
  prepare?(snapshot: TenantSnapshot, message: string, language?: Language): PreparedMessage;
}
