import { PLANS, type TenantSnapshot } from '@vocalia/contracts';
import { createEngine } from '../src';
import { fixedClock, turn } from './support/engine-input';

const EMERGENCIES = 'Oui, les urgences dentaires sont reçues chaque matin de 9h à 10h, sans rendez-vous.';

/** The launcher's demo clinic as db-api chunks it: an FAQ pair per chunk, the price list as one markdown chunk. */
function demoClinic(): TenantSnapshot {
  const chunk = (id: string, title: string, language: 'fr' | 'en', text: string) => ({ id, documentId: `doc-${id}`, title, language, text });
  return {
    tenant: {
      id: 'tenant-demo', name: 'Demo Dental Clinic', sector: 'dental', plan: 'pro', features: PLANS.pro.features, status: 'active',
      defaultLanguage: 'fr', currency: 'EUR', timezone: 'Europe/Paris', leadThreshold: 60, phoneNumbers: [],
    },
    allowedOrigins: ['https://demo.example'],
    agent: { id: 'agent-demo', name: 'Sara', personaId: 'dental', languages: ['fr', 'en', 'es', 'ar', 'ary'], greeting: {}, instructions: '', tools: ['handoff'] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: ['fr', 'en', 'es', 'ar', 'ary'], greeting: {}, ecommerce: false,
    },
    knowledge: [
      chunk('hours', "Horaires d'ouverture", 'fr', 'Quels sont vos horaires ?\nLe cabinet est ouvert du lundi au vendredi de 9h à 19h et le samedi de 9h à 13h. Fermé le dimanche.'),
      chunk('emergencies', "Horaires d'ouverture", 'fr', `Prenez-vous les urgences ?\n${EMERGENCIES}`),
      chunk('prices', 'Tarifs', 'fr', 'Tarifs\n- Consultation : 30 €\n- Détartrage : 60 €\n- Blanchiment : 350 €\n- Couronne céramique : à partir de 700 €\n\nPaiement par carte ou espèces. Tiers payant pour la consultation et le détartrage.'),
      chunk('address', 'Address and opening hours', 'en', 'Demo Dental Clinic\n12 rue de la Paix, 75002 Paris (metro Opéra). Free parking for patients in the courtyard.\n\nOpen Monday to Friday 9am-7pm, Saturday 9am-1pm.'),
    ],
    catalog: [],
    version: 'demo-v1',
  };
}

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
const snapshot = demoClinic();
const ask = (message: string) => engine.respond(turn(snapshot, message));

describe("the demo clinic's answers to what a newcomer asks first", () => {
  it.each([
    ['fr', "J'ai très mal à une dent, vous pouvez me prendre aujourd'hui ?"],
    ['fr', 'J’ai une rage de dents'],
    ['en', 'I have a terrible toothache, can you see me today?'],
    ['es', 'Me duele mucho una muela, ¿me pueden atender hoy?'],
    ['ary', 'عندي ألم في الضرس، واش ممكن تشوفوني اليوم؟'],
  ])('when a patient in pain asks to be seen (%s: %s), then the emergency hours answer, and nobody is handed over', async (language, message) => {
    const result = await ask(message);
    expect(result.language).toBe(language);
    expect(result.answer).toContain(EMERGENCIES);
    expect(result.answerKind).toBe('grounded');
    expect(result.handoff).toBe(false);
  });

  it.each([
    ['Do you speak English?', 'I can answer you in French, English, Spanish, Arabic and Darija.'],
    ['Parlez-vous allemand ?', 'Je peux vous répondre en français, anglais, espagnol, arabe et darija.'],
    ['¿Hablan español?', 'Puedo responderle en francés, inglés, español, árabe y dariya.'],
    ['واش كتهضر بالدارجة؟', 'نقدر نجاوبكم بهاد اللغات: الفرنسية، الإنجليزية، الإسبانية، العربية و الدارجة.'],
  ])('when a visitor asks which languages the agent speaks (%s), then it names the agent\'s languages instead of "I don\'t know"', async (message, languages) => {
    const result = await ask(message);
    expect(result.answer).toContain(languages);
    expect(result.actions).toEqual([]);
  });

  it('when a visitor says the service was terrible, then it is still a complaint', async () => {
    expect((await ask('The service was terrible')).intent).toBe('complaint');
  });

  it('when the visitor asks for the prices, then the whole list is quoted, not its heading alone', async () => {
    const result = await ask('Quels sont vos tarifs ?');
    for (const line of ['Consultation : 30 €.', 'Détartrage : 60 €.', 'Blanchiment : 350 €.', 'Couronne céramique : à partir de 700 €.']) expect(result.answer).toContain(line);
    expect(result.answer).not.toContain('Paiement');
  });

  it.each(['J’ai une question sur vos prix', 'I have a question about your prices', 'عندي سؤال على الأسعار'])('when the visitor announces a question about the prices (%s), then the price list answers', async (message) => {
    const result = await ask(message);
    expect(result.answer).toContain('Consultation : 30 €.');
    expect(result.answerKind).toBe('grounded');
  });

  it.each(['Vous acceptez la mutuelle ?', 'Do you take health insurance?'])('when the visitor asks about insurance (%s), then the third-party payment line answers', async (message) => {
    const result = await ask(message);
    expect(result.answer).toContain('Tiers payant pour la consultation et le détartrage.');
    expect(result.answer).not.toContain('Consultation : 30 €');
  });

  it('when the visitor asks the price of one treatment, then its line alone is quoted', async () => {
    const result = await ask('Combien coûte un blanchiment ?');
    expect(result.answer).toContain('Blanchiment : 350 €.');
    expect(result.answer).not.toContain('Couronne');
  });

  it.each([
    ["J'ai une question", 'Je vous écoute : quelle est votre question ?'],
    ['Puis-je vous poser une petite question ?', 'Je vous écoute : quelle est votre question ?'],
    ['Can I ask you something?', "Of course, I'm listening: what would you like to know?"],
    ['Tengo una pregunta', 'Claro, le escucho: ¿cuál es su pregunta?'],
    ['عندي سؤال', 'بكل سرور، ما هو سؤالكم؟'],
    ['بغيت نسولك', 'مرحبا، شنو هو السؤال ديالكم؟'],
  ])('when the visitor announces a question without asking it (%s), then the agent listens instead of "I don\'t know"', async (message, reply) => {
    const result = await ask(message);
    expect(result.answer).toBe(reply);
    expect(result.actions).toEqual([]);
  });

  it.each(['Je peux payer en espèces ?', 'Vous prenez la carte bleue ?', 'Can I pay cash?', '¿Puedo pagar con tarjeta?'])(
    'when the visitor asks how to pay (%s), then the payment line answers, not the price list',
    async (message) => {
      const result = await ask(message);
      expect(result.answer).toContain('Paiement par carte ou espèces.');
      expect(result.answer).not.toContain('Consultation : 30 €');
    },
  );

  it.each(['Combien je vais payer ?', 'How much will I pay?'])('when the visitor asks what they will pay (%s), then the price list answers', async (message) => {
    const result = await ask(message);
    expect(result.answer).toContain('Consultation : 30 €.');
    expect(result.answerKind).toBe('grounded');
  });

  it('when a greeting opens the question ("Bonsoir, vous êtes ouverts demain ?", "Hola, ¿abren mañana?"), then the opening hours still answer', async () => {
    for (const message of ['Bonsoir, vous êtes ouverts demain ?', 'Are you open tomorrow?', 'Hola, ¿abren mañana?']) {
      expect((await ask(message)).answer).toContain('du lundi au vendredi de 9h à 19h');
    }
  });

  it('when the visitor greets and announces a question in Arabizi ("Salam, 3andi wa7ed so2al"), then the agent listens', async () => {
    expect((await ask('Salam, 3andi wa7ed so2al')).answer).toBe('مرحبا، شنو هو السؤال ديالكم؟');
  });

  it('when the visitor says "Ok super merci beaucoup, bonne journée", then it is a goodbye, not "I don\'t know"', async () => {
    expect((await ask('Ok super merci beaucoup, bonne journée')).intent).toBe('goodbye');
  });

  it.each([
    ['شحال كتسوا الكونسولتاسيون؟', 'Consultation : 30 €.'],
    ['How much is a check-up?', 'Consultation : 30 €.'],
    ['فوقاش كتحلو نهار السبت؟', 'le samedi de 9h à 13h'],
  ])('when a patient asks "%s" in their own words, then "%s" answers', async (message, fact) => {
    expect((await ask(message)).answer).toContain(fact);
  });
});
