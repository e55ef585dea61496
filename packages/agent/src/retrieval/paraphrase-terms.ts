import { LANGUAGES, type Language } from '@vocalia/contracts';
import { CueMatcher } from '../lexicon/cue-matcher';
import type { CueTable } from '../lexicon/intent-cues';
import { INTENT_CUES } from '../lexicon/intent-cues';
import { PARAPHRASE_CUES } from '../lexicon/paraphrase-cues';
import { TOPIC_CUES } from '../lexicon/topic-cues';
import { termOf } from '../text/analyze';
import { consonantSkeleton } from '../text/consonant-skeleton';
import { foldText, isArabicScript, wordTokens } from '../text/fold';
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

const { hours, pricing, order_status } = INTENT_CUES;
const matcher = new CueMatcher<string>(mergeTables({ hours, pricing, order_status }, TOPIC_CUES, PARAPHRASE_CUES));

/** A concept's tag, shared by every spelling of it in every language. */
export const conceptTag = (concept: string): string => `#${concept}`;

/** Latin tokens are read as Arabizi in Darija text, or when they carry the digits Arabizi uses for letters. */
function skeletonOf(token: string, language: Language): string | undefined {
  if (isArabicScript(token) || language === 'ary' || /\d/.test(token)) return consonantSkeleton(token);
  return undefined;
}

interface Analysed {
  concepts: string[];
  /** Each content word with the spellings it matches: its stem, and its consonant skeleton for Arabic and Arabizi. */
  words: string[][];
}

function analyse(text: string, language: Language): Analysed {
  const tokens = wordTokens(foldText(text));
  const found = matcher.match(tokens);
  const used = new Set([...found.values()].flatMap((m) => m.positions));
  const words: string[][] = [];
  tokens.forEach((token, i) => {
    if (used.has(i)) return;
    const term = termOf(token, language);
    if (!term || /^\d+$/.test(term)) return;
    const skeleton = skeletonOf(token, language);
    words.push(skeleton ? [term, skeleton] : [term]);
  });
  return { concepts: [...found.keys()], words };
}

/** Index terms of a chunk or sentence: concept tags, stems and skeletons. */
export function paraphraseTerms(text: string, language: Language): string[] {
  const { concepts, words } = analyse(text, language);
  return [...concepts.map(conceptTag), ...words.flat()];
}

/** Query groups of a visitor's message: one per concept it names (any spelling, any language), one per other content word. */
export function paraphraseGroups(message: string, language: Language): QueryGroup[] {
  const { concepts, words } = analyse(message, language);
  const groups: QueryGroup[] = concepts.map((c) => ({ members: [conceptTag(c)], concept: true }));
  const seen = new Set<string>();
  for (const members of words) {
    if (seen.has(members[0]!)) continue;
    seen.add(members[0]!);
    groups.push({ members, concept: false });
  }
  return groups;
}
