import type { Channel, TenantSnapshot } from '@vocalia/contracts';
import type { ConversationProvider } from '@vocalia/agent';
import type { Logger } from '@vocalia/service-kit';
import type { EventPublisher } from '../events/event-publisher';
import type { Session, SessionState, SessionStore } from '../sessions/session-store';
import { boundedLead } from './lead-score';
import { publishTurnEvents, type TurnOutcome } from './turn-events';

export interface TurnDeps {
  /** Absent where only speech models answer (browser voice's speech-to-speech path): `respond` then refuses. */
  engine?: ConversationProvider;
  sessions: SessionStore;
  events: EventPublisher;
  logger: Logger;
}

/** Who said what, where: the part of a turn every channel knows before the answer. */
export interface TurnScope {
  /** The snapshot as the answering agent sees it. */
  snapshot: TenantSnapshot;
  sessionId: string;
  channel: Channel;
  /** The page's origin for the widget; null on the phone and for server-to-server calls. */
  origin: string | null;
  requestId: string;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Redis trouble costs the caller this turn's memory, never the answer; never rejects. */
export async function loadSessionOrEmpty(deps: Pick<TurnDeps, 'sessions' | 'logger'>, tenantId: string, sessionId: string): Promise<Session> {
  try {
    return await deps.sessions.load(tenantId, sessionId);
  } catch (err) {
    deps.logger.warn('session history unavailable; answering without it', { sessionId, error: errorText(err) });
    return { history: [], state: { qualified: false, turns: 0 } };
  }
}

/** After the answer: lead bounded and qualified once per session, history write sent, events queued once the answer has left. */
export async function closeTurn(deps: TurnDeps, scope: TurnScope, userText: string, state: SessionState, raw: TurnOutcome, started: number): Promise<TurnOutcome & { leadQualified: boolean }> {
  const { snapshot, sessionId } = scope;
  const { lead, adjusted } = boundedLead(raw.lead);
  if (adjusted) deps.logger.warn('engine lead score outside the contract; bounded', { provider: raw.provider, lead: raw.lead });
  const result = Object.assign({}, raw, { lead });
  const scoring = snapshot.tenant.features.includes('lead_scoring');
  const leadQualified = scoring && !state.qualified && result.lead.score >= snapshot.tenant.leadThreshold;
  const next: SessionState = { lead: result.lead, qualified: state.qualified || leadQualified, turns: state.turns + 1 };
  const exchange = [
    { role: 'user' as const, text: userText, language: result.language },
    { role: 'assistant' as const, text: result.answer, language: result.language },
  ];
  // Sent, not awaited: the write is on the connection before the answer leaves, and Redis serves one
  // connection in order, so this process's next read of the session comes after it.
  void deps.sessions.save(snapshot.tenant.id, sessionId, exchange, next).catch((err: unknown) => {
    deps.logger.warn('session history not saved', { sessionId, error: errorText(err) });
  });
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  // Checked, queued and logged once the answer has left, in the same Redis write as they were before.
  deps.events.publishLater(() => {
    const { requestId, channel, origin } = scope;
    publishTurnEvents(deps.events, { snapshot, requestId, sessionId, channel, origin, userText, result, latencyMs, firstTurn: state.turns === 0, leadQualified });
    deps.logger.info('turn answered', { sessionId, channel: scope.channel, agentId: snapshot.agent?.id, intent: result.intent, provider: result.provider, leadScore: result.lead.score, leadQualified, latencyMs });
  });
  return Object.assign({}, result, { leadQualified });
}
