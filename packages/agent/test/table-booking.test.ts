import { createEngine } from '../src';
import { business } from './support/business-snapshot';
import { fixedClock, turn } from './support/engine-input';

const restaurant = business('olive', 'The Olive Tree', 'restaurant', 'en', { 'About us': 'The Olive Tree, 8 Rue Tahar Sebti, Marrakech. Open every day from noon to 11pm.' });
const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

type Said = { role: 'user' | 'assistant'; text: string; language: 'fr' | 'en' | 'es' | 'ar' | 'ary' };

/** The visitor's messages one after the other, each answered with the conversation so far. */
async function converse(messages: string[]) {
  const history: Said[] = [];
  let last;
  for (const message of messages) {
    last = await engine.respond(turn(restaurant, message, { history: [...history] }));
    history.push({ role: 'user', text: message, language: last.language }, { role: 'assistant', text: last.answer, language: last.language });
  }
  return last!;
}

describe('a table booked at a restaurant, as guests say it', () => {
  it('when a French guest gives the party size, then "au nom de" names the booking and the party size is its note', async () => {
    const result = await converse(['Bonjour, je voudrais réserver une table pour samedi soir', 'Pour 6 personnes à 20h', 'Au nom de Karim Benali, 0612345678']);
    expect(result.actions).toEqual([
      { type: 'booking', booking: { date: '2025-03-15', service: 'table', time: '20:00', name: 'Karim Benali', phone: '0612345678', note: '6 personnes' } },
    ]);
    expect(result.answer).toContain('au nom de Karim Benali (6 personnes)');
  });

  it('when an English guest writes "Name is Sarah" and "a table for 4", then the booking is complete', async () => {
    const result = await converse(['Can I book a table for 4 on Saturday at 8pm? Name is Sarah, sarah@example.com']);
    expect(result.actions).toEqual([{ type: 'booking', booking: { date: '2025-03-15', time: '20:00', service: 'table', name: 'Sarah', email: 'sarah@example.com', note: '4 people' } }]);
  });

  it('when a Darija guest says "8 at night" and then only "باسم كريم", then the table is at 20:00 and the answer stays in Darija', async () => {
    const result = await converse(['بغيت نحجز طابلة ديال 6 نهار السبت مع 8 ديال الليل', 'باسم كريم، 0612345678']);
    expect(result.language).toBe('ary');
    expect(result.actions).toEqual([{ type: 'booking', booking: { service: 'طابلة', date: '2025-03-15', time: '20:00', name: 'كريم', phone: '0612345678', note: '6 ديال الناس' } }]);
  });

  it('when an Arabic guest books "طاولة يوم السبت", then the service is the table, not "table day"', async () => {
    const result = await converse(['مرحبا، أريد حجز طاولة يوم السبت على الساعة 8 مساء باسم سلمى، 0612345678']);
    expect(result.booking).toMatchObject({ service: 'طاولة', date: '2025-03-15', time: '20:00', name: 'سلمى' });
  });

  it('when a French guest writes a terse line ("Réservation samedi 20h, nom : ..."), then the answer is in French', async () => {
    const result = await converse(['Réservation samedi 20h, nom : Karim Benali, tél 0612345678']);
    expect(result.language).toBe('fr');
    expect(result.booking).toMatchObject({ date: '2025-03-15', time: '20:00', name: 'Karim Benali' });
  });

  it('when the guest confirms a booking already recorded, then it is not recorded a second time; a changed time is a new request', async () => {
    const booked = ['Je voudrais réserver une table samedi à 20h pour 4', 'Au nom de Karim, 0612345678'];
    const again = await converse([...booked, 'Je confirme le rendez-vous.']);
    expect(again.actions).toEqual([]);
    expect(again.booking).toBeUndefined();
    expect(again.answer).toContain('Votre demande est déjà transmise');
    const changed = await converse([...booked, 'Je confirme le rendez-vous.', 'Finalement plutôt à 21h']);
    expect(changed.booking).toMatchObject({ date: '2025-03-15', time: '21:00', name: 'Karim', note: '4 personnes' });
  });
});
