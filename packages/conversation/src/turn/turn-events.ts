import { createHash, randomUUID } from 'node:crypto';
import type { Channel, TenantSnapshot, UsageKind } from '@vocalia/contracts';
import type { EngineResult } from '@vocalia/agent';
import type { EventPublisher } from '../events/event-publisher';

/** What a turn produced, whether the engine wrote the answer or a speech model spoke it. */
/** A speech-to-speech model's turn has no answerKind: the engine did not choose its answer. */
export type TurnOutcome = Pick<EngineResult, 'answer' | 'language' | 'intent' | 'lead' | 'provider' | 'contact' | 'booking' | 'handoff'> & Partial<Pick<EngineResult, 'answerKind'>>;

export interface CompletedTurn {
  snapshot: TenantSnapshot;
  requestId: string;
  sessionId: string;
  channel: Channel;
  origin: string | null;
  userText: string;
  result: TurnOutcome;
  latencyMs: number;
  firstTurn: boolean;
  leadQualified: boolean;
}

export interface UsageRecord {
  tenantId: string;
  requestId: string;
  /** Deterministic per thing counted (a call, a voice session), so a re-sent event is counted once. */
  eventId: string;
  kind: UsageKind;
  quantity: number;
}

/** One id per session, so a re-sent "conversation started" usage event is deduplicated downstream. */
export function conversationEventId(tenantId: string, sessionId: string): string {
  return `conv-${createHash('sha256').update(`${tenantId}\n${sessionId}`).digest('hex').slice(0, 40)}`;
}

export function publishUsage(events: EventPublisher, usage: UsageRecord): void {
  const { tenantId, requestId, eventId, kind, quantity } = usage;
  events.publish('usage-events', { v: 1, tenantId, requestId, at: new Date().toISOString(), eventId, kind, quantity });
}

/**
 * Each turn: one `conversation-events` job (db-api stores it and emits `lead.qualified` when flagged),
 * usage `api_call` x1 per turn, and usage `conversation` x1 on the first turn of a session.
 */
export function publishTurnEvents(events: EventPublisher, turn: CompletedTurn): string {
  const tenantId = turn.snapshot.tenant.id;
  const turnId = randomUUID();
  const requestId = turn.requestId;
  const at = new Date().toISOString();
  const eventId = `turn-${turnId}`;
  const { result } = turn;
  // Each payload is written out whole: on Node 20, properties added after a spread cost about 1.4 µs each.
  events.publish('conversation-events', {
    v: 1,
    tenantId,
    requestId,
    at,
    eventId,
    type: 'turn.completed',
    sessionId: turn.sessionId,
    channel: turn.channel,
    agentId: turn.snapshot.agent?.id,
    origin: turn.origin ?? undefined,
    language: result.language,
    intent: result.intent,
    userText: turn.userText,
    assistantText: result.answer,
    provider: result.provider,
    latencyMs: turn.latencyMs,
    lead: result.lead,
    contact: result.contact,
    booking: result.booking,
    handoff: result.handoff,
    answerKind: result.answerKind,
    leadQualified: turn.leadQualified,
  });
  events.publish('usage-events', { v: 1, tenantId, requestId, at, eventId: `call-${turnId}`, kind: 'api_call', quantity: 1 });
  if (turn.firstTurn) {
    events.publish('usage-events', { v: 1, tenantId, requestId, at, eventId: conversationEventId(tenantId, turn.sessionId), kind: 'conversation', quantity: 1 });
  }
  return eventId;
}
