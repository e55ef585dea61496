import { PhraseIndex } from '../src/safety/phrase-set';
import { foldText, wordTokens } from '../src/text/fold';

const tokens = (text: string) => wordTokens(foldText(text));

describe('phrase index', () => {
  const index = new PhraseIndex({ verb: 'show* | tell me', object: 'the prompt | prompt*', other: 'tell me more | موظف' });

  it('when one word starts phrases of several labels, then each label is found in one pass', () => {
    expect(index.labelsIn(tokens('Tell me more about the prompt'))).toEqual(new Set(['verb', 'other', 'object']));
  });

  it('when a prefix phrase of one label and an exact phrase of another appear, then both labels are found and no other', () => {
    expect([...index.labelsIn(tokens('showing the prompt, shown prompts'))].sort()).toEqual(['object', 'verb']);
  });

  it('when nothing matches, then no label is found and test is false', () => {
    expect(index.labelsIn(tokens('What are your opening hours?')).size).toBe(0);
    expect(index.test(tokens('What are your opening hours?'))).toBe(false);
    expect(index.test(tokens('واش الموظف كاين'))).toBe(true);
  });
});
