import { createEngine } from '../src';
import { business } from './support/business-snapshot';
import { fixedClock, turn } from './support/engine-input';

const rental = business('rental', 'Atlas Car', 'renting', 'fr', {
  Location:
    "Location de voitures à Marrakech, livraison à l'aéroport Menara. Citadine à partir de 250 DH par jour, SUV à partir de 600 DH par jour. " +
    'Kilométrage illimité. Caution de 5000 DH par carte bancaire. Permis de plus de 2 ans exigé. Siège bébé : 30 DH par jour. Assurance tous risques incluse.',
});

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

describe('a car rental agency answers in any of the five languages', () => {
  it.each([
    ['How much to rent a car per day?', 'Citadine à partir de 250 DH par jour'],
    ['¿Cuánto cuesta alquilar un coche por día?', 'Citadine à partir de 250 DH par jour'],
    ['شحال الكرا ديال الطوموبيل فالنهار؟', 'Citadine à partir de 250 DH par jour'],
    ['Is mileage unlimited?', 'Kilométrage illimité.'],
    ['How much is the deposit?', 'Caution de 5000 DH par carte bancaire.'],
  ])('when a driver asks "%s", then "%s" answers', async (message, fact) => {
    const result = await engine.respond(turn(rental, message));
    expect(result.answer).toContain(fact);
    expect(result.answerKind).toBe('grounded');
  });

  it('when an English visitor asks for "your location", then the French "Location de voitures" (a rental) still answers where', async () => {
    const result = await engine.respond(turn(rental, "What's your location?"));
    expect(result.answer).toContain("Location de voitures à Marrakech, livraison à l'aéroport Menara.");
  });

  it('when a driver asks how many years of licence ("combien d\'années"), then it is a question, not a price, and the licence line answers', async () => {
    const result = await engine.respond(turn(rental, "Il faut combien d'années de permis ?"));
    expect(result.intent).not.toBe('pricing');
    expect(result.answer).toContain('Permis de plus de 2 ans exigé.');
    expect(result.answer).not.toContain('tarifs');
  });
});
