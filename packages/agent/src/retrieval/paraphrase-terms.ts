import { LANGUAGES, type Language } from '@vocalia/contracts';
import { EMAIL, findPhones } from '../extract/contact';
import { CueMatcher, type CueMatch } from '../lexicon/cue-matcher';
import type { CueTable } from '../lexicon/intent-cues';
import { INTENT_CUES } from '../lexicon/intent-cues';
import { AMENITY_CUES } from '../lexicon/amenity-cues';
import { PARAPHRASE_CUES, PARAPHRASE_FILLERS } from '../lexicon/paraphrase-cues';
import { TOPIC_CUES } from '../lexicon/topic-cues';
import { termOf } from '../text/analyze';
import { consonantSkeleton } from '../text/consonant-skeleton';
import { foldText, isArabicScript, wordTokens } from '../text/fold';
import { stemArabic, stemLatin } from '../text/stem';
import type { QueryGroup } from './bm25';

type Tables = Record<string, CueTable>;

/** Each concept's cues from the intent, topic and paraphrase tables, joined per language. */
function mergeTables(...tables: Tables[]): Tables {
  const merged: Tables = {};
  for (const table of tables) {
    for (const [concept, cues] of Object.entries(table)) {
      const into = (merged[concept] ??= {});
      for (const language of LANGUAGES) {
        const more = cues[language];
        if (more) into[language] = into[language] ? `${into[language]}|${more}` : more;
      }
    }
  }
  return merged;
}

const { hours, pricing, order_status, quantity } = INTENT_CUES;
const matcher = new CueMatcher<string>(mergeTables({ hours, pricing, order_status, quantity }, TOPIC_CUES, PARAPHRASE_CUES, AMENITY_CUES));

/** Concepts that only take their words ("combien de" takes "combien" from price): no text is about them. */
const WORD_TAKERS: ReadonlySet<string> = new Set(['quantity']);

/** Concepts nearly every business writes about: with another concept or word beside them, they are not the question's point. */
const BROAD_CONCEPTS: ReadonlySet<string> = new Set(['pricing', 'hours', 'location', 'contact', 'payment']);
const BROAD_WEIGHT = 0.5;

/** Stems of the filler words, in every language's stemming (a Darija question may use a French word). */
const FILLERS: ReadonlySet<string> = new Set(
  Object.entries(PARAPHRASE_FILLERS).flatMap(([list, words]) =>
    wordTokens(foldText(words)).flatMap((w) => (list === 'arabic' || list === 'arabizi' ? [stemArabic(w), w] : LANGUAGES.map((l) => stemLatin(w, l)))),
  ),
);

/**
 * Concepts whose short cues hide inside other phrases ("شحال" in "حتى لشحال", until when; "midi" in
 * "après-midi"; "car" in "car park"; "déjeuner" in "petit-déjeuner"; "free" in "gluten free"), or name another concept in another
 * language (French "location" is a rental, English "location" a place: both stay).
 */
const YIELDING: ReadonlySet<string> = new Set(['pricing', 'location', 'contact', 'payment', 'menu', 'vehicle', 'hours', 'rent', 'free']);

/** Whether `outer` took every word of `inner` and more ("payer en espèces" is payment; "payer" alone also reads as price). */
const within = (inner: CueMatch, outer: CueMatch) => outer.positions.length > inner.positions.length && inner.positions.every((p) => outer.positions.includes(p));

/**
 * Concepts found in the tokens, less a yielding one whose every word another concept took ("حتى لشحال"
 * is hours, not price; "a car park" is parking, not a vehicle), or another yielding one took along with
 * more ("Can I pay cash?" is payment).
 */
function conceptsIn(tokens: readonly string[]): Map<string, CueMatch> {
  const found = matcher.match(tokens);
  const taken = new Set([...found].filter(([c]) => !YIELDING.has(c)).flatMap(([, m]) => m.positions));
  const matches = [...found.values()];
  for (const [concept, match] of found) {
    if (YIELDING.has(concept) && (match.positions.every((p) => taken.has(p)) || matches.some((other) => within(match, other)))) found.delete(concept);
  }
  return found;
}

/** A concept's tag, shared by every spelling of it in every language. */
export const conceptTag = (concept: string): string => `#${concept}`;

/** Latin tokens are read as Arabizi in Darija text, or when they carry the digits Arabizi uses for letters. */
function skeletonOf(token: string, language: Language): string | undefined {
  if (isArabicScript(token) || language === 'ary' || /\d/.test(token)) return consonantSkeleton(token);
  return undefined;
}

/**
 * A long Latin word's first six letters, matched as another spelling of it: words of one family
 * ("intervention", "intervenez", "intervenons") share them where the light stemming leaves them
 * apart. Five letters joined unrelated words in the labelled set (`bench:quality`); shorter words keep their stem alone.
 */
const ROOT_LETTERS = 6;
function rootOf(token: string): string | undefined {
  return token.length > ROOT_LETTERS ? `~${token.slice(0, ROOT_LETTERS)}` : undefined;
}

/** Topics of a whole chunk, weighted like rare words; the other concepts are synonym sets, scored like the word they stand for. */
const TOPICS: ReadonlySet<string> = new Set([...BROAD_CONCEPTS, 'order_status', 'insurance', 'parking']);

interface Analysed {
  concepts: string[];
  /** The stems of the words that named the concepts: the visitor's own spelling favours chunks in their language. */
  spellings: string[];
  /** Each content word with the spellings it matches: its stem, and its consonant skeleton for Arabic and Arabizi, or its root for a long Latin word. */
  words: string[][];
}

function analyse(text: string, language: Language): Analysed {
  const tokens = wordTokens(foldText(text));
  const found = conceptsIn(tokens);
  const used = new Set([...found.values()].flatMap((m) => m.positions));
  const words: string[][] = [];
  tokens.forEach((token, i) => {
    if (used.has(i)) return;
    const term = termOf(token, language);
    if (!term || /^\d+$/.test(term) || FILLERS.has(term)) return;
    const skeleton = skeletonOf(token, language);
    const alias = skeleton ?? rootOf(token);
    words.push(alias ? [term, alias] : [term]);
  });
  const spellings = [...used].flatMap((i) => termOf(tokens[i]!, language) ?? []);
  return { concepts: [...found.keys()].filter((c) => !WORD_TAKERS.has(c)), spellings, words };
}

/**
 * "ou" as written, unaccented: French "or" (and Arabizi "and"). Folded, it would read as "où" (where),
 * a location cue, and tag every sentence offering a choice as an address; a text meaning "where" writes
 * the accent. Only documents lose it: a visitor typing "ou etes vous" without the accent still asks where.
 */
const WRITTEN_OR = /(?<![\p{L}\p{M}\p{N}])ou(?![\p{L}\p{M}\p{N}])/giu;

/** Whether a text gives a way to reach someone (a phone number or an email address, as the visitor's contact is read). */
export function givesContact(text: string): boolean {
  return text.match(EMAIL) !== null || findPhones(text).length > 0;
}

/** An amount written with a currency sign ("30 €", "$25"): no word of it names the price. */
const AMOUNT_WITH_SIGN = /\d\s?[€$£]|[€$£]\s?\d/u;

/**
 * Index terms of a chunk or sentence: concept tags (a phone number or email tags it `contact`, an
 * amount with a currency sign `pricing`), stems, skeletons and roots.
 */
export function paraphraseTerms(text: string, language: Language): string[] {
  const { concepts, spellings, words } = analyse(text.replace(WRITTEN_OR, ' '), language);
  if (!concepts.includes('contact') && givesContact(text)) concepts.push('contact');
  if (!concepts.includes('pricing') && AMOUNT_WITH_SIGN.test(text)) concepts.push('pricing');
  return [...concepts.map(conceptTag), ...spellings, ...words.flat()];
}

/**
 * Query groups of a visitor's message: one per concept it names (any spelling, any language), one
 * per other content word, and (unless the reply is in another language) the visitor's own spellings
 * of the concepts as optional groups.
 */
export function paraphraseGroups(message: string, language: Language, reply: Language = language): QueryGroup[] {
  const { concepts, spellings, words } = analyse(message, language);
  const broad = (c: string) => BROAD_CONCEPTS.has(c) && concepts.length + words.length > 1;
  const groups: QueryGroup[] = concepts.map((c) => ({ members: [conceptTag(c)], concept: true, ...(TOPICS.has(c) ? {} : { specific: true }), ...(broad(c) ? { weight: BROAD_WEIGHT } : {}) }));
  const seen = new Set<string>();
  for (const term of reply === language ? spellings : []) {
    if (seen.has(term)) continue;
    seen.add(term);
    groups.push({ members: [term], concept: false, optional: true });
  }
  for (const members of words) {
    if (seen.has(members[0]!)) continue;
    seen.add(members[0]!);
    groups.push({ members, concept: false });
  }
  return groups;
}
