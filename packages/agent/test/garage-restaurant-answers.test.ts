import { createEngine } from '../src';
import { business } from './support/business-snapshot';
import { fixedClock, turn } from './support/engine-input';

const garage = business('garage', 'Garage Atlas Auto', 'automotive', 'fr', {
  Présentation:
    "Garage Atlas Auto, 45 boulevard Zerktouni, Casablanca. Ouvert du lundi au samedi de 8h30 à 18h30. Vidange à partir de 350 DH, pièces et main d'œuvre. " +
    'Diagnostic électronique : 200 DH. Nous réparons toutes marques, essence et diesel. Véhicule de courtoisie sur réservation. Paiement en espèces ou par carte.',
  Pneus: 'Montage et équilibrage des pneus : 50 DH par roue. Nous vendons des pneus Michelin, Continental et Hankook.',
});

const restaurant = business('olive', 'The Olive Tree', 'restaurant', 'en', {
  'About us':
    'The Olive Tree is a Mediterranean restaurant at 8 Rue Tahar Sebti, Marrakech. We are open every day from noon to 11pm. Vegetarian and gluten-free dishes are available. ' +
    'We do not serve alcohol. Terrace seating in summer. Reservations recommended for groups of 6 or more.',
  Menu: 'Starters from 45 MAD. Tagines from 95 MAD. Set menu at 180 MAD. Kids menu 70 MAD.',
});

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

describe('a garage and a restaurant answer what their customers ask, in any of the five languages', () => {
  const REPAIRS = 'Nous réparons toutes marques, essence et diesel.';
  it.each(['Vous réparez les voitures diesel ?', 'Do you fix diesel cars?', '¿Reparan coches diésel?', 'واش كتصلحو الطوموبيلات ديال المازوط؟'])(
    'when a driver asks whether diesel cars are repaired (%s), then the repairs sentence answers',
    async (message) => {
      const result = await engine.respond(turn(garage, message));
      expect(result.answer).toContain(REPAIRS);
      expect(result.answerKind).toBe('grounded');
    },
  );

  it.each([
    ['Do you sell Michelin tyres?', 'Nous vendons des pneus Michelin'],
    ['¿Venden neumáticos?', 'Nous vendons des pneus Michelin'],
    ['واش كتبيعو الروايض؟', 'Nous vendons des pneus Michelin'],
    ['شحال الديانوستيك؟', 'Diagnostic électronique : 200 DH.'],
    ['واش نقدر نخلص بالكارط؟', 'Paiement en espèces ou par carte.'],
  ])('when a driver asks "%s", then "%s" answers', async (message, fact) => {
    expect((await engine.respond(turn(garage, message))).answer).toContain(fact);
  });

  it('when a driver asks for a replacement car, then the courtesy vehicle sentence answers', async () => {
    const result = await engine.respond(turn(garage, 'Vous avez une voiture de remplacement ?'));
    expect(result.answer).toContain('Véhicule de courtoisie sur réservation.');
  });

  it.each([
    ['Do you serve wine?', 'We do not serve alcohol.'],
    ["Vous servez de l'alcool ?", 'We do not serve alcohol.'],
    ['واش عندكم الماكلة ديال النباتيين؟', 'Vegetarian and gluten-free dishes are available.'],
    ['¿Tienen terraza?', 'Terrace seating in summer.'],
    ['Do you have outdoor seating?', 'Terrace seating in summer.'],
    ["C'est ouvert à midi ?", 'We are open every day from noon to 11pm.'],
    ['فين كاين الريسطو؟', '8 Rue Tahar Sebti, Marrakech'],
  ])('when a diner asks "%s", then "%s" answers', async (message, fact) => {
    const result = await engine.respond(turn(restaurant, message));
    expect(result.answer).toContain(fact);
    expect(result.answerKind).toBe('grounded');
  });

  it('when a short sentence answers ("We do not serve alcohol."), then it is quoted alone, not with the next one as if it were a heading', async () => {
    const result = await engine.respond(turn(restaurant, 'Do you serve wine?'));
    expect(result.answer).toContain('We do not serve alcohol.');
    expect(result.answer).not.toContain('Terrace');
  });

  it('when a clinic is asked whether it sells used cars, then "car park" in its address does not answer', async () => {
    const result = await engine.respond(turn(business('clinic', 'Clinique', 'dental', 'en', { Access: 'We are at 12 Zerktouni Boulevard. There is a public car park 50 metres away.' }), 'Do you sell used cars?'));
    expect(result.answerKind).toBe('unknown');
  });

  it.each(['Il faut réserver ?', 'Do I need a reservation?', 'واش خاص نحجز؟'])('when a diner asks whether booking is needed (%s), then the reservations policy answers instead of asking for a date and a name', async (message) => {
    const result = await engine.respond(turn(restaurant, message));
    expect(result.intent).not.toBe('booking');
    expect(result.answer).toContain('Reservations recommended for groups of 6 or more.');
  });

  it('when a diner asks for dishes "sans gluten", then the gluten-free sentence answers', async () => {
    expect((await engine.respond(turn(restaurant, 'Vous avez des plats sans gluten ?'))).answer).toContain('gluten-free dishes are available');
  });

  it('when a restaurant is asked for an area "réservé aux femmes", then its reservations policy does not answer (it has no such area)', async () => {
    expect((await engine.respond(turn(restaurant, 'Vous avez un espace réservé aux femmes ?'))).answerKind).toBe('unknown');
  });
});
