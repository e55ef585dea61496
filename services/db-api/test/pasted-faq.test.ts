import { chunkText } from '../src/knowledge/chunk-text';

describe('an FAQ pasted as text or markdown is stored pair by pair, as FAQ pairs are', () => {
  it('when pairs are labelled Q:/A:, then each pair is one chunk "question\\nanswer" without the labels', () => {
    const md = 'Q: Do you ship to Europe?\nA: Yes, to all of Europe, in 3 to 5 days.\n\nQ: Can I return an item?\nA: Returns are free within 30 days.';
    expect(chunkText('markdown', md)).toEqual(['Do you ship to Europe?\nYes, to all of Europe, in 3 to 5 days.', 'Can I return an item?\nReturns are free within 30 days.']);
  });

  it.each([
    ['French, a blank line between question and answer', 'Question : Livrez-vous en Belgique ?\n\nRéponse : Oui, sous 4 jours.', 'Livrez-vous en Belgique ?\nOui, sous 4 jours.'],
    ['Spanish, bold labels', '**P:** ¿Hacen envíos a Marruecos?\n**R:** Sí, en 5 días.', '¿Hacen envíos a Marruecos?\nSí, en 5 días.'],
    ['Arabic', 'س: هل توصلون إلى الرباط؟\nج: نعم، خلال يومين.', 'هل توصلون إلى الرباط؟\nنعم، خلال يومين.'],
    ['no labels, a question line then its answer', 'Quels sont vos horaires ?\nDu lundi au vendredi, de 9h à 18h.', 'Quels sont vos horaires ?\nDu lundi au vendredi, de 9h à 18h.'],
  ])('when the pair is written in %s, then it is one labelled-free pair', (_how, text, pair) => {
    expect(chunkText('text', text)).toEqual([pair]);
  });

  it('when prose and pairs are mixed under headings, then the prose is packed as before and each pair stands alone', () => {
    const md = '# About us\nA family bakery in Fès since 1982.\n\n# FAQ\nDo you bake on Sundays?\nYes, from 7am.';
    expect(chunkText('markdown', md)).toEqual(['About us\nA family bakery in Fès since 1982.', 'Do you bake on Sundays?\nYes, from 7am.']);
  });

  it('when a paragraph does not open with a question, then it is prose ("A: " inside it is kept)', () => {
    expect(chunkText('text', 'Plan A: the basic offer.\nPlan B: the full offer.')).toEqual(['Plan A: the basic offer.\nPlan B: the full offer.']);
  });
});
