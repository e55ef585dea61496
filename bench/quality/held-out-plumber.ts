import type { LabelledBusiness } from './labelled-set';

/**
 * Held out: a plumber's knowledge as a small business pastes it (one free text per language, no FAQ
 * pairs), and questions as visitors type them, statements included ("my water heater broke down").
 * Written before the derived-word matching was added, and not used to tune anything.
 */
export const HELD_OUT_PLUMBER: LabelledBusiness = {
  id: 'quality-plumber',
  name: 'Plomberie Martin',
  sector: 'home',
  defaultLanguage: 'fr',
  currency: 'EUR',
  facts: {
    emergency: /04 78 12 34 56/,
    hours: /18h|12h|18:00|12:00/,
    area: /30 km/,
    callout: /\b45\b/,
    quote: /gratuit|free/i,
    boiler: /\b120\b/,
    payment: /virement|transfer/i,
  },
  documents: [
    {
      title: 'Plomberie Martin',
      language: 'fr',
      kind: 'text',
      content:
        'Plomberie Martin intervient à Lyon et dans un rayon de 30 km autour de Lyon (Villeurbanne, Vénissieux, Caluire). ' +
        'Nous sommes ouverts du lundi au vendredi de 8h à 18h, et le samedi matin de 9h à 12h. ' +
        "En cas d'urgence (fuite d'eau, canalisation bouchée, panne de chauffe-eau), nous intervenons 24h/24 et 7j/7 au 04 78 12 34 56. " +
        'Le déplacement est facturé 45 € en journée et 90 € la nuit et le week-end. ' +
        'Le devis est gratuit pour tous les travaux de rénovation de salle de bains. ' +
        "Nous installons et entretenons les chaudières gaz ; l'entretien annuel d'une chaudière coûte 120 €. " +
        'Paiement par carte, chèque ou virement ; pas d’espèces au-delà de 1 000 €.',
    },
    {
      title: 'Plomberie Martin',
      language: 'en',
      kind: 'text',
      content:
        'Plomberie Martin works in Lyon and within 30 km around it (Villeurbanne, Vénissieux, Caluire). ' +
        'We are open Monday to Friday from 8:00 to 18:00, and Saturday morning from 9:00 to 12:00. ' +
        'For emergencies (water leak, blocked drain, water heater breakdown) we come out 24/7 on 04 78 12 34 56. ' +
        'The call-out fee is €45 during the day and €90 at night and at weekends. ' +
        'Quotes are free for all bathroom renovation work. ' +
        'We install and service gas boilers; the yearly boiler service costs €120. ' +
        'Payment by card, cheque or bank transfer; no cash above €1,000.',
    },
  ],
  questions: [
    { language: 'fr', text: "J'ai une fuite d'eau, vous pouvez venir ?", fact: 'emergency' },
    { language: 'fr', text: 'Vous intervenez en urgence la nuit ?', fact: 'emergency' },
    { language: 'fr', text: 'Quel numéro appeler pour une urgence ?', fact: 'emergency' },
    { language: 'fr', text: "C'est combien le déplacement ?", fact: 'callout' },
    { language: 'fr', text: 'Vous venez jusqu’à Villeurbanne ?', fact: 'area' },
    { language: 'fr', text: 'Le devis est payant ?', fact: 'quote' },
    { language: 'fr', text: "Combien coûte l'entretien de ma chaudière ?", fact: 'boiler' },
    { language: 'fr', text: 'Vous êtes ouverts le samedi ?', fact: 'hours' },
    { language: 'fr', text: 'Je peux payer par virement ?', fact: 'payment' },
    { language: 'fr', text: 'Vous posez des panneaux solaires ?' },
    { language: 'fr', text: 'Vous vendez des climatiseurs ?' },
    { language: 'en', text: 'I have a water leak, can someone come today?', fact: 'emergency' },
    { language: 'en', text: 'What number do I call for an emergency?', fact: 'emergency' },
    { language: 'en', text: 'How much is the call-out?', fact: 'callout' },
    { language: 'en', text: 'Is the quote free?', fact: 'quote' },
    { language: 'en', text: 'How much does a boiler service cost?', fact: 'boiler' },
    { language: 'en', text: 'Are you open on Saturday?', fact: 'hours' },
    { language: 'en', text: 'Can I pay by bank transfer?', fact: 'payment' },
    { language: 'en', text: 'Do you install solar panels?' },
  ],
};
