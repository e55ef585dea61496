import type { CatalogItemSnapshot, Contact, Feature, Intent, Language, LeadScore } from '@vocalia/contracts';
import type { EngineInput } from '../engine';
import { assembleBooking, bookingDetailsIn, type BookingCapture, type BookingDetails } from '../extract/booking';
import { contactIn, mergeContacts } from '../extract/contact';
import { isoDay, localToday, parseDate, parseTime, type CalendarDay } from '../extract/dates';
import { detectIntent, type IntentAnalysis } from '../intent/detect-intent';
import { askedForBookingDetails, intentOfAffirmation, isAffirmation } from '../intent/follow-up';
import { detectLanguage, type LanguageGuess } from '../language/detect-language';
import { leadCues, scoreLeadCues, type LeadCues } from '../lead/score-lead';
import { resolvePersona, type Persona } from '../personas';
import { isPromptInjection } from '../safety/injection';
import { TenantNames } from '../safety/tenant-names';
import type { DenseRanking } from '../retrieval/dense-ranking';
import { knowledgeQuery } from '../retrieval/knowledge-query';
import { searchCatalog, searchKnowledge, type KnowledgeRetrieval } from '../retrieval/search';
import type { TenantIndex, TenantIndexCache } from '../retrieval/tenant-index';
import { TextMemo } from './text-memo';

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

/**
 * What the message alone says (its language, intent, injection check, knowledge), worked out before
 * the session's history is known, e.g. while it is being read. A turn uses it when its history does
 * not change the outcome: same tenant index, same chosen language, and a language guess the history's
 * fallback would not have changed.
 */
export interface PreparedMessage {
  readonly index: TenantIndex;
  readonly message: string;
  readonly language: Language | undefined;
  readonly fallback: Language;
  readonly guess: LanguageGuess;
  readonly intentAnalysis: IntentAnalysis;
  readonly injection: boolean;
  /** Absent when dense retrieval is on: its ranking needs the question's embedding, fetched per turn. */
  readonly knowledge?: KnowledgeRetrieval;
}

export interface TurnAnalyzerDeps {
  indexes: TenantIndexCache;
  now: () => Date;
  /** Entries kept by each per-text memo (intent, contact, lead cues, booking details); default 2000. */
  memoCapacity?: number;
  /** The tenants this engine has served, so that no reply names another one; one per engine by default. */
  tenants?: TenantNames;
  /** Embedding similarity, fused with the lexical ranking when an embeddings endpoint is configured. */
  dense?: DenseRanking;
}

const KNOWLEDGE_HITS = 5;
const DENSE_HITS = 10;

export const DEFAULT_MEMO_CAPACITY = 2000;

const CATALOG_INTENTS: ReadonlySet<Intent> = new Set(['product_search', 'pricing', 'question']);

export class TurnAnalyzer {
  private readonly memo = new WeakMap<EngineInput, TurnAnalysis>();
  /**
   * Pure analyses of one message's text, kept because every past user turn comes back in the
   * history of each later turn. Values are frozen: callers merge them into fresh objects.
   */
  private readonly intents: TextMemo<Intent>;
  private readonly contacts: TextMemo<Readonly<Contact>>;
  private readonly cues: TextMemo<Readonly<LeadCues>>;
  private readonly bookingDetails: TextMemo<Readonly<BookingDetails>>;
  readonly tenants: TenantNames;

  constructor(private readonly deps: TurnAnalyzerDeps) {
    this.tenants = deps.tenants ?? new TenantNames();
    const capacity = deps.memoCapacity ?? DEFAULT_MEMO_CAPACITY;
    this.intents = new TextMemo(capacity);
    this.contacts = new TextMemo(capacity);
    this.cues = new TextMemo(capacity);
    this.bookingDetails = new TextMemo(capacity);
  }

  /** Analyses a turn; the same input object is analysed once, however many providers ask. */
  analyze(input: EngineInput): TurnAnalysis {
    const cached = this.memo.get(input);
    if (cached) return cached;
    const analysis = this.compute(input);
    this.memo.set(input, analysis);
    return analysis;
  }

  private intentOf(text: string, language: Language): Intent {
    return this.intents.get(text, () => detectIntent(text, language).intent, language);
  }

  private contactOf(text: string): Readonly<Contact> {
    return this.contacts.get(text, () => Object.freeze(contactIn(text)));
  }

  private cuesOf(text: string): Readonly<LeadCues> {
    return this.cues.get(text, () => Object.freeze(leadCues(text)));
  }

  private bookingDetailsOf(text: string, today: CalendarDay): Readonly<BookingDetails> {
    return this.bookingDetails.get(text, () => Object.freeze(bookingDetailsIn(text, today)), isoDay(today));
  }

  private givesBookingDetails(text: string, today: CalendarDay): boolean {
    return Boolean(parseDate(text, today) || parseTime(text) || Object.keys(this.contactOf(text)).length > 0);
  }

  /**
   * The message's own analysis, before its history is known: the fallback for its language is the
   * tenant's default (a first turn's), and a turn whose history implies another fallback only reuses
   * it when that fallback could not have changed the guess.
   */
  prepare(snapshot: EngineInput['snapshot'], message: string, language?: Language): PreparedMessage {
    return this.analyzeMessage(this.deps.indexes.get(snapshot), message, language, snapshot.tenant.defaultLanguage, !this.deps.dense);
  }

  private analyzeMessage(index: TenantIndex, message: string, language: Language | undefined, fallback: Language, withKnowledge: boolean): PreparedMessage {
    const guess = detectLanguage(message, fallback);
    const intentAnalysis = detectIntent(message, guess.language);
    // This message is a past turn from the next turn on: its intent is known already.
    this.intents.set(message, intentAnalysis.intent, guess.language);
    const replyLanguage = language ?? guess.language;
    const knowledge = withKnowledge ? searchKnowledge(index, knowledgeQuery(index.mode, message, intentAnalysis, guess.language, replyLanguage), replyLanguage, KNOWLEDGE_HITS) : undefined;
    return { index, message, language, fallback, guess, intentAnalysis, injection: isPromptInjection(message), knowledge };
  }

  private preparedFor(input: EngineInput, index: TenantIndex, fallback: Language): PreparedMessage | undefined {
    const p = input.prepared;
    if (!p || p.index !== index || p.message !== input.message || p.language !== input.language) return undefined;
    return p.fallback === fallback || !p.guess.byFallback ? p : undefined;
  }

  private compute(input: EngineInput): TurnAnalysis {
    const { snapshot } = input;
    this.tenants.remember(snapshot.tenant.id, snapshot.tenant.name);
    const userTurns = input.history.filter((t) => t.role === 'user');
    const fallback = userTurns.at(-1)?.language ?? snapshot.tenant.defaultLanguage;
    const index = this.deps.indexes.get(snapshot);
    const dense = this.deps.dense?.ranking(input, DENSE_HITS);
    const message = this.preparedFor(input, index, fallback) ?? this.analyzeMessage(index, input.message, input.language, fallback, !dense);
    const messageLanguage = message.guess.language;
    const language = input.language ?? messageLanguage;
    const { intentAnalysis } = message;
    const features = new Set(snapshot.tenant.features);
    const today = localToday(this.deps.now(), snapshot.tenant.timezone);
    const texts = [...userTurns.map((t) => t.text), input.message];
    const contact = mergeContacts(texts.map((t) => this.contactOf(t)));
    const pastIntents = userTurns.map((t) => this.intentOf(t.text, t.language));
    const persona = resolvePersona(snapshot);
    let intent = intentAnalysis.intent;
    const affirmation = intent === 'question' && isAffirmation(intentAnalysis.tokens);
    const answered = affirmation ? intentOfAffirmation(input, persona) : undefined;
    if (answered) intent = answered;
    const booked = pastIntents.includes('booking') || askedForBookingDetails(input);
    const continuing = booked && intent === 'question' && this.givesBookingDetails(input.message, today);
    if (continuing) intent = 'booking';
    const booking = intent === 'booking' ? assembleBooking(texts.map((t) => this.bookingDetailsOf(t, today)), contact) : undefined;
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
      injection: message.injection,
      knowledge: message.knowledge ?? searchKnowledge(index, knowledgeQuery(index.mode, input.message, intentAnalysis, messageLanguage, language), language, KNOWLEDGE_HITS, dense),
      products: wantsCatalog ? searchCatalog(index, intentAnalysis, messageLanguage) : [],
      lead: scoreLeadCues(texts.map((t) => this.cuesOf(t)), input.lead, {
        askedPrice: intent === 'pricing' || pastIntents.includes('pricing'),
        booking: intent === 'booking' || pastIntents.includes('booking'),
      }),
      contact,
      booking,
      today,
    };
  }
}
