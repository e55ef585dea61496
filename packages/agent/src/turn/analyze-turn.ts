import type { CatalogItemSnapshot, Contact, Feature, Language, LeadScore } from '@vocalia/contracts';
import type { EngineInput } from '../engine';
import { captureBooking, type BookingCapture } from '../extract/booking';
import { extractContact } from '../extract/contact';
import { localToday, parseDate, parseTime, type CalendarDay } from '../extract/dates';
import { detectIntent, type Intent, type IntentAnalysis } from '../intent/detect-intent';
import { askedForBookingDetails, intentOfAffirmation, isAffirmation } from '../intent/follow-up';
import { detectLanguage } from '../language/detect-language';
import { scoreLead } from '../lead/score-lead';
import { resolvePersona, type Persona } from '../personas';
import { isPromptInjection } from '../safety/injection';
import { buildQueryGroups } from '../retrieval/query-groups';
import { searchCatalog, searchKnowledge, type KnowledgeRetrieval } from '../retrieval/search';
import type { TenantIndex, TenantIndexCache } from '../retrieval/tenant-index';

/** Everything the providers need to know about one turn, computed once and shared by all of them. */
export interface TurnAnalysis {
  input: EngineInput;
  persona: Persona;
  features: ReadonlySet<Feature>;
  index: TenantIndex;
  /** The reply language: the visitor's choice when given, else the message's detected language. */
  language: Language;
  messageLanguage: Language;
  intent: Intent;
  intentAnalysis: IntentAnalysis;
  /** A bare "ok"/"yes" that answers no question of ours. */
  acknowledgement: boolean;
  injection: boolean;
  knowledge: KnowledgeRetrieval;
  products: CatalogItemSnapshot[];
  lead: LeadScore;
  contact?: Contact;
  /** Present while the visitor is booking (asked this turn, or asked before and is now giving details). */
  booking?: BookingCapture;
  today: CalendarDay;
}

export interface TurnAnalyzerDeps {
  indexes: TenantIndexCache;
  now: () => Date;
}

const CATALOG_INTENTS: ReadonlySet<Intent> = new Set(['product_search', 'pricing', 'question']);

function givesBookingDetails(text: string, today: CalendarDay): boolean {
  return Boolean(parseDate(text, today) || parseTime(text) || extractContact([text]));
}

export class TurnAnalyzer {
  private readonly memo = new WeakMap<EngineInput, TurnAnalysis>();

  constructor(private readonly deps: TurnAnalyzerDeps) {}

  /** Analyses a turn; the same input object is analysed once, however many providers ask. */
  analyze(input: EngineInput): TurnAnalysis {
    const cached = this.memo.get(input);
    if (cached) return cached;
    const analysis = this.compute(input);
    this.memo.set(input, analysis);
    return analysis;
  }

  private compute(input: EngineInput): TurnAnalysis {
    const { snapshot } = input;
    const userTurns = input.history.filter((t) => t.role === 'user');
    const fallback = userTurns.at(-1)?.language ?? snapshot.tenant.defaultLanguage;
    const messageLanguage = detectLanguage(input.message, fallback).language;
    const language = input.language ?? messageLanguage;
    const intentAnalysis = detectIntent(input.message, messageLanguage);
    const index = this.deps.indexes.get(snapshot);
    const features = new Set(snapshot.tenant.features);
    const today = localToday(this.deps.now(), snapshot.tenant.timezone);
    const texts = [...userTurns.map((t) => t.text), input.message];
    const contact = extractContact(texts);
    const pastIntents = userTurns.map((t) => detectIntent(t.text, t.language).intent);
    const persona = resolvePersona(snapshot);
    let intent = intentAnalysis.intent;
    const affirmation = intent === 'question' && isAffirmation(intentAnalysis.tokens);
    const answered = affirmation ? intentOfAffirmation(input, persona) : undefined;
    if (answered) intent = answered;
    const booked = pastIntents.includes('booking') || askedForBookingDetails(input);
    const continuing = booked && intent === 'question' && givesBookingDetails(input.message, today);
    if (continuing) intent = 'booking';
    const booking = intent === 'booking' ? captureBooking(texts, contact, today) : undefined;
    const wantsCatalog = features.has('product_catalog') && CATALOG_INTENTS.has(intent);
    return {
      input,
      persona,
      features,
      index,
      language,
      messageLanguage,
      intent,
      intentAnalysis,
      acknowledgement: affirmation && !answered,
      injection: isPromptInjection(input.message),
      knowledge: searchKnowledge(index, buildQueryGroups(intentAnalysis, messageLanguage), language),
      products: wantsCatalog ? searchCatalog(index, intentAnalysis) : [],
      lead: scoreLead(texts, input.lead, {
        askedPrice: intent === 'pricing' || pastIntents.includes('pricing'),
        booking: intent === 'booking' || pastIntents.includes('booking'),
      }),
      contact,
      booking,
      today,
    };
  }
}
