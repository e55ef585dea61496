import type { HistoryTurn } from '../src';
import { createEngine } from '../src';
import { dentalSnapshot, shopSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

describe('short replies in a conversation', () => {
  const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
  const exchange = (user: string, assistant: string, language: HistoryTurn['language']): HistoryTurn[] => [
    { role: 'user', text: user, language },
    { role: 'assistant', text: assistant, language },
  ];

  it('when the visitor says "oui" to the booking offer, then the booking flow starts', async () => {
    const first = await engine.respond(turn(dentalSnapshot(), 'Quels sont vos horaires ?'));
    expect(first.answer.endsWith('Souhaitez-vous prendre rendez-vous ?')).toBe(true);
    const yes = await engine.respond(turn(dentalSnapshot(), 'oui', { history: exchange('Quels sont vos horaires ?', first.answer, 'fr') }));
    expect(yes.intent).toBe('booking');
    expect(yes.language).toBe('fr');
    expect(yes.answer).toContain('il me manque : la date');
    const history = [...exchange('Quels sont vos horaires ?', first.answer, 'fr'), ...exchange('oui', yes.answer, 'fr')];
    const details = await engine.respond(turn(dentalSnapshot(), "Jeudi à 11h, je m'appelle Nadia Alaoui, nadia@example.ma", { history }));
    expect(details.actions).toEqual([{ type: 'booking', booking: { date: '2025-03-13', time: '11:00', name: 'Nadia Alaoui', email: 'nadia@example.ma' } }]);
  });

  it('when the visitor says "yes please" to the offer of a person, then they are handed over', async () => {
    const first = await engine.respond(turn(dentalSnapshot(), 'Do you treat dogs?'));
    const yes = await engine.respond(turn(dentalSnapshot(), 'yes please', { history: exchange('Do you treat dogs?', first.answer, 'en') }));
    expect(yes.intent).toBe('handoff');
    expect(yes.actions).toEqual([{ type: 'handoff', reason: 'visitor_request', transferNumber: '+212522000001' }]);
  });

  it('when the visitor says "واخا" to a Darija booking offer, then the booking flow starts in Darija', async () => {
    const first = await engine.respond(turn(dentalSnapshot(), 'شحال التبياض ديال السنان؟'));
    const yes = await engine.respond(turn(dentalSnapshot(), 'واخا', { history: exchange('شحال التبياض ديال السنان؟', first.answer, 'ary') }));
    expect(yes.intent).toBe('booking');
    expect(yes.answer).toContain('باش نسجل الطلب ديالكم');
  });

  it('when "ok" answers no question, then the agent simply asks its follow-up instead of claiming ignorance', async () => {
    const result = await engine.respond(turn(shopSnapshot(), 'ok'));
    expect(result.answer).toBe('Can I help you find anything else?');
    expect(result.actions).toEqual([]);
  });

  it('when a visitor switches language mid-conversation, then the reply follows the new language', async () => {
    const history = exchange('Bonjour', 'Bonjour et bienvenue !', 'fr');
    const result = await engine.respond(turn(dentalSnapshot(), 'What are your prices?', { history }));
    expect(result.language).toBe('en');
    expect(result.answer).toContain('Teeth whitening: 2500 MAD');
  });

  it('when a short message carries no language, then the language of the conversation is kept', async () => {
    const history = exchange('¿Cuál es el horario?', 'Sobre nuestro horario: ...', 'es');
    const result = await engine.respond(turn(dentalSnapshot(), 'ok', { history }));
    expect(result.language).toBe('es');
  });
});
