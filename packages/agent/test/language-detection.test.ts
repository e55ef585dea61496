import type { Language } from '@vocalia/contracts';
import { detectLanguage } from '../src';

describe('language detection', () => {
  const table: [string, Language][] = [
    ['Bonjour, je voudrais prendre rendez-vous', 'fr'],
    ['Quels sont vos horaires ?', 'fr'],
    ["c'est combien le détartrage", 'fr'],
    ['merci beaucoup', 'fr'],
    ['Hello, what are your opening hours?', 'en'],
    ['How much is a cleaning?', 'en'],
    ['I need an appointment tomorrow', 'en'],
    ['thanks a lot', 'en'],
    ['Hola, ¿cuánto cuesta una limpieza?', 'es'],
    ['Quiero una cita para mañana', 'es'],
    ['¿Dónde están?', 'es'],
    ['gracias', 'es'],
    ['ما هي أوقات العمل؟', 'ar'],
    ['هل يمكنني حجز موعد غدا؟', 'ar'],
    ['أريد أن أعرف الأسعار من فضلك', 'ar'],
    ['شكرا جزيلا', 'ar'],
    ['واش عندكم موعد غدوة؟', 'ary'],
    ['بغيت نعرف شحال التمن', 'ary'],
    ['كيفاش نقدر نجي عندكم؟', 'ary'],
    ['فين كاينين؟', 'ary'],
    ['ماعنديش الوقت دابا', 'ary'],
    ['مزيان بزاف، ديال الصباح ولا العشية؟', 'ary'],
    ['salam, bghit nakhod rendez-vous', 'ary'],
    ['chhal taman dyal tabyad?', 'ary'],
    ['wach kayn chi blasa ghda?', 'ary'],
    ['3afak chno homa lawqat dyalkom', 'ary'],
    ['salam', 'ary'],
  ];

  it.each(table)('when the message is "%s", then the language is %s', (message, language) => {
    expect(detectLanguage(message, 'en')).toMatchObject({ language, detected: true });
  });

  it.each(['ok', '14h30', '06 12 34 56 78', '👍'])('when the message "%s" carries no language, then the fallback is used', (message) => {
    expect(detectLanguage(message, 'es')).toEqual({ language: 'es', detected: false, byFallback: true });
  });

  it('when two languages tie, then the fallback wins among them, and the guess says the fallback chose', () => {
    expect(detectLanguage('merci thanks', 'fr')).toEqual({ language: 'fr', detected: true, byFallback: true });
    expect(detectLanguage('merci thanks', 'en')).toEqual({ language: 'en', detected: true, byFallback: true });
  });

  it('when one language leads, then any fallback gives the same guess, and the guess says the fallback did not choose', () => {
    for (const fallback of ['fr', 'en', 'es', 'ar', 'ary'] as const) {
      expect(detectLanguage('What are your opening hours on Sunday?', fallback)).toEqual({ language: 'en', detected: true, byFallback: false });
    }
  });
});
