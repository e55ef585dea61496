import { handsOver, type AnswerKind, type RespondAction } from '@vocalia/contracts';
import { isQuestion } from '../intent/question-form';
import type { EngineResult } from '../engine';
import type { TurnAnalysis } from './analyze-turn';

export interface ResultParts {
  answer: string;
  actions: RespondAction[];
  sources: EngineResult['sources'];
  provider: string;
  intent?: string;
  /** Set by the local provider, which knows which reply it chose; inferred for a model's answer. */
  answerKind?: AnswerKind;
}

/**
 * A model's answer: grounded when the tenant's passages or catalog were given to it, a hand-off when
 * it handed off, "unknown" for a question it had nothing of the tenant's to answer from.
 */
function inferAnswerKind(a: TurnAnalysis, parts: ResultParts): AnswerKind {
  if (parts.intent === 'prompt_injection') return 'other';
  if (parts.sources.length > 0 || parts.actions.some((x) => x.type === 'products')) return 'grounded';
  if (handsOver(parts.actions)) return 'handoff';
  return isQuestion(a.input.message) && !SMALL_TALK.has(a.intent) ? 'unknown' : 'other';
}

const SMALL_TALK = new Set(['greeting', 'goodbye', 'booking']);

/**
 * The engine result for an analysed turn: the lead score is always the local scorer's, and the booking
 * is the one recorded this turn (its action sent), never the details gathered while some are missing or
 * when the tenant cannot take bookings: each recorded booking is one row and one `booking.requested`.
 */
export function toResult(a: TurnAnalysis, parts: ResultParts): EngineResult {
  const bookingAction = parts.actions.find((x) => x.type === 'booking');
  const booking = bookingAction?.type === 'booking' ? bookingAction.booking : undefined;
  const result: EngineResult = {
    answer: parts.answer,
    language: a.language,
    intent: parts.intent ?? a.intent,
    lead: a.lead,
    actions: parts.actions,
    sources: parts.sources,
    provider: parts.provider,
    handoff: handsOver(parts.actions),
    answerKind: parts.answerKind ?? inferAnswerKind(a, parts),
  };
  if (a.contact) result.contact = a.contact;
  if (booking) result.booking = booking;
  return result;
}
