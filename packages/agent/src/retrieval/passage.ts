import type { Language } from '@vocalia/contracts';
import { analyzeText } from '../text/analyze';
import type { QueryGroup } from './bm25';

export interface IndexedSentence {
  text: string;
  terms: Set<string>;
  /** Its author ended it ("We do not serve alcohol."), where a bare line ("Tarifs") may head the next. */
  ended: boolean;
}

const SHORT_CHUNK_CHARS = 120;
const MAX_PASSAGE_CHARS = 360;

const ENDED = /[.!?؟:;…)]$/;

const stripped = (line: string): string => line.replace(/^[\s\-•*·–]+/, '').replace(/\s+/g, ' ').trim();

/** Sentences (and list lines) of a chunk with their terms, computed once when the index is built. */
export function indexSentences(text: string, language: Language, termsOf: (text: string, language: Language) => string[] = analyzeText): IndexedSentence[] {
  return text
    .split(/\n+|(?<=[.!?؟])\s+/)
    .map(stripped)
    .filter((s) => s.length > 0)
    .map((s) => {
      const ended = ENDED.test(s);
      const text = ended ? s : `${s}.`;
      return { text, terms: new Set(termsOf(text, language)), ended };
    });
}

/** What a sentence naming a query group earns: a word of the visitor's more than a concept, their own spelling of a concept less. */
const MATCHED = (g: QueryGroup): number => (g.optional ? 0.5 : g.concept ? 1 : 1.5);
/** How much of the question's topic it names: the same, weighed as retrieval weighs groups (a broad concept beside others counts half), the visitor's own spellings aside. */
const ON_TOPIC = (g: QueryGroup): number => (g.optional ? 0 : MATCHED(g) * (g.weight ?? 1));

function sentenceScore(sentence: IndexedSentence, groups: readonly QueryGroup[], worth = MATCHED): number {
  let score = 0;
  for (const g of groups) if (g.members.some((m) => sentence.terms.has(m))) score += worth(g);
  return score;
}

const isTag = (term: string) => term.startsWith('#');

/**
 * A chunk that speaks of several topics (a business's whole presentation in one paragraph): some
 * sentences name the question's topic, and another names a topic the question did not ask about.
 */
function mixedTopics(sentences: readonly IndexedSentence[], groups: readonly QueryGroup[]): boolean {
  const asked = new Set(groups.filter((g) => g.concept || g.optional).flatMap((g) => g.members));
  const names = (s: IndexedSentence) => [...s.terms].some((t) => asked.has(t));
  return sentences.some(names) && sentences.some((s) => !names(s) && [...s.terms].some(isTag));
}

/**
 * The sentences of a chunk that answer the query, in their original order: those naming the
 * visitor's own words when some do, or its topic's in a chunk of several topics, else the chunk from
 * its start (a topic question such as "your prices?" wants the whole list), within MAX_PASSAGE_CHARS.
 */
export function selectPassage(sentences: readonly IndexedSentence[], groups: readonly QueryGroup[]): string {
  const chosen = new Set<number>();
  let length = 0;
  const take = (i: number): boolean => {
    const s = sentences[i];
    if (!s || chosen.has(i) || (chosen.size > 0 && length + s.text.length > MAX_PASSAGE_CHARS)) return false;
    chosen.add(i);
    length += s.text.length + 1;
    return true;
  };
  const words = groups.filter((g) => (!g.concept && !g.optional) || g.specific);
  const specific = sentences.some((s) => words.some((g) => g.members.some((m) => s.terms.has(m))));
  const short = sentences.map((s) => s.text).join(' ').length <= SHORT_CHUNK_CHARS;
  const ranked = () => sentences.map((s, i) => ({ i, score: sentenceScore(s, groups) })).sort((a, b) => b.score - a.score || a.i - b.i);
  if (!short && specific) {
    const [first, second] = ranked();
    take(first!.i);
    // A heading ("Tarifs :") or a very short line with no figure needs the line that follows it ("Blanchiment : 350 €." is whole).
    const head = sentences[first!.i]!;
    if (head.text.endsWith(':') || (!head.ended && head.text.length < 30 && !/\d/.test(head.text))) take(first!.i + 1);
    if (second && second.score >= first!.score) take(second.i);
  } else if (!short && mixedTopics(sentences, groups)) {
    // Every sentence on the topic asked (a price list's heading and lines), none on the chunk's other topics.
    const scores = sentences.map((s) => sentenceScore(s, groups, ON_TOPIC));
    const best = Math.max(...scores);
    scores.forEach((score, i) => score === best && take(i));
  } else {
    for (let i = 0; i < sentences.length && take(i); i++);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => sentences[i]!.text).join(' ');
}
