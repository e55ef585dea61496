import { captureBooking, createEngine, parseDate, parseTime } from '../src';
import { PLANS } from '@vocalia/contracts';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, turn } from './support/engine-input';

const today = { year: 2025, month: 3, day: 10 };

describe('booking capture', () => {
  const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

  it('when everything is given in one message, then a booking action carries date, time, name, phone and service', async () => {
    const result = await engine.respond(
      turn(dentalSnapshot(), "Je voudrais un rendez-vous pour un détartrage demain à 10h, je m'appelle Karim Benali, mon numéro est 06 12 34 56 78"),
    );
    const booking = { date: '2025-03-11', time: '10:00', service: 'détartrage', name: 'Karim Benali', phone: '0612345678' };
    expect(result.intent).toBe('booking');
    expect(result.actions).toEqual([{ type: 'booking', booking }]);
    expect(result.booking).toEqual(booking);
    expect(result.contact).toEqual({ name: 'Karim Benali', phone: '0612345678' });
    expect(result.answer).toContain('mardi 11 mars à 10:00');
  });

  it('when details come over several turns, then they are assembled from the history', async () => {
    const snapshot = dentalSnapshot();
    const first = await engine.respond(turn(snapshot, 'I would like to book a cleaning on Friday at 3pm'));
    expect(first.actions).toEqual([]);
    expect(first.answer).toContain('your name and a phone number or an email');
    // Nothing is recorded while details are missing: one booking, once complete.
    expect(first.booking).toBeUndefined();
    const history = [
      { role: 'user' as const, text: 'I would like to book a cleaning on Friday at 3pm', language: 'en' as const },
      { role: 'assistant' as const, text: first.answer, language: 'en' as const },
    ];
    const second = await engine.respond(turn(snapshot, 'My name is John Smith, john.smith@example.com', { history }));
    expect(second.intent).toBe('booking');
    expect(second.actions).toEqual([
      { type: 'booking', booking: { date: '2025-03-14', time: '15:00', service: 'cleaning', name: 'John Smith', email: 'john.smith@example.com' } },
    ]);
  });

  it('when a Darija speaker asks for a slot, then the request is understood and the missing details are asked in Darija', async () => {
    const result = await engine.respond(turn(dentalSnapshot(), 'واش كاين شي موعد غدوة مع 10؟'));
    expect(result.language).toBe('ary');
    expect(result.booking).toBeUndefined();
    expect(result.answer).toContain('سميتكم');
    expect(result.answer).not.toContain('النهار');
  });

  it('when the tenant has no booking feature, then it says online booking is unavailable and offers a person', async () => {
    const result = await engine.respond(turn(dentalSnapshot({ features: PLANS.starter.features }), 'I want to book an appointment tomorrow at 9am'));
    expect(result.actions.find((a) => a.type === 'booking')).toBeUndefined();
    expect(result.answer).toContain("Online booking isn't available here.");
    expect(result.actions).toEqual([{ type: 'handoff', reason: 'booking_unavailable', transferNumber: '+212522000001' }]);
  });

  it.each([
    ['demain', '2025-03-11'], ['après-demain', '2025-03-12'], ['tomorrow', '2025-03-11'], ['mañana por la tarde', '2025-03-11'], ['غدوة', '2025-03-11'],
    ['lundi', '2025-03-17'], ['friday', '2025-03-14'], ['el jueves', '2025-03-13'], ['نهار الخميس', '2025-03-13'], ['le 12 mars', '2025-03-12'],
    ['March 2nd', '2026-03-02'], ['15/04/2025', '2025-04-15'], ['2025-06-01', '2025-06-01'], ['12 de abril', '2025-04-12'], ['5 مايو', '2025-05-05'],
  ])('when the visitor says "%s", then the date is %s', (text, iso) => {
    expect(parseDate(text, today)).toBe(iso);
  });

  it.each([
    ['à 14h30', '14:30'], ['vers 9h', '09:00'], ['at 3pm', '15:00'], ['3:30 pm', '15:30'], ['a las 5 de la tarde', '17:00'],
    ['الساعة 10', '10:00'], ['m3a 4', '16:00'], ['18:00', '18:00'], ['à midi', '12:00'], ['20 heures', '20:00'],
  ])('when the visitor says "%s", then the time is %s', (text, time) => {
    expect(parseTime(text)).toBe(time);
  });

  it('when a message has no date or time, then none is invented (a dotted phone number is not a date)', () => {
    expect(parseTime('je viens avec 2 enfants')).toBeUndefined();
    const capture = captureBooking(['mon numéro est 06.12.34.56.78'], { phone: '0612345678' }, today);
    expect(capture.booking).toEqual({ phone: '0612345678' });
    expect(capture.missing).toEqual(['date', 'time', 'name']);
  });
});
