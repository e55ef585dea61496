import type { KnowledgeChunkSnapshot, Language } from '@vocalia/contracts';
import { createEngine } from '../src';
import { fixedClock, turn } from './support/engine-input';
import { faqClinicSnapshot } from './support/faq-fixtures';

const chunk = (id: string, language: Language, text: string): KnowledgeChunkSnapshot => ({ id, documentId: `doc-${id}`, title: 'Infos', language, text });

/** Businesses of the newer sectors, each with one fact written in its own words. */
const tenants = {
  pharmacy: [chunk('garde', 'fr', 'Pharmacie de garde un samedi sur deux, de 20 h à 8 h.'), chunk('parking', 'fr', 'Parking gratuit devant la pharmacie.')],
  optician: [chunk('frames', 'en', 'Frames from 490 MAD, single vision lenses included.'), chunk('hours', 'en', 'Open Monday to Saturday.')],
  notary: [chunk('acte', 'fr', "Pour un acte de vente, apportez la CIN des deux parties et le titre foncier."), chunk('fees', 'fr', 'Les frais sont calculés sur le prix.')],
  dental: [
    chunk('hours', 'fr', "Le cabinet est ouvert du lundi au vendredi de 9h à 18h, et le samedi de 9h à 13h. Fermé le dimanche."),
    chunk('prices', 'fr', 'Consultation : 300 MAD. Détartrage : 400 MAD. Blanchiment des dents : 2500 MAD.'),
  ],
  courier: [chunk('suivi', 'es', 'El número de seguimiento llega por SMS al enviar el paquete.'), chunk('zones', 'es', 'Entregamos en todo Marruecos.')],
};

const engine = createEngine({ providers: [{ kind: 'local' }], now: fixedClock });

const ask = (knowledge: KnowledgeChunkSnapshot[], message: string, language: Language) =>
  engine.respond(turn({ ...faqClinicSnapshot(), knowledge, version: `sector-${knowledge[0]!.id}` }, message, { language }));

describe('sector and everyday vocabulary in retrieval', () => {
  it.each([
    ['pharmacy', 'Are you the on-duty pharmacy at night?', 'en', '20 h à 8 h'],
    ['optician', 'How much are glasses?', 'en', '490 MAD'],
    ['notary', 'Quels documents pour signer le compromis chez le notaire ?', 'fr', 'titre foncier'],
    ['courier', '¿Cómo hago el seguimiento de mi envío?', 'es', 'SMS'],
    ['dental', 'Vous êtes là le week-end ?', 'fr', 'le samedi de 9h à 13h'],
    ['dental', 'Je voudrais des dents plus blanches, ça revient à combien ?', 'fr', 'Blanchiment des dents : 2500 MAD'],
  ] as const)('when a %s customer asks in other words ("%s"), then the fact is found', async (sector, message, language, fact) => {
    const result = await ask(tenants[sector], message, language);
    expect(result.answer).toContain(fact);
  });
});
