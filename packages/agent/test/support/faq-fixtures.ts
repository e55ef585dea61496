import { PLANS, type KnowledgeChunkSnapshot, type Language, type TenantSnapshot } from '@vocalia/contracts';

/** One FAQ pair as db-api stores it: one chunk, the question on its first line, then the answer. */
const faq = (id: string, language: Language, question: string, answer: string): KnowledgeChunkSnapshot => ({ id, documentId: `faq-${language}`, title: 'FAQ', language, text: `${question}\n${answer}` });

/** A clinic that loaded a small FAQ in English, Darija (Arabic script) and French only for the parking. */
export function faqClinicSnapshot(): TenantSnapshot {
  return {
    tenant: {
      id: 'tenant-faq-clinic', name: 'Clinique Noor', sector: 'dental', plan: 'pro', features: PLANS.pro.features, status: 'active',
      defaultLanguage: 'en', currency: 'MAD', timezone: 'Africa/Casablanca', leadThreshold: 60, phoneNumbers: [],
    },
    allowedOrigins: ['https://noor.example'],
    agent: { id: 'agent-noor', name: 'Sara', personaId: 'dental', languages: ['en', 'ary', 'fr', 'ar'], greeting: {}, instructions: '', tools: ['handoff'] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: ['en', 'ary', 'fr', 'ar'], greeting: {}, ecommerce: false,
    },
    knowledge: [
      faq('where-en', 'en', 'Where is the clinic?', 'We are at 42 Zerktouni Boulevard, Casablanca, 3rd floor.'),
      faq('hours-en', 'en', 'What are your opening hours?', 'Monday to Friday from 8:30 to 19:30.'),
      faq('scale-en', 'en', 'How much is a scale and polish?', 'A scale and polish is 350 MAD.'),
      faq('where-ary', 'ary', 'فين جات العيادة؟', 'حنا ف 42 شارع الزرقطوني، كازا.'),
      { id: 'whitening-en', documentId: 'care-en', title: 'Care', language: 'en', text: 'Whitening with trays at home: 1800 MAD.' },
      faq('whitening-day-en', 'en', 'Which day is whitening done?', 'Whitening sessions are on Saturdays.'),
      faq('whitening-kids-en', 'en', 'Can teenagers have whitening?', 'Whitening is for adults only.'),
      faq('parking-fr', 'fr', 'Peut-on se garer ?', 'Un parking gardé se trouve au sous-sol, 10 MAD de l’heure.'),
    ],
    catalog: [],
    version: 'faq-v1',
  };
}
