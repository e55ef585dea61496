import { createEngine } from '../src';
import { business } from './support/business-snapshot';
import { fixedClock, turn } from './support/engine-input';

const school = business('school', 'École Les Oliviers', 'education', 'fr', {
  Inscriptions:
    "Les inscriptions pour la rentrée sont ouvertes. Frais d'inscription : 3000 DH. Mensualité : 2500 DH en primaire. Transport scolaire disponible dans tout Rabat. " +
    "Cantine avec repas équilibrés. Enseignement en français et en arabe, anglais dès la maternelle. Garderie jusqu'à 18h.",
});

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

describe('a private school answers parents in any of the five languages', () => {
  it.each([
    ["C'est combien par mois ?", 'Mensualité : 2500 DH en primaire.'],
    ['شحال الواجب الشهري؟', 'Mensualité : 2500 DH en primaire.'],
    ['Is there a school bus?', 'Transport scolaire disponible dans tout Rabat.'],
    ['واش كاين النقل المدرسي؟', 'Transport scolaire disponible dans tout Rabat.'],
    ['Do you have a canteen?', 'Cantine avec repas équilibrés.'],
    ['¿Tienen comedor?', 'Cantine avec repas équilibrés.'],
    ['Do you teach English?', 'anglais dès la maternelle'],
  ])('when a parent asks "%s", then "%s" answers', async (message, fact) => {
    const result = await engine.respond(turn(school, message));
    expect(result.answer).toContain(fact);
    expect(result.answerKind).toBe('grounded');
  });
});
