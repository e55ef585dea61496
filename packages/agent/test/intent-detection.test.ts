import { detectIntent, detectLanguage } from '../src';

const intentOf = (message: string): string => detectIntent(message, detectLanguage(message, 'fr').language).intent;

describe('intent detection in five languages', () => {
  const table: Record<string, string[]> = {
    greeting: ['Bonjour !', 'hello', 'hola', 'السلام عليكم', 'salam'],
    hours: ['Quels sont vos horaires ?', 'What time do you open?', '¿A qué hora abren?', 'ما هي أوقات العمل؟', 'فوقاش كتحلو؟'],
    pricing: ["C'est combien un détartrage ?", 'How much is a cleaning?', '¿Cuánto cuesta?', 'كم سعر التبييض؟', 'شحال التمن ديال التبياض؟'],
    booking: ['Je voudrais prendre rendez-vous', 'Can I book an appointment?', 'Quiero pedir una cita', 'أريد حجز موعد', 'بغيت ندير موعد'],
    order_status: ['Où en est ma commande ?', 'Where is my order?', '¿Dónde está mi pedido?', 'أين طلبي؟', 'فين وصلات الكوموند ديالي؟'],
    handoff: ['Je veux parler à un conseiller', 'Can I talk to a real person?', 'Quiero hablar con un agente', 'أريد التحدث مع موظف', 'بغيت نهضر مع شي واحد'],
    complaint: ["C'est inadmissible, je veux une réclamation", 'I want a refund, this is unacceptable', 'Quiero poner una queja', 'أريد تقديم شكوى', 'الخدمة ديالكم خايبة، ماشي مزيان'],
    goodbye: ['Merci, au revoir', 'Thanks, bye!', 'Gracias, adiós', 'شكرا، مع السلامة', 'شكرا بسلامة'],
    product_search: ['Vous avez des chaussures de running ?', 'Do you sell yoga mats?', 'Busco unas zapatillas', 'أبحث عن منتج للعناية', 'واش عندكم الصبابط ديال الجري؟'],
    question: ['Vous acceptez la carte bancaire ?', 'Is there parking nearby?', '¿Aceptan tarjeta?', 'هل تقبلون البطاقة؟', 'واش كتقبلو الكارط؟'],
  };
  const rows = Object.entries(table).flatMap(([intent, messages]) => messages.map((m) => [intent, m] as const));

  it.each(rows)('when the visitor writes a %s message ("%s"), then that intent is detected', (intent, message) => {
    expect(intentOf(message)).toBe(intent);
  });

  it('when a greeting comes with a real question, then the question wins', () => {
    expect(intentOf('Bonjour, quels sont vos tarifs ?')).toBe('pricing');
    expect(intentOf('Hi, do you treat children?')).toBe('question');
  });

  it('when a visitor asks for a person while booking, then the hand-off wins', () => {
    expect(intentOf('Je veux parler à quelqu’un pour mon rendez-vous')).toBe('handoff');
  });
});
