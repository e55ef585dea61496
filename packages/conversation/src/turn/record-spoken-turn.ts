import type { BookingRequest, Language } from '@vocalia/contracts';
import { detectIntent, EMPTY_LEAD } from '@vocalia/agent';
import { closeTurn, loadSessionOrEmpty, type TurnDeps, type TurnScope } from './close-turn';

/** A turn a speech-to-speech model answered by itself: the engine did not run, the transcript is all there is. */
export interface SpokenTurn extends TurnScope {
  userText: string;
  assistantText: string;
  language: Language;
  /** The model that spoke, e.g. `realtime:gpt-realtime`. */
  provider: string;
  /** When the caller started speaking (performance.now()), for the turn's latency. */
  startedAt: number;
  /** What the model's tool calls produced this turn (a booking request, a hand-off). */
  booking?: BookingRequest;
  handoff?: boolean;
}

/** The same history, lead and events as an engine turn, so the conversation reads the same whichever path answered. */
export async function recordSpokenTurn(deps: TurnDeps, turn: SpokenTurn): Promise<void> {
  const { state } = await loadSessionOrEmpty(deps, turn.snapshot.tenant.id, turn.sessionId);
  const outcome = {
    answer: turn.assistantText,
    language: turn.language,
    intent: detectIntent(turn.userText, turn.language).intent,
    lead: state.lead ?? EMPTY_LEAD,
    provider: turn.provider,
    handoff: turn.handoff ?? false,
    ...(turn.booking ? { booking: turn.booking } : {}),
  };
  await closeTurn(deps, turn, turn.userText, state, outcome, turn.startedAt);
}
