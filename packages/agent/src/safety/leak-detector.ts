import { foldText, wordTokens } from '../text/fold';
import { STOPWORDS } from '../text/stopwords';
import { phrases } from './phrase-set';
import type { KnownTenant } from './tenant-names';

export type LeakKind = 'canary' | 'secret' | 'instructions' | 'tenant';

export interface Protection {
  /** Texts a reply must not reproduce, verbatim or nearly (instructions, internal notes, security rules). */
  texts: readonly string[];
  /** Short secrets (codes) a reply must not contain, however spaced, spelled or hyphenated. */
  secrets: readonly string[];
  /** Per-call markers placed in the prompt; found anywhere in a reply's letters and digits, they prove a leak. */
  canaries: readonly string[];
  /** Other tenants of this engine, never to be named. */
  tenants: readonly KnownTenant[];
  /** This tenant's own text (name, knowledge, catalogue) as `letterKey` gives it: a name it mentions itself is not another tenant's. */
  ownLetters: string;
}

const STOP = new Set([...STOPWORDS.fr, ...STOPWORDS.en, ...STOPWORDS.es, ...STOPWORDS.arabic]);
const SHINGLE = 3;
/** This many consecutive reply trigrams all found in one protected text: a near-verbatim run. */
const RUN = 5;
/** A protected sentence of at least `MIN_SENTENCE` trigrams, this much of it reproduced: a paraphrase. */
const SENTENCE_COVERAGE = 0.5;
const MIN_SENTENCE = 4;
const MIN_MATCHED = 3;
const MIN_SECRET_CHARS = 5;
/** A reply that talks about its own instructions and echoes some of them is a paraphrase, however loose. */
const MIN_FRAMED = 2;
const FRAMING = phrases(
  `my instructions | my internal instructions | my notes | my note | my internal note | my configuration | my setup | my prompt | my system prompt | my rules | my guidelines | i was told | i ve been told | i have been told | i was instructed | i am instructed | i m instructed | i m supposed to | i am supposed to
  | mes instructions | mes consignes | ma note | mes notes | ma configuration | on m a dit | on m a demande | je suis cense
  | mis instrucciones | mis notas | mi nota | mi configuracion | me dijeron | me indicaron | se me indico
  | تعليماتي | ملاحظتي | ملاحظاتي | اعداداتي | قيل لي | التعليمات ديالي | قالو ليا`,
);

/** Content words: folded, function words and 1-2 letter words dropped, a plural "s" removed. */
function contentTerms(text: string): string[] {
  return wordTokens(foldText(text))
    .filter((t) => !STOP.has(t) && (t.length >= 3 || /\d/.test(t)))
    .map((t) => (t.length > 4 && t.endsWith('s') ? t.slice(0, -1) : t));
}

function shingles(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= terms.length; i++) out.push(terms.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** A text's letters and digits only, folded: what stays of a code or a name however it is spaced or spelled. */
export const letterKey = (text: string): string => wordTokens(foldText(text)).join('');

interface ProtectedText {
  all: Set<string>;
  sentences: Set<string>[];
}

/** A reply's tokens joined, with where each token starts and ends, to find a needle aligned on whole tokens. */
class Letters {
  readonly joined: string;
  private readonly starts = new Set<number>();
  private readonly ends = new Set<number>();

  constructor(tokens: readonly string[]) {
    let at = 0;
    for (const t of tokens) {
      this.starts.add(at);
      at += t.length;
      this.ends.add(at);
    }
    this.joined = tokens.join('');
  }

  hasAligned(needle: string): boolean {
    for (let i = this.joined.indexOf(needle); i >= 0; i = this.joined.indexOf(needle, i + 1)) {
      if (this.starts.has(i) && this.ends.has(i + needle.length)) return true;
    }
    return false;
  }
}

/**
 * Finds what a reply must never carry: a canary (anywhere in its letters), a secret (whole tokens,
 * also spelled out letter by letter), a near-verbatim run or a paraphrase of a protected text
 * (content-word trigrams: a run, half of one of its sentences, or a little of it in a reply that
 * talks about "my instructions"), or another tenant's name.
 */
export class LeakDetector {
  private readonly texts: ProtectedText[];
  private readonly secrets: string[];
  private readonly canaries: string[];
  private readonly tenantsByFirst = new Map<string, KnownTenant[]>();

  constructor(private readonly protection: Protection) {
    this.texts = protection.texts.map((text) => ({
      all: new Set(shingles(contentTerms(text))),
      sentences: text.split(/[.!?؟\n]+/u).map((s) => new Set(shingles(contentTerms(s)))).filter((s) => s.size >= MIN_SENTENCE),
    }));
    this.secrets = protection.secrets.map(letterKey).filter((s) => s.length >= MIN_SECRET_CHARS);
    this.canaries = protection.canaries.map(letterKey).filter((s) => s.length > 0);
    for (const t of protection.tenants) {
      const first = t.tokens[0];
      if (first) this.tenantsByFirst.set(first, [...(this.tenantsByFirst.get(first) ?? []), t]);
    }
  }

  find(reply: string): LeakKind | undefined {
    const tokens = wordTokens(foldText(reply));
    const letters = new Letters(tokens);
    if (this.canaries.some((c) => letters.joined.includes(c))) return 'canary';
    if (this.secrets.some((s) => letters.hasAligned(s))) return 'secret';
    if (this.reproduces(shingles(contentTerms(reply)), FRAMING.test(tokens))) return 'instructions';
    if (this.namesTenant(tokens, reply)) return 'tenant';
    return undefined;
  }

  private reproduces(replyShingles: readonly string[], framed: boolean): boolean {
    for (const text of this.texts) {
      let run = 0;
      const matched = new Set<string>();
      for (const s of replyShingles) {
        run = text.all.has(s) ? run + 1 : 0;
        if (run >= RUN) return true;
        if (text.all.has(s)) matched.add(s);
      }
      if (framed && matched.size >= MIN_FRAMED) return true;
      if (matched.size < MIN_MATCHED) continue;
      for (const sentence of text.sentences) {
        let covered = 0;
        for (const s of sentence) if (matched.has(s)) covered += 1;
        if (covered >= MIN_MATCHED && covered / sentence.size >= SENTENCE_COVERAGE) return true;
      }
    }
    return false;
  }

  /**
   * Word by word, and letter by letter (single letters run together into one word). In Latin script
   * a name counts only written as one, every word capitalised: "Dental Care" is a tenant, "good
   * dental care" is not.
   */
  private namesTenant(tokens: readonly string[], reply: string): boolean {
    if (this.tenantsByFirst.size === 0) return false;
    const capitalised = new Set((reply.match(/\p{Lu}[\p{L}\p{M}\p{N}]*/gu) ?? []).map((w) => wordTokens(foldText(w)).join('')));
    const written = (w: string): boolean => !/[a-z]/.test(w) || capitalised.has(w);
    const spelled: string[] = [];
    let run = '';
    for (const t of tokens) {
      if (t.length === 1) run += t;
      else {
        if (run.length > 1) spelled.push(run);
        run = '';
      }
    }
    if (run.length > 1) spelled.push(run);
    const named = (t: KnownTenant): boolean => !this.protection.ownLetters.includes(t.tokens.join(''));
    for (let i = 0; i < tokens.length; i++) {
      for (const t of this.tenantsByFirst.get(tokens[i]!) ?? []) {
        if (t.tokens.every((w, k) => tokens[i + k] === w && written(w)) && named(t)) return true;
      }
    }
    return spelled.some((word) => this.protection.tenants.some((t) => word.includes(t.tokens.join('')) && named(t)));
  }
}
