import type { HistoryTurn } from '../src';
import { TenantIndexCache, TurnAnalyzer } from '../src';
import { TextMemo } from '../src/turn/text-memo';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

// Count the per-text analyses the analyser runs, while keeping their real results.
const mockCalls = { detectIntent: 0, contactIn: 0, leadCues: 0, bookingDetailsIn: 0 };
jest.mock('../src/intent/detect-intent', () => {
  const actual = jest.requireActual('../src/intent/detect-intent');
  return { ...actual, detectIntent: (...args: unknown[]) => (mockCalls.detectIntent++, actual.detectIntent(...args)) };
});
jest.mock('../src/extract/contact', () => {
  const actual = jest.requireActual('../src/extract/contact');
  return { ...actual, contactIn: (...args: unknown[]) => (mockCalls.contactIn++, actual.contactIn(...args)) };
});
jest.mock('../src/lead/score-lead', () => {
  const actual = jest.requireActual('../src/lead/score-lead');
  return { ...actual, leadCues: (...args: unknown[]) => (mockCalls.leadCues++, actual.leadCues(...args)) };
});
jest.mock('../src/extract/booking', () => {
  const actual = jest.requireActual('../src/extract/booking');
  return { ...actual, bookingDetailsIn: (...args: unknown[]) => (mockCalls.bookingDetailsIn++, actual.bookingDetailsIn(...args)) };
});

const resetCalls = (): void => {
  for (const k of Object.keys(mockCalls) as (keyof typeof mockCalls)[]) mockCalls[k] = 0;
};

/** Ten visitor messages (with the agent's replies): a 20-message history, with a booking under way. */
function longHistory(): HistoryTurn[] {
  const said = [
    'Bonjour, quels sont vos horaires ?', 'Combien coûte un blanchiment ?', 'Et un implant dentaire ?', 'Je suis le directeur, budget 20000 MAD',
    'Vous acceptez la CNOPS ?', 'Je voudrais un rendez-vous demain à 10h', "Je m'appelle Karim Benali", 'mon numéro est 06 12 34 56 78',
    'mon email est karim.benali@example.ma', 'Où êtes-vous situés ?',
  ];
  return said.flatMap((text, i): HistoryTurn[] => [
    { role: 'user', text, language: 'fr' },
    { role: 'assistant', text: `Réponse ${i}.`, language: 'fr' },
  ]);
}

describe('per-text memo of the turn analyser', () => {
  beforeEach(resetCalls);

  it('when a later turn carries the same history, then past messages are not analysed again and the result is unchanged', () => {
    const snapshot = dentalSnapshot();
    const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock });
    const history = longHistory();
    const message = 'Je confirme pour demain à 10h';
    const first = analyzer.analyze(turn(snapshot, message, { history }));
    expect(first.intent).toBe('booking');
    expect(mockCalls).toEqual({ detectIntent: 11, contactIn: 11, leadCues: 11, bookingDetailsIn: 11 });

    resetCalls();
    const second = analyzer.analyze(turn(snapshot, message, { history }));
    // Only the new message's full intent analysis runs (its tokens and concepts are part of the result).
    expect(mockCalls).toEqual({ detectIntent: 1, contactIn: 0, leadCues: 0, bookingDetailsIn: 0 });
    const { input: _a, ...firstRest } = first;
    const { input: _b, ...secondRest } = second;
    expect(secondRest).toEqual(firstRest);
    // Memoised parts are merged into fresh objects: a caller mutating its result cannot leak into the next turn.
    expect(second.contact).not.toBe(first.contact);
    expect(second.booking?.booking).not.toBe(first.booking?.booking);
  });

  it('when the last message joins the history, then its intent is reused', () => {
    const snapshot = dentalSnapshot();
    const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock });
    const first = analyzer.analyze(turn(snapshot, 'Combien coûte un détartrage ?'));
    resetCalls();
    const history: HistoryTurn[] = [
      { role: 'user', text: 'Combien coûte un détartrage ?', language: first.messageLanguage },
      { role: 'assistant', text: 'Le détartrage coûte 400 MAD.', language: first.language },
    ];
    analyzer.analyze(turn(snapshot, 'Et le blanchiment ?', { history }));
    expect(mockCalls.detectIntent).toBe(1);
  });

  it('when the history has more distinct messages than the memo holds, then the oldest are evicted and analysed again', () => {
    const snapshot = dentalSnapshot();
    const analyzer = new TurnAnalyzer({ indexes: new TenantIndexCache(), now: fixedClock, memoCapacity: 4 });
    const history = longHistory();
    analyzer.analyze(turn(snapshot, 'Merci', { history }));
    resetCalls();
    analyzer.analyze(turn(snapshot, 'Merci', { history }));
    // Ten past messages cycling through four slots: every one was evicted before it came back.
    expect(mockCalls.detectIntent).toBe(11);
    expect(mockCalls.leadCues).toBe(11);
  });

  it('keeps at most its capacity, evicting the least recently used entry', () => {
    const memo = new TextMemo<number>(3);
    let computed = 0;
    const get = (key: string): number => memo.get(key, () => ++computed);
    get('a');
    get('b');
    get('c');
    get('a'); // a is now the most recently used
    get('d'); // evicts b
    expect(memo.size).toBe(3);
    expect(computed).toBe(4);
    get('a');
    get('c');
    get('d');
    expect(computed).toBe(4);
    get('b');
    expect(computed).toBe(5);
    for (let i = 0; i < 1000; i++) get(`k${i}`);
    expect(memo.size).toBe(3);
    expect(() => new TextMemo(0)).toThrow(RangeError);
  });

  it('when a text comes back with another qualifier (language, day), then its value is computed again for it', () => {
    const memo = new TextMemo<string>(3);
    let computed = 0;
    const get = (text: string, qualifier: string): string => memo.get(text, () => `${qualifier}:${text}#${++computed}`, qualifier);
    expect(get('hola', 'es')).toBe('es:hola#1');
    expect(get('hola', 'es')).toBe('es:hola#1');
    expect(get('hola', 'ary')).toBe('ary:hola#2');
    expect(get('hola', 'ary')).toBe('ary:hola#2');
    memo.set('salam', 'set', 'ar');
    expect(get('salam', 'ar')).toBe('set');
    expect(get('salam', 'ary')).toBe('ary:salam#3');
  });
});
