import type { Language } from '@vocalia/contracts';
import { PERSONAS, REPLIES } from '../src';

/**
 * Every sentence a visitor may hear in `language`: the shared replies, and each persona's greeting, fallback,
 * hand-off, follow-up, role and staff (not its instructions, which speak to the model).
 */
function spoken(language: Language): string[] {
  const walk = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(walk));
  return [...walk(REPLIES[language]), ...PERSONAS.flatMap((p) => [p.greeting, p.fallback, p.handoff, p.followUp, p.role, p.staff].map((texts) => texts[language]))];
}

/** The words of `text` that are in `words` (whole words: "ديالك" is not found in "ديالكم"). */
const wordsIn = (text: string, words: readonly string[]) => words.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text));

describe('the agent’s replies do not assume the visitor’s gender', () => {
  it('when it speaks Arabic, then it addresses the visitor in the polite plural, never in the masculine singular', () => {
    const masculine = [
      'تريد', 'ترغب', 'يمكنك', 'لديك', 'لك', 'بك', 'إليك', 'أضعك', 'سأضعك', 'تحويلك', 'مساعدتك', 'أساعدك', 'أجيبك', 'اترك', 'تخبرني',
      'تحتاج', 'تحتاجه', 'اسمك', 'رقمك', 'طلبك', 'رسالتك', 'أسئلتك', 'سؤالك', 'لسيارتك', 'لحيوانك', 'وصفتك', 'رحلتك', 'تناسبك',
      'لمناسبتك', 'باقتك', 'خطك',
    ];
    expect(spoken('ar').flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when it speaks Darija, then it uses the polite plural, never the singular “you” whose verbs and adjectives are said differently to a man and a woman', () => {
    const singular = [
      'بغيتي', 'ديالك', 'ليك', 'بيك', 'عندك', 'فبالك', 'قدك', 'سميتك', 'نعاونك', 'نجاوبك', 'نعطيك', 'نحولك', 'نوصلك', 'نعطيوك',
      'تقدر', 'تاخد', 'تحجز', 'تزور', 'دوز', 'تحل', 'تلقى', 'توجد', 'تعيط', 'تحتاجها', 'محتاج', 'خلي', 'سمح',
    ];
    expect(spoken('ary').flatMap((text) => wordsIn(text, singular))).toEqual([]);
  });

  it('when it speaks French, then no adjective or participle agrees with the visitor in the masculine', () => {
    const masculine = ['cher', 'bienvenu', 'inscrit', 'intéressé', 'prêt', 'satisfait', 'informé', 'connecté', 'abonné'];
    expect(spoken('fr').flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when a sentence is shared by personas presented as a man and as a woman, then it gives the agent no gender either', () => {
    expect(spoken('fr').flatMap((text) => wordsIn(text, ['désolé', 'désolée', 'sûr', 'sûre', 'ravi', 'ravie']))).toEqual([]);
    expect(spoken('ary').flatMap((text) => wordsIn(text, ['متأكد', 'متأكدة']))).toEqual([]);
  });
});
