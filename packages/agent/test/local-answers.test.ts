import type { Language } from '@vocalia/contracts';
import { createEngine } from '../src';
import { dentalSnapshot } from './support/fixtures';
import { fixedClock, tokenRecorder, turn } from './support/engine-input';

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
const snapshot = dentalSnapshot();

describe('local provider answers from the knowledge base', () => {
  const cases: { language: Language; message: string; intent: string; source: string; expect: string[] }[] = [
    { language: 'fr', message: 'Bonjour, quels sont vos horaires ?', intent: 'hours', source: 'doc-hours-fr', expect: ['lundi au vendredi de 9h à 18h', 'Concernant nos horaires'] },
    { language: 'en', message: 'What time do you open on Saturday?', intent: 'hours', source: 'doc-hours-en', expect: ['Saturday from 9am to 1pm', 'About our opening hours'] },
    { language: 'es', message: '¿Cuánto cuesta una limpieza dental?', intent: 'pricing', source: 'doc-prices-es', expect: ['Limpieza dental: 400 MAD', 'Sobre nuestros precios'] },
    { language: 'ar', message: 'ما هي أوقات العمل؟', intent: 'hours', source: 'doc-hours-ar', expect: ['من الاثنين إلى الجمعة', 'بخصوص أوقات العمل'] },
    { language: 'ary', message: 'شحال كيسوا التبياض ديال السنان؟', intent: 'pricing', source: 'doc-prices-ary', expect: ['التبياض ديال السنان ب 2500 درهم', 'على الأثمنة ديالنا'] },
  ];

  it.each(cases)('when a visitor asks in $language, then the answer quotes the $language chunk in the persona frame', async (c) => {
    const tokens = tokenRecorder();
    const result = await engine.respond(turn(snapshot, c.message), tokens.sink);
    expect(result.language).toBe(c.language);
    expect(result.intent).toBe(c.intent);
    expect(result.provider).toBe('local');
    expect(result.sources[0]?.documentId).toBe(c.source);
    for (const fragment of c.expect) expect(result.answer).toContain(fragment);
    expect(result.handoff).toBe(false);
    expect(tokens.text()).toBe(result.answer);
  });

  it('when the visitor asks about one treatment, then only the sentence about it is quoted, not the whole price list', async () => {
    const result = await engine.respond(turn(snapshot, 'Vous faites les implants ?'));
    expect(result.answer).toContain('Implant dentaire : à partir de 9000 MAD.');
    expect(result.answer).not.toContain('Blanchiment');
  });

  it('when only another language has the answer, then it is still given and said to be in that language', async () => {
    const result = await engine.respond(turn(snapshot, 'Do you take insurance?'));
    expect(result.language).toBe('en');
    expect(result.answer).toContain('CNOPS');
    expect(result.answer).toContain('written in French');
  });

  it('when the widget chose a language, then the reply uses it even if the message is in another', async () => {
    const result = await engine.respond(turn(snapshot, 'Quels sont vos horaires ?', { language: 'en' }));
    expect(result.language).toBe('en');
    expect(result.answer).toContain('Monday to Friday');
  });

  it('when streaming, then onToken gets word-sized pieces whose concatenation is the answer', async () => {
    const tokens = tokenRecorder();
    const result = await engine.respond(turn(snapshot, 'What are your opening hours?'), tokens.sink);
    expect(tokens.pieces.length).toBeGreaterThan(10);
    for (const piece of tokens.pieces) expect(piece.trim().split(/\s+/)).toHaveLength(1);
    expect(tokens.text()).toBe(result.answer);
  });

  it.each([
    ['fr', 'Bonjour', 'Bonjour et bienvenue chez Cabinet Dentaire Atlas'],
    ['en', 'hello', 'Hello and welcome to Cabinet Dentaire Atlas'],
    ['es', 'hola', '¡Hola y bienvenido a Cabinet Dentaire Atlas!'],
    ['ar', 'السلام عليكم', 'مرحبا بكم في Cabinet Dentaire Atlas'],
    ['ary', 'salam', 'مرحبا بيكم ف Cabinet Dentaire Atlas'],
  ])('when a visitor greets in %s, then the persona greets back in that language', async (language, message, greeting) => {
    const result = await engine.respond(turn(snapshot, message));
    expect(result.intent).toBe('greeting');
    expect(result.language).toBe(language);
    expect(result.answer).toContain(greeting);
  });

  it('when the visitor says goodbye, then the agent thanks them with the business name', async () => {
    const result = await engine.respond(turn(snapshot, 'merci, au revoir'));
    expect(result.intent).toBe('goodbye');
    expect(result.answer).toBe('Merci pour votre message et à bientôt chez Cabinet Dentaire Atlas !');
  });

  it('when the same turn is asked twice, then the answer is identical (deterministic)', async () => {
    const a = await engine.respond(turn(snapshot, '¿Dónde están?'));
    const b = await engine.respond(turn(snapshot, '¿Dónde están?'));
    expect(a).toEqual(b);
    expect(a.answer).toContain('boulevard Zerktouni');
  });
});
