import type { Language, RespondResponse } from '@vocalia/contracts';
import type { PreparedMessage, TokenSink } from '@vocalia/agent';
import type { Session } from '../sessions/session-store';
import { withChosenAgent } from '../snapshots/chosen-agent';
import { closeTurn, loadSessionOrEmpty, type TurnDeps, type TurnScope } from './close-turn';

export interface TurnRequest extends TurnScope {
  text: string;
  /** The caller's chosen language; when absent the engine detects it. */
  language?: Language;
  /** One of the tenant's agents; unknown or absent: the default agent. */
  agentId?: string;
  /** What the channel knows about the page or call (page URL, title...), passed to the engine. */
  context?: Record<string, string | number | boolean | undefined>;
  /** The session, when the caller started loading it early (e.g. beside a quota check); loaded here otherwise. */
  session?: Promise<Session>;
  /** The message's own analysis, when the caller had it worked out while the session was read (`ConversationRuntime.prepare`). */
  prepared?: PreparedMessage;
  signal?: AbortSignal;
}

const definedOnly = (context: TurnRequest['context']): Record<string, string | number | boolean> | undefined =>
  context && (Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>);

/** One message in any channel: history in, engine, history and lead out, events queued. */
export async function answerTurn(deps: TurnDeps, turn: TurnRequest, onToken?: TokenSink): Promise<RespondResponse> {
  if (!deps.engine) throw new Error('this conversation runtime has no engine: pass one to composeConversation to answer text turns');
  const started = performance.now();
  const snapshot = withChosenAgent(turn.snapshot, turn.agentId);
  const { history, state } = await (turn.session ?? loadSessionOrEmpty(deps, snapshot.tenant.id, turn.sessionId));
  const raw = await deps.engine.respond(
    { snapshot, sessionId: turn.sessionId, message: turn.text, language: turn.language, history, lead: state.lead, context: definedOnly(turn.context), signal: turn.signal, prepared: turn.prepared },
    onToken,
  );
  const scope = { snapshot, sessionId: turn.sessionId, channel: turn.channel, origin: turn.origin, requestId: turn.requestId };
  const result = await closeTurn(deps, scope, turn.text, state, raw, started);
  return {
    answer: result.answer,
    language: result.language,
    intent: result.intent,
    lead: result.lead,
    actions: raw.actions,
    sources: raw.sources,
    provider: result.provider,
    sessionId: turn.sessionId,
  };
}
