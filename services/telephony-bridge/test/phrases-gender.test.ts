import { PHRASES } from '../src/calls/phrases';

/** The words of `text` that are in `words` (whole words: "نعاونك" is not found in "نعاونكم"). */
const wordsIn = (text: string, words: readonly string[]) => words.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text));

describe('what the phone line says does not assume the caller’s gender', () => {
  it('when the call is in Arabic, then the line addresses the caller in the polite plural, never in the masculine singular', () => {
    const masculine = ['لك', 'بك', 'معك', 'يمكنك', 'أسمعك', 'لاتصالك', 'سأحولك', 'مساعدتك', 'أخبرني', 'اضغط', 'سألت', 'تريد'];
    expect(Object.values(PHRASES.ar).flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when the call is in Darija, then the line uses the polite plural, never the singular “you” whose verbs are said differently to a man and a woman', () => {
    const singular = [
      'سمح', 'عافاك', 'عاود', 'عيط', 'سمعتكش', 'كنسمعكش', 'نحولك', 'تسنى', 'معاك', 'نعاونك', 'قول', 'ضغط', 'تهضر', 'سولتي', 'ديالك', 'ليك', 'تقدر',
    ];
    expect(Object.values(PHRASES.ary).flatMap((text) => wordsIn(text, singular))).toEqual([]);
  });
});
