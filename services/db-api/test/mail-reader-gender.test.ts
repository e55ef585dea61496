import type { Language } from '@vocalia/contracts';
import { ACCOUNT_MAIL_TEXTS } from '../src/mail/account-texts';
import { OWNER_MAIL_TEXTS } from '../src/mail/owner-texts';

/** Every sentence of a language's account and owner mails, each placeholder filled with the tenant's name. */
function sentences(language: Language): string[] {
  const walk = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') return [String((value as (...args: string[]) => unknown)('Atlas', 'Atlas'))];
    return Object.values(value as object).flatMap(walk);
  };
  return [...walk(ACCOUNT_MAIL_TEXTS[language]), ...walk(OWNER_MAIL_TEXTS[language])];
}

/** The words of `text` that are in `words` (whole words: "connecté" is not found in "déconnectées"). */
const wordsIn = (text: string, words: readonly string[]) => words.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text));

describe('the account and owner mails do not assume the reader’s gender', () => {
  it('when they are written in French, then no adjective or participle agrees with the reader in the masculine', () => {
    const masculine = ['cher', 'bienvenu', 'invité', 'inscrit', 'connecté', 'abonné', 'informé', 'averti'];
    expect(sentences('fr').flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when they are written in Arabic, then they ask with verbal nouns and the passive, not masculine imperatives or adjectives', () => {
    const masculine = ['مدعو', 'تكن تتوقع', 'اختر', 'أكّد', 'أكد', 'اقبل', 'سجّل', 'فعّلها', 'أعد'];
    expect(sentences('ar').flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when they are written in Darija, then they speak in the polite plural, never the singular “you” that is said differently to a man and a woman', () => {
    const singular = ['ديالك', 'عليك', 'لحسابك', 'عندكش', 'كنتيش', 'كتسنى', 'تقدر', 'تدخل', 'تطلع', 'ختار', 'أكد', 'بدل', 'شعلها', 'عاود', 'ستهلكتي'];
    expect(sentences('ary').flatMap((text) => wordsIn(text, singular))).toEqual([]);
  });
});
