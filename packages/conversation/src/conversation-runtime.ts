import type { RespondResponse } from '@vocalia/contracts';
import type { PreparedMessage, TokenSink } from '@vocalia/agent';
import type { EventPublisher } from './events/event-publisher';
import type { Session } from './sessions/session-store';
import type { SnapshotStore } from './snapshots/snapshot-store';
import { answerTurn, type TurnRequest } from './turn/answer-turn';
import { loadSessionOrEmpty, type TurnDeps } from './turn/close-turn';
import { recordSpokenTurn, type SpokenTurn } from './turn/record-spoken-turn';
import { publishUsage, type UsageRecord } from './turn/turn-events';

export interface ConversationRuntimeDeps extends TurnDeps {
  snapshots: SnapshotStore;
}

/** The turn runtime every channel shares: the widget chat, the phone and browser voice. */
export interface ConversationRuntime {
  /** Tenant snapshots (cached, dropped on `tenant-updated`): the caller resolves and authorizes the tenant before a turn. */
  readonly snapshots: SnapshotStore;
  readonly events: EventPublisher;
  /** The session's history and lead state; empty (and logged) when Redis cannot say. Never rejects. */
  loadSession(tenantId: string, sessionId: string): Promise<Session>;
  /**
   * The message's own analysis, to work out while its session is read (undefined where the engine has
   * none); pass it as the turn's `prepared`. The turn's answer is the same with or without it.
   */
  prepare(turn: Pick<TurnRequest, 'snapshot' | 'text' | 'language'>): PreparedMessage | undefined;
  /** One message through the engine; `onToken` receives the answer as it is written. */
  respond(turn: TurnRequest, onToken?: TokenSink): Promise<RespondResponse>;
  /** A turn a speech-to-speech model answered: stored like an engine turn. */
  recordSpokenTurn(turn: SpokenTurn): Promise<void>;
  /** Billable quantities beyond turns (voice or telephony seconds); never throws, never blocks. */
  recordUsage(usage: UsageRecord): void;
}

export function createConversationRuntime(deps: ConversationRuntimeDeps): ConversationRuntime {
  return {
    snapshots: deps.snapshots,
    events: deps.events,
    loadSession: (tenantId, sessionId) => loadSessionOrEmpty(deps, tenantId, sessionId),
    prepare: (turn) => deps.engine?.prepare?.(turn.snapshot, turn.text, turn.language),
    respond: (turn, onToken) => answerTurn(deps, turn, onToken),
    recordSpokenTurn: (turn) => recordSpokenTurn(deps, turn),
    recordUsage: (usage) => publishUsage(deps.events, usage),
  };
}
