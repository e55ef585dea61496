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

/** Which BANT cues one visitor message (folded) contains: a pure function of the text. */
export interface LeadCues {
  amount: boolean;
  budgetWord: boolean;
  financing: boolean;
  authorityRole: boolean;
  authorityOrg: boolean;
  needStatement: boolean;
  needProblem: boolean;
  timelineNow: boolean;
  timelineTomorrow: boolean;
  timelineWeek: boolean;
  explicitDate: boolean;
  timelineLater: boolean;
}

/** The BANT cues of one message, as said (it is folded here). */
export function leadCues(text: string): LeadCues {
  const t = foldText(text);
  return {
    amount: cue.AMOUNT.test(t) || cue.BUDGET_NUMBER.test(t),
    budgetWord: cue.BUDGET_WORD.test(t),
    financing: cue.FINANCING.test(t),
    authorityRole: cue.AUTHORITY_ROLE.test(t) || cue.AUTHORITY_DECIDES.test(t),
    authorityOrg: cue.AUTHORITY_ORG.test(t),
    needStatement: cue.NEED_STATEMENT.test(t),
    needProblem: cue.NEED_PROBLEM.test(t),
    timelineNow: cue.TIMELINE_NOW.test(t),
    timelineTomorrow: cue.TIMELINE_TOMORROW.test(t) || cue.TIMELINE_SPANISH_TOMORROW.test(t),
    timelineWeek: cue.TIMELINE_WEEK.test(t),
    explicitDate: cue.EXPLICIT_DATE.test(t),
    timelineLater: cue.TIMELINE_LATER.test(t),
  };
}

type Cues = readonly LeadCues[];

const count = (cues: Cues, key: keyof LeadCues): number => cues.reduce((n, c) => n + (c[key] ? 1 : 0), 0);
const any = (cues: Cues, key: keyof LeadCues): boolean => cues.some((c) => c[key]);

function budget(cues: Cues, signals: LeadSignals): number {
  if (any(cues, 'amount')) return 25;
  let b = 0;
  if (any(cues, 'budgetWord')) b += 15;
  if (any(cues, 'financing')) b += 10;
  if (signals.askedPrice) b += 5;
  return b;
}

function authority(cues: Cues): number {
  if (any(cues, 'authorityRole')) return 25;
  return any(cues, 'authorityOrg') ? 12 : 0;
}

function need(cues: Cues, signals: LeadSignals): number {
  return 12 * Math.min(2, count(cues, 'needStatement')) + 13 * Math.min(1, count(cues, 'needProblem')) + (signals.booking ? 10 : 0);
}

function timeline(cues: Cues): number {
  if (any(cues, 'timelineNow')) return 25;
  if (any(cues, 'timelineTomorrow')) return 22;
  if (any(cues, 'timelineWeek')) return 15;
  if (any(cues, 'explicitDate')) return 12;
  return any(cues, 'timelineLater') ? 10 : 0;
}

/**
 * BANT from everything the visitor said this session (oldest first), each axis 0..25, never below
 * the previous score of the session: a lead does not cool down because the history was trimmed.
 */
export function scoreLead(userTexts: readonly string[], previous: LeadScore | undefined, signals: LeadSignals): LeadScore {
  return scoreLeadCues(userTexts.map(leadCues), previous, signals);
}

/** `scoreLead` from each message's cues (oldest first), for callers that keep the cues of past messages. */
export function scoreLeadCues(cues: readonly LeadCues[], previous: LeadScore | undefined, signals: LeadSignals): LeadScore {
  const prev = previous?.bant ?? EMPTY_LEAD.bant;
  const axis = (now: number, before: number): number => Math.min(AXIS_MAX, Math.max(now, before));
  const bant: Bant = {
    budget: axis(budget(cues, signals), prev.budget),
    authority: axis(authority(cues), prev.authority),
    need: axis(need(cues, signals), prev.need),
    timeline: axis(timeline(cues), prev.timeline),
  };
  const sum = bant.budget + bant.authority + bant.need + bant.timeline;
  return { score: Math.min(100, Math.max(sum, previous?.score ?? 0)), bant };
}
