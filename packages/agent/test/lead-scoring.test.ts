import type { LeadScore } from '@vocalia/contracts';
import type { HistoryTurn } from '../src';
import { createEngine, scoreLead } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

const noSignals = { askedPrice: false, booking: false };

describe('BANT lead scoring', () => {
  it('when the visitor states a budget with a currency, then budget is maxed', () => {
    for (const text of ['My budget is 5000 dollars', "J'ai un budget de 3 000 €", 'Tengo 2000 euros', 'عندي 5000 درهم', 'budget of 1200']) {
      expect(scoreLead([text], undefined, noSignals).bant.budget).toBe(25);
    }
  });

  it('when the visitor says they run the business, then authority is maxed', () => {
    for (const text of ["I'm the owner of the company", 'Je suis le gérant', 'Je suis propriétaire de la maison', 'Soy el gerente', 'Soy dueña del local', 'أنا المدير', 'ana mol charika']) {
      expect(scoreLead([text], undefined, noSignals).bant.authority).toBe(25);
    }
  });

  it('when the visitor states a need or a problem, then need rises with each', () => {
    const one = scoreLead(['I need a new crown'], undefined, noSignals).bant.need;
    const two = scoreLead(['I need a new crown', 'I have a lot of pain'], undefined, noSignals).bant.need;
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(scoreLead(['خاصني نقلع ضرسة', 'necesito una limpieza'], undefined, noSignals).bant.need).toBeGreaterThan(0);
  });

  it('when the visitor is in a hurry, then timeline ranks today above tomorrow above this week above later', () => {
    const t = (text: string): number => scoreLead([text], undefined, noSignals).bant.timeline;
    expect(t("C'est urgent, aujourd'hui si possible")).toBe(25);
    expect(t('demain matin')).toBe(22);
    expect(t('cette semaine')).toBe(15);
    expect(t('next month')).toBe(10);
    expect(t('por la mañana')).toBe(0);
    expect(t('mañana')).toBe(22);
    expect(t('دابا')).toBe(25);
  });

  it('when the score is computed, then it is the sum of the axes, each within 0..25', () => {
    const lead = scoreLead(["Je suis le directeur, budget 10000 MAD, j'ai besoin d'un devis, c'est urgent", 'je cherche aussi un implant', 'problème de dent'], undefined, noSignals);
    for (const axis of Object.values(lead.bant)) expect(axis).toBeLessThanOrEqual(25);
    expect(lead.score).toBe(lead.bant.budget + lead.bant.authority + lead.bant.need + lead.bant.timeline);
    expect(lead.score).toBe(100);
  });

  it('when a session goes on, then the score rises with budget, authority, need and timeline and never decreases', async () => {
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
    const snapshot = dentalSnapshot();
    const messages = ['Bonjour', "J'ai besoin d'un implant", 'Mon budget est de 9000 dirhams', 'Je suis le gérant de la société, je déciderai', "C'est urgent, aujourd'hui si possible", 'Merci, au revoir'];
    let lead: LeadScore | undefined;
    let history: HistoryTurn[] = [];
    const scores: number[] = [];
    for (const message of messages) {
      const result = await engine.respond(turn(snapshot, message, { history, lead }));
      expect(result.lead.score).toBeGreaterThanOrEqual(lead?.score ?? 0);
      lead = result.lead;
      scores.push(lead.score);
      // the history is trimmed to the last turn only: the previous score still holds
      history = [{ role: 'user', text: message, language: result.language }, { role: 'assistant', text: result.answer, language: result.language }];
    }
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
    expect(scores[3]).toBeGreaterThan(scores[2]!);
    expect(scores[4]).toBeGreaterThan(scores[3]!);
    expect(scores[5]).toBe(scores[4]);
    expect(lead?.bant).toEqual({ budget: 25, authority: 25, need: 12, timeline: 25 });
  });

  it.each([
    ['fr', ["J'ai besoin de soigner une carie", 'Ce serait pour le mois prochain', 'Mon budget est de 9000 dirhams'], ['Pour quand en auriez-vous besoin ?', 'Avez-vous un budget en tête ?']],
    ['en', ['I need a new crown', 'Next month would be fine', 'My budget is 5000 dirhams'], ['When would you need it?', 'Do you have a budget in mind?']],
  ])('when a visitor tells what counts toward a lead (%s), then the agent asks for the timing, then the budget, then stops asking', async (_language, messages, asked) => {
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
    const snapshot = dentalSnapshot();
    let lead: LeadScore | undefined;
    const answers: string[] = [];
    for (const message of messages) {
      const result = await engine.respond(turn(snapshot, message, { lead }));
      lead = result.lead;
      answers.push(result.answer);
    }
    expect(answers[0]).toContain(asked[0]);
    expect(answers[1]).toContain(asked[1]);
    expect(lead!.score).toBeLessThan(snapshot.tenant.leadThreshold);
    expect(answers[2]).not.toContain(asked[0]);
    expect(answers[2]).not.toContain(asked[1]);
  });

  it('when the visitor cannot say what the agent asked, then it is acknowledged and the next question comes, not an "I do not know"', async () => {
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
    const snapshot = dentalSnapshot();
    const first = await engine.respond(turn(snapshot, "J'ai besoin de soigner une carie"));
    expect(first.answer).toContain('Pour quand en auriez-vous besoin ?');
    const history: HistoryTurn[] = [{ role: 'user', text: "J'ai besoin de soigner une carie", language: 'fr' }, { role: 'assistant', text: first.answer, language: 'fr' }];
    const second = await engine.respond(turn(snapshot, 'Je ne sais pas encore', { history, lead: first.lead }));
    expect(second.answerKind).not.toBe('unknown');
    expect(second.answer).toContain('Avez-vous un budget en tête ?');
  });

  it('when the plan has no lead scoring, then the agent does not question the visitor', async () => {
    const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
    const snapshot = dentalSnapshot();
    snapshot.tenant.features = snapshot.tenant.features.filter((f) => f !== 'lead_scoring');
    const result = await engine.respond(turn(snapshot, "J'ai besoin d'un implant"));
    expect(result.answer).not.toContain('Pour quand');
  });

  it('when a previous score is higher than what the text shows, then it is kept', () => {
    const previous = { score: 60, bant: { budget: 25, authority: 25, need: 10, timeline: 0 } };
    expect(scoreLead(['ok'], previous, noSignals)).toEqual(previous);
  });
});
