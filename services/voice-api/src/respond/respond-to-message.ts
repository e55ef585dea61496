import type { Channel, RespondRequest, RespondResponse, TenantSnapshot } from '@vocalia/contracts';
import type { ConversationProvider, TokenSink } from '@vocalia/agent';
import type { Logger } from '@vocalia/service-kit';
import type { EventPublisher } from '../events/event-publisher';
import { withChosenAgent } from '../snapshots/chosen-agent';
import { boundedLead } from './lead-score';
import { publishTurnEvents } from './turn-events';
import type { Session, SessionState, SessionStore } from './session-store';

export interface RespondDeps {
  engine: ConversationProvider;
  sessions: SessionStore;
  events: EventPublisher;
  logger: Logger;
}

export interface RespondContext {
  snapshot: TenantSnapshot;
  origin: string | null;
  requestId: string;
  channel: Channel;
  /** Started by the route while it checks the tenant's quota: one Redis round trip less on the way to the engine. */
  session: Promise<Session>;
  signal?: AbortSignal;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Redis trouble costs the visitor this turn's memory, never the answer; never rejects. */
export async function loadSessionOrEmpty(deps: RespondDeps, tenantId: string, sessionId: string): Promise<Session> {
  try {
    return await deps.sessions.load(tenantId, sessionId);
  } catch (err) {
    deps.logger.warn('session history unavailable; answering without it', { sessionId, error: errorText(err) });
    return { history: [], state: { qualified: false, turns: 0 } };
  }
}

function contextOf(input: RespondRequest): Record<string, string | number | boolean> | undefined {
  if (!input.context) return undefined;
  return Object.fromEntries(Object.entries(input.context).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>;
}

/** One visitor message: history in, engine, history and lead out, events queued. */
export async function respondToMessage(deps: RespondDeps, ctx: RespondContext, input: RespondRequest, onToken?: TokenSink): Promise<RespondResponse> {
  const started = performance.now();
  const snapshot = withChosenAgent(ctx.snapshot, input.agentId);
  const tenantId = snapshot.tenant.id;
  const { history, state } = await ctx.session;
  const raw = await deps.engine.respond(
    { snapshot, sessionId: input.sessionId, message: input.message, language: input.language, history, lead: state.lead, context: contextOf(input), signal: ctx.signal },
    onToken,
  );
  const { lead, adjusted } = boundedLead(raw.lead);
  if (adjusted) deps.logger.warn('engine lead score outside the contract; bounded', { provider: raw.provider, lead: raw.lead });
  const result = { ...raw, lead };
  const scoring = snapshot.tenant.features.includes('lead_scoring');
  const leadQualified = scoring && !state.qualified && result.lead.score >= snapshot.tenant.leadThreshold;
  const next: SessionState = { lead: result.lead, qualified: state.qualified || leadQualified, turns: state.turns + 1 };
  const exchange = [
    { role: 'user' as const, text: input.message, language: result.language },
    { role: 'assistant' as const, text: result.answer, language: result.language },
  ];
  await deps.sessions.save(tenantId, input.sessionId, exchange, next).catch((err: unknown) => {
    deps.logger.warn('session history not saved', { sessionId: input.sessionId, error: errorText(err) });
  });
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  publishTurnEvents(deps.events, { snapshot, requestId: ctx.requestId, channel: ctx.channel, origin: ctx.origin, sessionId: input.sessionId, userText: input.message, result, latencyMs, firstTurn: state.turns === 0, leadQualified });
  deps.logger.info('turn answered', { sessionId: input.sessionId, agentId: snapshot.agent?.id, intent: result.intent, provider: result.provider, leadScore: result.lead.score, leadQualified, latencyMs });
  return {
    answer: result.answer,
    language: result.language,
    intent: result.intent,
    lead: result.lead,
    actions: result.actions,
    sources: result.sources,
    provider: result.provider,
    sessionId: input.sessionId,
  };
}
