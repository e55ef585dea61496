import type { Bant, LeadScore } from '@vocalia/contracts';
import { foldText } from '../text/fold';
import * as cue from './bant-cues';

const AXIS_MAX = 25;

export interface LeadSignals {
  /** The visitor asked for a price at some point (a weak budget signal). */
  askedPrice: boolean;
  /** The visitor asked to book (a need signal). */
  booking: boolean;
}

export const EMPTY_LEAD: LeadScore = { score: 0, bant: { budget: 0, authority: 0, need: 0, timeline: 0 } };

function countMatches(re: RegExp, texts: readonly string[]): number {
  return texts.reduce((n, t) => n + (re.test(t) ? 1 : 0), 0);
}

function budget(texts: readonly string[], signals: LeadSignals): number {
  if (texts.some((t) => cue.AMOUNT.test(t) || cue.BUDGET_NUMBER.test(t))) return 25;
  let b = 0;
  if (texts.some((t) => cue.BUDGET_WORD.test(t))) b += 15;
  if (texts.some((t) => cue.FINANCING.test(t))) b += 10;
  if (signals.askedPrice) b += 5;
  return b;
}

function authority(texts: readonly string[]): number {
  if (texts.some((t) => cue.AUTHORITY_ROLE.test(t) || cue.AUTHORITY_DECIDES.test(t))) return 25;
  return texts.some((t) => cue.AUTHORITY_ORG.test(t)) ? 12 : 0;
}

function need(texts: readonly string[], signals: LeadSignals): number {
  return 12 * Math.min(2, countMatches(cue.NEED_STATEMENT, texts)) + 13 * Math.min(1, countMatches(cue.NEED_PROBLEM, texts)) + (signals.booking ? 10 : 0);
}

function timeline(texts: readonly string[]): number {
  if (texts.some((t) => cue.TIMELINE_NOW.test(t))) return 25;
  if (texts.some((t) => cue.TIMELINE_TOMORROW.test(t) || cue.TIMELINE_SPANISH_TOMORROW.test(t))) return 22;
  if (texts.some((t) => cue.TIMELINE_WEEK.test(t))) return 15;
  if (texts.some((t) => cue.EXPLICIT_DATE.test(t))) return 12;
  return texts.some((t) => cue.TIMELINE_LATER.test(t)) ? 10 : 0;
}

/**
 * BANT from everything the visitor said this session (oldest first), each axis 0..25, never below
 * the previous score of the session: a lead does not cool down because the history was trimmed.
 */
export function scoreLead(userTexts: readonly string[], previous: LeadScore | undefined, signals: LeadSignals): LeadScore {
  const texts = userTexts.map(foldText);
  const prev = previous?.bant ?? EMPTY_LEAD.bant;
  const axis = (now: number, before: number): number => Math.min(AXIS_MAX, Math.max(now, before));
  const bant: Bant = {
    budget: axis(budget(texts, signals), prev.budget),
    authority: axis(authority(texts), prev.authority),
    need: axis(need(texts, signals), prev.need),
    timeline: axis(timeline(texts), prev.timeline),
  };
  const sum = bant.budget + bant.authority + bant.need + bant.timeline;
  return { score: Math.min(100, Math.max(sum, previous?.score ?? 0)), bant };
}
