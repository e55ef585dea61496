import { PLANS, type RespondRequest, type RespondResponse } from '@vocalia/contracts';
import type { FakeTenant } from './fake-voice-api';

export function shopTenant(allowedOrigins: string[]): FakeTenant {
  return {
    allowedOrigins,
    config: {
      tenantId: 'shop-atlas',
      name: 'Atlas Boutique',
      plan: 'ecommerce',
      features: PLANS.ecommerce.features,
      languages: ['fr', 'en', 'es', 'ar', 'ary'],
      defaultLanguage: 'fr',
      greeting: { fr: 'Bonjour ! Je suis l’assistant d’Atlas Boutique.', ar: 'مرحباً! أنا مساعد أطلس بوتيك.', en: 'Hello! I am the Atlas Boutique assistant.' },
      currency: 'EUR',
      branding: { primaryColor: '#0f766e', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      ecommerce: true,
      voice: { browser: true, realtime: false },
    },
    socialProof: [{ kind: 'booking', text: 'Sofia a réservé un essayage il y a 5 minutes', at: new Date().toISOString() }],
  };
}

/** A Pro tenant with streaming voice (cloud_voice + realtime configured). */
export function voiceTenant(allowedOrigins: string[]): FakeTenant {
  const shop = shopTenant(allowedOrigins);
  return {
    allowedOrigins,
    config: { ...shop.config, tenantId: 'voice-studio', name: 'Studio Voix', plan: 'pro', features: PLANS.pro.features, languages: ['fr', 'en'], voice: { browser: true, realtime: true } },
  };
}

const base = (request: RespondRequest): Omit<RespondResponse, 'answer' | 'actions' | 'intent'> => ({
  language: request.language ?? (/[\u0600-\u06FF]/.test(request.message) ? 'ar' : 'fr'),
  lead: { score: 20, bant: { budget: 5, authority: 5, need: 5, timeline: 5 } },
  sources: [],
  provider: 'local',
  sessionId: request.sessionId,
});

/** Scripted answers: products, a booking recorded, hand-offs (made, offered, to a number), Arabic, or the opening hours. */
export function shopAnswer(imageBase: string) {
  return (request: RespondRequest): RespondResponse => {
    const message = request.message.toLowerCase();
    if (/produit|sac|product/.test(message)) {
      return {
        ...base(request),
        intent: 'product_search',
        answer: 'Voici deux sacs qui pourraient vous plaire :',
        actions: [
          {
            type: 'products',
            products: [
              { id: 'p1', name: 'Sac cabas en cuir', price: 129, currency: 'EUR', url: 'https://shop.example/p1', imageUrl: `${imageBase}/img/bag.svg`, inStock: true },
              { id: 'p2', name: 'Pochette <b>brodée</b>', price: 49.5, currency: 'EUR', url: 'javascript:alert(1)', inStock: false },
            ],
          },
        ],
      };
    }
    if (/réserver|نحجز/.test(message)) {
      const booking = { date: '2026-12-05', time: '20:00', service: 'table', name: 'Karim', note: '4 personnes', phone: '0612345678' };
      return { ...base(request), intent: 'booking', answer: "C'est noté. Votre demande est transmise, l'équipe vous confirmera le créneau.", actions: [{ type: 'booking', booking }] };
    }
    if (/quelqu'un|شي واحد/.test(message)) {
      return { ...base(request), intent: 'handoff', answer: "Je vous mets en relation avec l'équipe.", actions: [{ type: 'handoff', reason: 'visitor_request' }] };
    }
    if (/allerg/.test(message)) {
      return { ...base(request), intent: 'unknown', answer: "Je n'ai pas cette information. Voulez-vous parler à l'équipe ?", actions: [{ type: 'handoff', reason: 'unanswered', offer: true }] };
    }
    if (/conseiller|humain/.test(message)) {
      return { ...base(request), intent: 'handoff', answer: 'Je vous mets en relation avec un conseiller.', actions: [{ type: 'handoff', reason: 'asked', transferNumber: '+33 1 84 80 00 00' }] };
    }
    // Like the real engine: a pinned language wins, else the language the visitor wrote in.
    if (request.language === 'ar' || request.language === 'ary' || (!request.language && /[\u0600-\u06FF]/.test(request.message))) {
      return { ...base(request), intent: 'hours', answer: 'نحن مفتوحون من الاثنين إلى السبت، من التاسعة صباحاً حتى السابعة مساءً.', actions: [] };
    }
    return { ...base(request), intent: 'hours', answer: 'Nous sommes ouverts du lundi au samedi, de 9 h à 19 h.', actions: [] };
  };
}
