import type { Language } from '@vocalia/contracts';
import { createEngine, type RetrievalMode } from '../src';
import { consonantSkeleton } from '../src/text/consonant-skeleton';
import { foldText } from '../src/text/fold';
import { fixedClock, turn } from './support/engine-input';
import { faqClinicSnapshot } from './support/faq-fixtures';

const engines: Record<RetrievalMode, ReturnType<typeof createEngine>> = {
  lexical: createEngine({ providers: [{ kind: 'local' }], now: fixedClock, retrieval: 'lexical' }),
  paraphrase: createEngine({ providers: [{ kind: 'local' }], now: fixedClock }),
};
const snapshot = faqClinicSnapshot();
const ask = (mode: RetrievalMode, message: string, language?: Language) => engines[mode].respond(turn(snapshot, message, language ? { language } : {}));

describe('paraphrase-aware retrieval on FAQ knowledge', () => {
  it.each([
    ["What's your address?", '42 Zerktouni Boulevard', 'where-en'],
    ['What do you charge for a dental cleaning?', '350 MAD', 'scale-en'],
    ['Until what time are you open during the week?', '19:30', 'hours-en'],
  ])('when a visitor rephrases a stored question ("%s"), then the answer states the fact, where the lexical ranking did not', async (message, fact, chunk) => {
    const lexical = await ask('lexical', message);
    const paraphrase = await ask('paraphrase', message);
    expect(lexical.answer).not.toContain(fact);
    expect(paraphrase.answer).toContain(fact);
    expect(paraphrase.sources[0]?.documentId).toBe('faq-en');
    expect(snapshot.knowledge.find((c) => c.id === chunk)!.text).toContain(fact);
  });

  it('when an FAQ pair answers, then its answer is quoted without repeating the stored question', async () => {
    const result = await ask('paraphrase', 'Where can I find you?');
    expect(result.answer).toContain('We are at 42 Zerktouni Boulevard');
    expect(result.answer).not.toContain('Where is the clinic?');
  });

  it('when a price FAQ ranks first but another chunk also names the thing asked about, then that chunk answers', async () => {
    const result = await ask('paraphrase', 'How much does whitening cost?');
    expect(result.answer).toContain('1800 MAD');
    expect(result.answer).not.toContain('350 MAD');
  });

  it('when a Darija question is written in Latin letters, then it finds the Arabic-script answer and replies in Darija', async () => {
    const lexical = await ask('lexical', 'fin kayna l3iyada dyalkom?');
    const result = await ask('paraphrase', 'fin kayna l3iyada dyalkom?');
    expect(lexical.answer).not.toContain('42');
    expect(result.language).toBe('ary');
    expect(result.answer).toContain('حنا ف 42 شارع الزرقطوني');
  });

  it('when only French has the answer, then an Arabic question gets it, in an Arabic frame saying the source is French', async () => {
    const lexical = await ask('lexical', 'هل يوجد موقف للسيارات؟');
    const result = await ask('paraphrase', 'هل يوجد موقف للسيارات؟');
    expect(lexical.answer).not.toContain('sous-sol');
    expect(result.language).toBe('ar');
    expect(result.answer).toContain('Un parking gardé se trouve au sous-sol');
    expect(result.answer).toContain('مكتوبة باللغة الفرنسية');
  });

  it.each([
    ['Do you offer braces for children?'],
    ['How much is a root canal?'],
    ['Is there wifi in the waiting room?'],
    ['wach kayn chi tbib dyal l3inin?'],
  ])('when the knowledge base has no answer ("%s"), then no knowledge is quoted', async (message) => {
    const result = await ask('paraphrase', message);
    expect(result.sources).toEqual([]);
    expect(result.answer).not.toMatch(/350|19:30|42/);
  });
});

describe('consonant skeletons', () => {
  it.each([
    ['l3yadat', 'العيادات'],
    ['ch7al', 'شحال'],
    ['lvidange', 'الفيدونج'],
    ['tomobil', 'طوموبيل'],
    ['sbigha', 'الصباغة'],
  ])('when "%s" is written in Latin letters, then its skeleton is that of "%s"', (latin, arabic) => {
    expect(consonantSkeleton(foldText(latin))).toBeDefined();
    expect(consonantSkeleton(foldText(latin))).toBe(consonantSkeleton(foldText(arabic)));
  });

  it('when two different words share no consonants, then their skeletons differ', () => {
    expect(consonantSkeleton(foldText('lkelb'))).not.toBe(consonantSkeleton(foldText('العيادة')));
  });

  it('when a Latin word leaves only two consonants, then it has no skeleton (too many Arabic words share it)', () => {
    expect(consonantSkeleton(foldText('lpneu'))).toBeUndefined();
    expect(consonantSkeleton(foldText('سن'))).toBe('~sn');
  });
});
