import { PLANS, type TenantSnapshot } from '@vocalia/contracts';
import { createEngine } from '../src';
import { fixedClock, turn } from './support/engine-input';

/** A plumber who pasted its whole presentation as one paragraph of text: every topic in one chunk. */
const PRESENTATION =
  'Plomberie Durand intervient à Nantes et dans un rayon de 20 km. ' +
  'Nous sommes ouverts du lundi au vendredi de 8h à 18h. ' +
  "En cas d'urgence (fuite, canalisation bouchée), nous intervenons 24h/24 au 02 40 11 22 33. " +
  'Le déplacement est facturé 40 € en journée. ' +
  'Paiement par carte, chèque ou virement.';

function plumberSnapshot(): TenantSnapshot {
  return {
    tenant: {
      id: 'tenant-plumber', name: 'Plomberie Durand', sector: 'home', plan: 'pro', features: PLANS.pro.features, status: 'active',
      defaultLanguage: 'fr', currency: 'EUR', timezone: 'Europe/Paris', leadThreshold: 60, phoneNumbers: [],
    },
    allowedOrigins: ['https://durand.example'],
    agent: { id: 'agent-durand', name: 'Léa', personaId: 'home', languages: ['fr'], greeting: {}, instructions: '', tools: ['handoff'] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: ['fr'], greeting: {}, ecommerce: false,
    },
    knowledge: [{ id: 'presentation', documentId: 'doc-presentation', title: 'Qui sommes-nous', language: 'fr', text: PRESENTATION }],
    catalog: [],
    version: 'plumber-v1',
  };
}

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });
const snapshot = plumberSnapshot();
const ask = (message: string) => engine.respond(turn(snapshot, message));

describe('a business presentation pasted as one paragraph', () => {
  it('when the visitor uses another word of the same family ("intervenez" for "intervenons"), then the sentence using it answers', async () => {
    const result = await ask('Vous intervenez en urgence la nuit ?');
    expect(result.answer).toContain('24h/24 au 02 40 11 22 33');
    expect(result.sources[0]?.documentId).toBe('doc-presentation');
  });

  it('when the visitor asks for a number to call and the text only writes the number, then the sentence with the number answers', async () => {
    const result = await ask('Quel numéro appeler pour une urgence ?');
    expect(result.answer).toContain('02 40 11 22 33');
  });

  it('when the visitor asks about one topic of the paragraph, then the answer quotes that topic, not the paragraph from its start', async () => {
    const result = await ask('Je peux payer par virement ?');
    expect(result.answer).toContain('Paiement par carte, chèque ou virement.');
    expect(result.answer).not.toContain('rayon de 20 km');
    expect(result.answer).not.toContain('8h à 18h');
  });

  it.each([
    ['Combien coûte le déplacement ?', 'Le déplacement est facturé 40 € en journée.'],
    ["Fuite sur ma canalisation, c'est urgent", '24h/24 au 02 40 11 22 33'],
  ])('when the one chunk holds every word of "%s" but one, then it answers (its words are not rare, yet they are the question)', async (message, sentence) => {
    const result = await ask(message);
    expect(result.answer).toContain(sentence);
  });

  it('when a sentence offers a choice ("carte ou virement"), then it is not taken for an address by a question asking where ("où")', async () => {
    const result = await ask('Où êtes-vous situés ?');
    expect(result.answer).not.toContain('Paiement');
    expect(result.answerKind).toBe('unknown');
  });

  it('when the visitor asks about the afternoon ("après-midi"), then the opening hours answer, not a lunch menu', async () => {
    const result = await ask('Vous êtes ouverts le samedi après-midi ?');
    expect(result.answer).toContain('8h à 18h');
  });

  it('when the visitor asks for the phone number and the text only says it takes bookings by phone, then the agent says it does not know', async () => {
    const bookings = { ...snapshot, version: 'plumber-v2', knowledge: [{ ...snapshot.knowledge[0]!, text: 'Rendez-vous par téléphone ou sur notre site. Ouvert du lundi au vendredi.' }] };
    const unknown = await engine.respond(turn(bookings, 'Quel est votre numéro de téléphone ?'));
    expect(unknown.answerKind).toBe('unknown');
    const known = await ask('Quel est votre numéro de téléphone ?');
    expect(known.answer).toContain('02 40 11 22 33');
  });

  it('when the paragraph says nothing of what is asked, then the agent still says it does not know', async () => {
    const result = await ask('Vous posez des panneaux solaires ?');
    expect(result.sources).toEqual([]);
    expect(result.answerKind).toBe('unknown');
  });
});

describe("a bakery's one paragraph, asked in other languages", () => {
  const BAKERY =
    'Boulangerie Amal, au cœur de Rabat (12 avenue Mohammed V), prépare chaque matin pains, croissants, msemen et gâteaux marocains. ' +
    'Ouvert tous les jours de 6h à 20h. Livraison gratuite à partir de 200 dirhams dans Rabat et Salé.';
  const bakery = plumberSnapshot();
  bakery.tenant = { ...bakery.tenant, id: 'tenant-bakery', name: 'Boulangerie Amal', sector: 'food' };
  bakery.knowledge = [{ id: 'bakery', documentId: 'doc-bakery', title: 'Qui sommes-nous', language: 'fr', text: BAKERY }];
  bakery.version = 'bakery-v1';

  it.each(['Do you sell croissants?', '¿Venden croissants?', 'Vous vendez des croissants ?'])('when a visitor asks whether it sells what the paragraph names (%s), then that sentence answers', async (message) => {
    const result = await engine.respond(turn(bakery, message));
    expect(result.answer).toContain('prépare chaque matin pains, croissants, msemen');
    expect(result.answerKind).toBe('grounded');
  });
});
