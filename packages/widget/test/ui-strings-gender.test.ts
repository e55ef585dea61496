import { UI_STRINGS } from '../src/browser/strings';

/** The words of `text` that are in `words` (whole words: "ديالك" is not found in "ديالكم"). */
const wordsIn = (text: string, words: readonly string[]) => words.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text));

describe('the widget’s texts do not assume the visitor’s gender', () => {
  it('when it is in Arabic, then it labels with verbal nouns and speaks in the polite plural, never in the masculine singular', () => {
    const masculine = ['أنت', 'لك', 'بك', 'لديك', 'يمكنك', 'تريد', 'ترغب', 'رسالتك', 'مساعدتك', 'اكتب', 'تحدّث', 'تحدث', 'اضغط', 'حاول', 'اتصل'];
    expect(Object.values(UI_STRINGS.ar).flatMap((text) => wordsIn(text, masculine))).toEqual([]);
  });

  it('when it is in Darija, then it uses the polite plural, never the singular “you” whose verbs are said differently to a man and a woman', () => {
    const singular = [
      'نتا', 'ديالك', 'ليك', 'نعاونك', 'تقدر', 'تكتب', 'تكمل', 'تهضر', 'عطيتيش', 'حل', 'سد', 'كتب', 'صيفط', 'هضر', 'وقف', 'ورك',
      'عاود', 'جرب', 'تسنى', 'تواصل', 'شوف', 'أكد', 'عيط', 'بدا', 'سالي',
    ];
    expect(Object.values(UI_STRINGS.ary).flatMap((text) => wordsIn(text, singular))).toEqual([]);
  });
});
