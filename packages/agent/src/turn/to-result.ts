import type { BookingRequest, RespondAction } from '@vocalia/contracts';
import type { EngineResult } from '../engine';
import type { TurnAnalysis } from './analyze-turn';

export interface ResultParts {
  answer: string;
  actions: RespondAction[];
  sources: EngineResult['sources'];
  provider: string;
  intent?: string;
  booking?: BookingRequest;
}

/** The engine result for an analysed turn: the lead score is always the local scorer's. */
export function toResult(a: TurnAnalysis, parts: ResultParts): EngineResult {
  const bookingAction = parts.actions.find((x) => x.type === 'booking');
  const booking = parts.booking ?? (bookingAction?.type === 'booking' ? bookingAction.booking : a.booking?.booking);
  const result: EngineResult = {
    answer: parts.answer,
    language: a.language,
    intent: parts.intent ?? a.intent,
    lead: a.lead,
    actions: parts.actions,
    sources: parts.sources,
    provider: parts.provider,
    handoff: parts.actions.some((x) => x.type === 'handoff'),
  };
  if (a.contact) result.contact = a.contact;
  if (booking) result.booking = booking;
  return result;
}
