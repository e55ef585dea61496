import { PLANS, TenantSnapshot } from '@vocalia/contracts';

export const BENCH_TENANT = 'bench-shop';
export const BENCH_ORIGIN = 'https://shop.bench.example';

const TOPICS = [
  ['Opening hours', 'The shop is open Monday to Saturday from 9:00 to 19:00, and Sunday from 10:00 to 13:00. Closed on public holidays.'],
  ['Delivery', 'Delivery in France takes 2 to 3 working days and costs 4.90 EUR; free from 60 EUR. Express delivery next day costs 9.90 EUR.'],
  ['Returns', 'You can return any item within 30 days in its original packaging. Refunds are made within 5 days of receipt.'],
  ['Sizes', 'Sneakers come in sizes 36 to 46. If you are between two sizes, take the larger one.'],
  ['Appointments', 'Book a fitting appointment in the Lyon store, Tuesday to Saturday, 30 minutes, free of charge.'],
  ['Payment', 'We accept cards, PayPal and payment in three instalments with no fees from 100 EUR.'],
  ['Gift cards', 'Gift cards from 20 to 300 EUR, valid one year, usable online and in store.'],
  ['Loyalty', 'Every euro spent earns one point; 100 points give a 5 EUR voucher.'],
];

/** A realistic Pro tenant: 40 knowledge passages and 20 products, so retrieval does real work. */
export function benchSnapshot(): TenantSnapshot {
  const knowledge = Array.from({ length: 40 }, (_, i) => {
    const [title, text] = TOPICS[i % TOPICS.length]!;
    return { id: `chunk-${i}`, documentId: `doc-${i % TOPICS.length}`, title, language: 'en' as const, text: `${text} (section ${i})` };
  });
  const catalog = Array.from({ length: 20 }, (_, i) => ({
    id: `sku-${i}`,
    name: `${['Blue', 'Red', 'White', 'Black'][i % 4]} sneakers model ${i}`,
    description: 'Leather sneakers, rubber sole, made in Portugal.',
    price: 79 + i,
    currency: 'EUR',
    stock: i % 5,
  }));
  return TenantSnapshot.parse({
    tenant: {
      id: BENCH_TENANT,
      name: 'Bench Shoes',
      sector: 'retail',
      plan: 'pro',
      features: PLANS.pro.features,
      status: 'active',
      defaultLanguage: 'en',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      leadThreshold: 60,
      phoneNumbers: [],
    },
    allowedOrigins: [BENCH_ORIGIN],
    agent: { id: 'agent-1', name: 'Sara', personaId: 'retail', languages: ['en', 'fr'], greeting: { en: 'Hi!' }, instructions: 'You are Sara, the shop assistant.', tools: [] },
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: true },
      languages: ['en', 'fr'],
      greeting: { en: 'Hi!' },
      ecommerce: false,
    },
    knowledge,
    catalog,
    version: '1',
  });
}

export const BENCH_MESSAGES = [
  'What are your opening hours on Sunday?',
  'How much is delivery, and is it free above some amount?',
  'Je voudrais réserver un essayage samedi à Lyon',
  'Do you have the blue sneakers in size 42?',
  'Can I return shoes I bought two weeks ago?',
  'I need 50 pairs for my team before next month, budget around 4000 EUR',
];
