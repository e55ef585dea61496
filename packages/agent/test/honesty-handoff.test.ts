import { PLANS } from '@vocalia/contracts';
import { createEngine } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

describe('honest "I don\'t know" and hand-off', () => {
  const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

  it.each([
    ['en', 'Do you treat dogs?', "I don't have that information"],
    ['en', 'How much is a heart transplant?', "I don't have that information"],
    ['fr', 'Est-ce que vous vendez des pneus neige ?', "Je n'ai pas cette information"],
    ['es', '¿Hacen cirugía estética de nariz?', 'No tengo esa información'],
    ['ar', 'هل تبيعون السيارات المستعملة؟', 'لا أملك هذه المعلومة'],
    ['ary', 'واش كتبيعو الحوت؟', 'ما عنديش هاد المعلومة'],
  ])('when nothing in the knowledge base matches (%s: %s), then it says so and offers a person, handing nobody over yet', async (language, message, phrase) => {
    const result = await engine.respond(turn(dentalSnapshot(), message));
    expect(result.language).toBe(language);
    expect(result.answer).toContain(phrase);
    expect(result.sources).toEqual([]);
    expect(result.handoff).toBe(false);
    expect(result.actions).toEqual([{ type: 'handoff', reason: 'unknown_answer', transferNumber: '+212522000001', offer: true }]);
    expect(result.answer).not.toMatch(/\d{2,}/);
    expect(result.answerKind).toBe('unknown');
  });

  it('when the price asked for is not in the knowledge base, then no price is given', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), "Combien coûte une greffe osseuse ?"));
    expect(result.answer).not.toMatch(/MAD|\d/);
    expect(result.actions).toEqual([expect.objectContaining({ type: 'handoff', offer: true })]);
  });

  it('when the visitor accepts the person offered, then that turn hands over', async () => {
    const offered = await engine.respond(turn(dentalSnapshot(), 'Est-ce que vous vendez des pneus neige ?'));
    const history = [
      { role: 'user' as const, text: 'Est-ce que vous vendez des pneus neige ?', language: offered.language },
      { role: 'assistant' as const, text: offered.answer, language: offered.language },
    ];
    const accepted = await engine.respond(turn(dentalSnapshot(), 'Oui', { history }));
    expect(accepted.handoff).toBe(true);
    expect(accepted.actions).toEqual([{ type: 'handoff', reason: 'visitor_request', transferNumber: '+212522000001' }]);
    expect(accepted.answerKind).toBe('handoff');
  });

  it('when the visitor asks for a human, then a hand-off with the transfer number is returned', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), 'Je veux parler à un conseiller'));
    expect(result.intent).toBe('handoff');
    expect(result.answer).toBe("Je vous mets en relation avec l'équipe du cabinet. Vous pouvez aussi appeler le +212522000001.");
    expect(result.actions).toEqual([{ type: 'handoff', reason: 'visitor_request', transferNumber: '+212522000001' }]);
    expect(result.handoff).toBe(true);
    expect(result.answerKind).toBe('handoff');
  });

  it('when the answer comes from the knowledge base, or the message is a greeting, then the turn says grounded, or other', async () => {
    expect((await engine.respond(turn(dentalSnapshot(), 'What are your opening hours?'))).answerKind).toBe('grounded');
    expect((await engine.respond(turn(dentalSnapshot(), 'Hello'))).answerKind).toBe('other');
  });

  it('when the tenant has no hand-off feature, then no hand-off action is returned and contact details are asked for', async () => {
    const features = PLANS.starter.features.filter((f) => f !== 'human_handoff');
    const result = await engine.respond(turn(dentalSnapshot({ features }), 'Do you treat dogs?'));
    expect(result.actions).toEqual([]);
    expect(result.handoff).toBe(false);
    expect(result.answer).toContain('leave me your name and number');
  });

  it('when a visitor complains, then the agent apologises and hands over', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), 'This is unacceptable, I want a refund'));
    expect(result.intent).toBe('complaint');
    expect(result.answer).toContain("I'm truly sorry");
    expect(result.actions[0]).toMatchObject({ type: 'handoff', reason: 'complaint' });
    expect(result.handoff).toBe(true);
  });

  it('when a qualified lead describes their project, then it is acknowledged and a person is offered', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), "Je suis le gérant d'une entreprise, j'ai un budget de 5000 dirhams et c'est urgent"));
    expect(result.lead.score).toBeGreaterThanOrEqual(60);
    expect(result.answer).toContain("c'est noté");
    expect(result.actions).toEqual([{ type: 'handoff', reason: 'qualified_lead', transferNumber: '+212522000001', offer: true }]);
    expect(result.handoff).toBe(false);
  });
});
