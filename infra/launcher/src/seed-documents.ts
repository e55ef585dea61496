import type { CreateKnowledgeDocumentRequest } from '@vocalia/contracts';

/** What the demo clinic's agent knows: hours, prices, address, in French and English. */
export const DEMO_DOCUMENTS: CreateKnowledgeDocumentRequest[] = [
  {
    title: "Horaires d'ouverture",
    kind: 'faq',
    language: 'fr',
    faqs: [
      { question: 'Quels sont vos horaires ?', answer: 'Le cabinet est ouvert du lundi au vendredi de 9h à 19h et le samedi de 9h à 13h. Fermé le dimanche.' },
      { question: 'Prenez-vous les urgences ?', answer: 'Oui, les urgences dentaires sont reçues chaque matin de 9h à 10h, sans rendez-vous.' },
    ],
  },
  {
    title: 'Tarifs',
    kind: 'markdown',
    language: 'fr',
    content:
      '# Tarifs\n\n- Consultation : 30 €\n- Détartrage : 60 €\n- Blanchiment : 350 €\n- Couronne céramique : à partir de 700 €\n\n' +
      'Paiement par carte ou espèces. Tiers payant pour la consultation et le détartrage.',
  },
  {
    title: 'Address and opening hours',
    kind: 'markdown',
    language: 'en',
    content:
      '# Demo Dental Clinic\n\n12 rue de la Paix, 75002 Paris (metro Opéra). Free parking for patients in the courtyard.\n\n' +
      'Open Monday to Friday 9am-7pm, Saturday 9am-1pm. Phone bookings and online bookings are both accepted.',
  },
];
