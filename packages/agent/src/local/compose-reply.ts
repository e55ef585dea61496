import type { AnswerKind, BookingRequest, CatalogItemSnapshot, Language, RespondAction } from '@vocalia/contracts';
import type { BookingCapture } from '../extract/booking';
import { fill, REPLIES } from '../personas/replies';
import { asksSpokenLanguages } from '../intent/language-question';
import { announcesQuestion } from '../intent/question-announcement';
import { isQuestion } from '../intent/question-form';
import type { TurnAnalysis } from '../turn/analyze-turn';
import { bookingSummary, formatPrice, joinList } from './format';

export interface Reply {
  answer: string;
  actions: RespondAction[];
  /** Overrides the detected intent in the result (e.g. "prompt_injection"). */
  intent?: string;
  sources: { documentId: string; title: string; score: number }[];
  answerKind: AnswerKind;
}

const sentence = (...parts: (string | undefined | false)[]): string => parts.filter(Boolean).join(' ');

function vars(a: TurnAnalysis): Record<string, string> {
  const snapshot = a.input.snapshot;
  return { business: snapshot.tenant.name, staff: a.persona.staff[a.language], transfer: snapshot.agent?.transferNumber ?? '' };
}

/**
 * A hand-off action when the tenant has the feature, with the agent's transfer number when set; an
 * `offer` only asks the visitor (nothing is handed over until they accept).
 */
export function handoffAction(a: TurnAnalysis, reason: string, offer = false): RespondAction | undefined {
  if (!a.features.has('human_handoff')) return undefined;
  const transferNumber = a.input.snapshot.agent?.transferNumber;
  const action: RespondAction = transferNumber ? { type: 'handoff', reason, transferNumber } : { type: 'handoff', reason };
  if (offer) action.offer = true;
  return action;
}

/** Hand-off sentence and action; without the feature, ask for contact details instead. */
function handoff(a: TurnAnalysis, reason: string, lead?: string): Reply {
  const t = REPLIES[a.language];
  const action = handoffAction(a, reason);
  const number = a.input.snapshot.agent?.transferNumber;
  const text = action ? sentence(lead, fill(a.persona.handoff[a.language], vars(a)), number && fill(t.handoffNumber, vars(a))) : sentence(lead, fill(t.handoffUnavailable, vars(a)));
  return { answer: text, actions: action ? [action] : [], sources: [], answerKind: 'handoff' };
}

export function dontKnow(a: TurnAnalysis, lead?: string): Reply {
  const action = handoffAction(a, 'unknown_answer', true);
  const text = action ? fill(a.persona.fallback[a.language], vars(a)) : fill(REPLIES[a.language].handoffUnavailable, vars(a));
  return { answer: sentence(lead, text), actions: action ? [action] : [], sources: [], answerKind: 'unknown' };
}

function offerHuman(a: TurnAnalysis, lead: string, reason: string, answerKind: AnswerKind): Reply {
  const action = handoffAction(a, reason, true);
  const tail = action ? fill(REPLIES[a.language].offerHuman, vars(a)) : a.persona.followUp[a.language];
  return { answer: sentence(lead, tail), actions: action ? [action] : [], sources: [], answerKind };
}

/** The languages this agent answers in (its own list, else the widget's, else the tenant's language). */
function spokenLanguagesReply(a: TurnAnalysis): Reply {
  const t = REPLIES[a.language];
  const snapshot = a.input.snapshot;
  const spoken = [snapshot.agent?.languages ?? [], snapshot.widget.languages].find((list) => list.length > 0) ?? [snapshot.tenant.defaultLanguage];
  const languages = joinList(spoken.map((l) => t.languageNames[l]), t.and, a.language);
  return { answer: fill(t.spokenLanguages, { languages }), actions: [], sources: [], answerKind: 'other' };
}

/** Asked in this order, each once the visitor has told something that counts toward the lead (authority is not asked: a visitor rarely says). */
const QUALIFYING_ORDER = ['need', 'timeline', 'budget'] as const;

/** The qualifying question the agent's last answer ended with, if it asked one. */
function askedLast(a: TurnAnalysis): number {
  const last = a.input.history[a.input.history.length - 1];
  if (last?.role !== 'assistant') return -1;
  const asks = REPLIES[last.language].askNext;
  return QUALIFYING_ORDER.findIndex((d) => last.text.endsWith(asks[d]));
}

/**
 * A statement that told us about budget, authority, need or timing, or answered what we asked:
 * acknowledge it, then ask for the next of need, timing and budget still unknown (with lead scoring;
 * never the one just asked, which the visitor may not know); a qualified lead is offered a person.
 */
function notedLead(a: TurnAnalysis): Reply {
  const t = REPLIES[a.language];
  if (a.lead.score >= a.input.snapshot.tenant.leadThreshold) return offerHuman(a, t.noted, 'qualified_lead', 'other');
  const after = askedLast(a);
  const next = a.features.has('lead_scoring') ? QUALIFYING_ORDER.find((d, i) => i > after && a.lead.bant[d] === 0) : undefined;
  return { answer: sentence(t.noted, next ? t.askNext[next] : a.persona.followUp[a.language]), actions: [], sources: [], answerKind: 'other' };
}

function bookingReply(a: TurnAnalysis): Reply {
  const t = REPLIES[a.language];
  if (!a.features.has('booking')) return handoff(a, 'booking_unavailable', t.bookingUnavailable);
  const capture = a.booking!;
  if (capture.missing.length > 0) {
    const missing = joinList(capture.missing.map((m) => t.missing[m]), t.and, a.language);
    return { answer: fill(t.bookingAsk, { missing }), actions: [], sources: [], answerKind: 'other' };
  }
  const booking = bookingIn(capture, a.language);
  const summary = bookingSummary(booking, a.language);
  // "Je confirme le rendez-vous" after it was recorded: the same request is not recorded a second time.
  const recorded = a.input.history.some((h) => h.role === 'assistant' && h.text.includes(bookingSummary(bookingIn(capture, h.language), h.language)));
  if (recorded) return { answer: fill(t.bookingAlready, Object.assign(vars(a), { summary })), actions: [], sources: [], answerKind: 'other' };
  return { answer: fill(t.bookingDone, Object.assign(vars(a), { summary })), actions: [{ type: 'booking', booking }], sources: [], answerKind: 'other' };
}

/** The booking a capture records, its party size worded in `language` as its note. */
function bookingIn(capture: BookingCapture, language: Language): BookingRequest {
  const t = REPLIES[language];
  if (capture.party === undefined) return capture.booking;
  return Object.assign({}, capture.booking, { note: capture.party === 1 ? t.party.one : fill(t.party.many, { count: String(capture.party) }) });
}

function productsReply(a: TurnAnalysis, items: CatalogItemSnapshot[]): Reply {
  const t = REPLIES[a.language];
  const lines = items.map((i) => `${i.name}, ${formatPrice(i.price, i.currency, a.language)} (${i.stock > 0 ? t.inStock : t.outOfStock})`);
  const products = items.map((i) => ({ id: i.id, name: i.name, price: i.price, currency: i.currency, url: i.url, imageUrl: i.imageUrl, inStock: i.stock > 0 }));
  return { answer: sentence(t.productsFound, `${lines.join('; ')}.`), actions: [{ type: 'products', products }], sources: [], answerKind: 'grounded' };
}

function knowledgeReply(a: TurnAnalysis): Reply {
  const t = REPLIES[a.language];
  const { hit, passage } = a.knowledge.answer!;
  const other = hit.chunk.language !== a.language;
  const intro = other
    ? fill(t.introOtherLanguage, { language: t.languageNames[hit.chunk.language] })
    : a.intent === 'hours' ? t.introHours : a.intent === 'pricing' ? t.introPricing : t.intro;
  const tail = a.intent === 'order_status' ? fill(t.orderStatus, vars(a)) : a.persona.followUp[a.language];
  const source = { documentId: hit.chunk.documentId, title: hit.chunk.title, score: Math.round(hit.score * 1000) / 1000 };
  return { answer: sentence(intro, passage, tail), actions: [], sources: [source], answerKind: 'grounded' };
}

/**
 * The local provider's reply: only templates and this tenant's snapshot ever reach the text, so
 * nothing can leak that the tenant did not write.
 */
export function composeReply(a: TurnAnalysis): Reply {
  const t = REPLIES[a.language];
  const snapshot = a.input.snapshot;
  if (a.injection) return { answer: fill(t.refusal, vars(a)), actions: [], intent: 'prompt_injection', sources: [], answerKind: 'other' };
  switch (a.intent) {
    case 'handoff':
      return handoff(a, 'visitor_request');
    case 'complaint':
      return Object.assign(handoff(a, 'complaint'), { answer: fill(t.complaint, vars(a)) });
    case 'booking':
      return bookingReply(a);
    case 'greeting': {
      const greeting = snapshot.agent?.greeting[a.language] ?? snapshot.widget.greeting[a.language] ?? a.persona.greeting[a.language];
      return { answer: fill(greeting, vars(a)), actions: [], sources: [], answerKind: 'other' };
    }
    case 'goodbye':
      return { answer: fill(t.goodbye, vars(a)), actions: [], sources: [], answerKind: 'other' };
    default:
      break;
  }
  if (asksSpokenLanguages(a.intentAnalysis.tokens)) return spokenLanguagesReply(a);
  if (!a.knowledge.answer && announcesQuestion(a.intentAnalysis.tokens, a.messageLanguage, a.intentAnalysis.concepts.get('greeting')?.positions)) {
    return { answer: t.listening, actions: [], sources: [], answerKind: 'other' };
  }
  if (a.acknowledgement) return { answer: a.persona.followUp[a.language], actions: [], sources: [], answerKind: 'other' };
  if (a.products.length > 0) return productsReply(a, a.products);
  if (a.knowledge.answer) return knowledgeReply(a);
  if (a.intent === 'product_search' && a.features.has('product_catalog')) return offerHuman(a, t.productsNone, 'product_not_found', 'unknown');
  if (!isQuestion(a.input.message) && (a.lead.score > (a.input.lead?.score ?? 0) || askedLast(a) >= 0)) return notedLead(a);
  if (a.intent === 'order_status') return handoff(a, 'order_status', fill(t.orderStatus, vars(a)));
  return dontKnow(a);
}
