import { createEngine } from '../src';
import { business } from './support/business-snapshot';
import { fixedClock, turn } from './support/engine-input';

const riad = business('riad', 'Riad Yasmine', 'hospitality', 'fr', {
  'Le riad':
    "Riad Yasmine, maison d'hôtes de 8 chambres au cœur de la médina de Fès. Chambre double à partir de 900 DH la nuit, petit-déjeuner inclus. " +
    "Arrivée à partir de 14h, départ avant 11h. Wifi gratuit. Transfert depuis l'aéroport de Fès : 250 DH. Piscine chauffée et hammam traditionnel. " +
    'Les animaux ne sont pas acceptés.',
});

const gym = business('gym', 'Atlas Fitness', 'fitness', 'en', {
  Membership:
    'Monthly membership 400 MAD, yearly 3900 MAD. First session free. Open 6am to 11pm, weekends 8am to 8pm. Women-only area and classes. ' +
    'Personal coaching 200 MAD per session. Showers and lockers available.',
});

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

describe('a riad and a gym answer their guests and members in any of the five languages', () => {
  it.each([
    ['How much is a room per night?', 'Chambre double à partir de 900 DH la nuit'],
    ['Is breakfast included?', 'petit-déjeuner inclus'],
    ['هل الفطور مشمول؟', 'petit-déjeuner inclus'],
    ['Do you have a pool?', 'Piscine chauffée'],
    ['Can I bring my dog?', 'Les animaux ne sont pas acceptés.'],
    ["Vous venez nous chercher à l'aéroport ?", "Transfert depuis l'aéroport de Fès : 250 DH."],
    ['واش كاين شي طرانسفير من المطار؟', "Transfert depuis l'aéroport de Fès : 250 DH."],
    ['واش كاين الويفي؟', 'Wifi gratuit.'],
    ['فين كاين الرياض؟', 'médina de Fès'],
    ['Combien de chambres avez-vous ?', '8 chambres'],
    ['How many rooms do you have?', '8 chambres'],
  ])('when a guest asks "%s", then "%s" answers', async (message, fact) => {
    const result = await engine.respond(turn(riad, message));
    expect(result.answer).toContain(fact);
    expect(result.answerKind).toBe('grounded');
  });

  it.each(['À quelle heure est le check-in ?', 'What time is check-out?'])('when a guest asks about arrival or departure (%s), then the times line alone answers, not the breakfast line', async (message) => {
    const result = await engine.respond(turn(riad, message));
    expect(result.answer).toContain('Arrivée à partir de 14h, départ avant 11h.');
    expect(result.answer).not.toContain('petit-déjeuner');
  });

  it('when a guest asks whether there is wifi ("واش كاين"), then "there is" does not read as "where" and the address stays out', async () => {
    const result = await engine.respond(turn(riad, 'واش كاين الويفي؟'));
    expect(result.answer).toContain('Wifi gratuit.');
    expect(result.answer).not.toContain('médina');
  });

  it.each([
    ['Combien coûte l\'abonnement ?', 'Monthly membership 400 MAD'],
    ['شحال الاشتراك؟', 'Monthly membership 400 MAD'],
    ['¿Cuánto cuesta la cuota mensual?', 'Monthly membership 400 MAD'],
    ['Do you have a personal trainer?', 'Personal coaching 200 MAD per session.'],
    ['Il y a des douches ?', 'Showers and lockers available.'],
    ['Vous avez un espace réservé aux femmes ?', 'Women-only area and classes.'],
    ['واش كاين شي بلاصة خاصة بالعيالات؟', 'Women-only area and classes.'],
    ['¿La primera sesión es gratis?', 'First session free.'],
    ['La première séance est gratuite ?', 'First session free.'],
    ["C'est combien l'année ?", 'yearly 3900 MAD'],
  ])('when a member asks "%s", then "%s" answers', async (message, fact) => {
    const result = await engine.respond(turn(gym, message));
    expect(result.answer).toContain(fact);
    expect(result.answerKind).toBe('grounded');
  });

  it('when a member says "réservé aux femmes" (women only), then it is a question, not a booking that asks for a date', async () => {
    expect((await engine.respond(turn(gym, 'Vous avez un espace réservé aux femmes ?'))).intent).not.toBe('booking');
    expect((await engine.respond(turn(gym, 'Je réserve pour samedi'))).intent).toBe('booking');
  });
});
