import type { LabelledBusiness } from './labelled-set';

/**
 * Held out: written after the paraphrase lexicon was tuned on the three other businesses, and not
 * used to tune it. Its figure estimates how the retrieval does on a knowledge base it was not fitted to.
 */
export const HELD_OUT_SALON: LabelledBusiness = {
  id: 'quality-salon',
  name: 'Salon Yasmine',
  sector: 'beauty',
  defaultLanguage: 'fr',
  currency: 'MAD',
  facts: { address: /\b18\b/, hours: /21[:h.]?15/, haircut: /\b220\b/, hammam: /\b150\b/, students: /15\s?%/ },
  documents: [
    { title: 'FAQ', language: 'fr', kind: 'faq', faqs: [
      { question: 'Quelle est votre adresse ?', answer: 'Le salon est au 18 avenue Mohammed V, Rabat.' },
      { question: 'Quand êtes-vous ouverts ?', answer: 'Du mardi au dimanche, de 10h à 21h15. Fermé le lundi.' },
      { question: 'Quel est le prix d’une coupe femme ?', answer: 'Une coupe femme avec brushing coûte 220 MAD.' },
    ] },
    { title: 'Nos offres', language: 'fr', kind: 'text', content: 'Le hammam traditionnel avec gommage est à 150 MAD. Les étudiantes bénéficient de 15 % de remise sur présentation de leur carte.' },
    { title: 'FAQ', language: 'en', kind: 'faq', faqs: [
      { question: 'What is your address?', answer: 'The salon is at 18 Mohammed V Avenue, Rabat.' },
      { question: 'When are you open?', answer: 'Tuesday to Sunday, from 10:00 to 21:15. Closed on Mondays.' },
      { question: 'How much is a women’s haircut?', answer: 'A women’s cut with blow-dry is 220 MAD.' },
    ] },
    { title: 'Offers', language: 'en', kind: 'text', content: 'The traditional hammam with scrub is 150 MAD. Students get 15% off with their student card.' },
    { title: 'Preguntas', language: 'es', kind: 'faq', faqs: [
      { question: '¿Cuál es su dirección?', answer: 'El salón está en la avenida Mohammed V 18, Rabat.' },
      { question: '¿Cuándo abren?', answer: 'De martes a domingo, de 10:00 a 21:15. Cerrado los lunes.' },
      { question: '¿Cuánto cuesta un corte de mujer?', answer: 'Un corte de mujer con secado cuesta 220 MAD.' },
    ] },
    { title: 'Ofertas', language: 'es', kind: 'text', content: 'El hammam tradicional con exfoliación cuesta 150 MAD. Las estudiantes tienen un 15 % de descuento con su carné.' },
    { title: 'أسئلة', language: 'ar', kind: 'faq', faqs: [
      { question: 'ما هو عنوانكم؟', answer: 'الصالون في 18 شارع محمد الخامس، الرباط.' },
      { question: 'متى تفتحون؟', answer: 'من الثلاثاء إلى الأحد، من 10:00 إلى 21:15. مغلق يوم الاثنين.' },
      { question: 'كم ثمن قص الشعر للنساء؟', answer: 'قص الشعر للنساء مع التجفيف بـ 220 درهم.' },
    ] },
    { title: 'العروض', language: 'ar', kind: 'text', content: 'الحمام التقليدي مع التقشير بـ 150 درهم. الطالبات يستفدن من تخفيض 15% عند تقديم البطاقة.' },
    { title: 'سؤالات', language: 'ary', kind: 'faq', faqs: [
      { question: 'فين جا الصالون؟', answer: 'الصالون ف 18 شارع محمد الخامس، الرباط.' },
      { question: 'فوقاش كتحلو؟', answer: 'من الثلاثاء حتى الحد، من 10:00 حتى 21:15. نهار الاثنين مسدود.' },
      { question: 'بشحال الحسانة ديال العيالات؟', answer: 'الحسانة ديال العيالات مع البروشينغ ب 220 درهم.' },
    ] },
    { title: 'العروض', language: 'ary', kind: 'text', content: 'الحمام البلدي مع الكيس ب 150 درهم. الطالبات عندهم تخفيض ديال 15% بالكارط ديالهم.' },
  ],
  questions: [
    { language: 'fr', text: 'Où se trouve le salon ?', fact: 'address' },
    { language: 'fr', text: 'Vous êtes ouverts le dimanche soir jusqu’à quelle heure ?', fact: 'hours' },
    { language: 'fr', text: 'Combien pour couper les cheveux d’une femme ?', fact: 'haircut' },
    { language: 'fr', text: 'Le hammam coûte combien ?', fact: 'hammam' },
    { language: 'fr', text: 'Avez-vous une réduction pour les étudiantes ?', fact: 'students' },
    { language: 'fr', text: 'Faites-vous des extensions de cils ?' },
    { language: 'en', text: 'Where are you based?', fact: 'address' },
    { language: 'en', text: 'What time do you close on weekdays?', fact: 'hours' },
    { language: 'en', text: 'What do you charge for a ladies haircut?', fact: 'haircut' },
    { language: 'en', text: 'How much is the hammam?', fact: 'hammam' },
    { language: 'en', text: 'Is there a student discount?', fact: 'students' },
    { language: 'en', text: 'Do you do eyelash extensions?' },
    { language: 'es', text: '¿Dónde queda el salón?', fact: 'address' },
    { language: 'es', text: '¿Hasta qué hora abren?', fact: 'hours' },
    { language: 'es', text: '¿Qué precio tiene cortarse el pelo una mujer?', fact: 'haircut' },
    { language: 'es', text: '¿Cuánto vale el hammam?', fact: 'hammam' },
    { language: 'es', text: '¿Hay descuento para estudiantes?', fact: 'students' },
    { language: 'es', text: '¿Hacen extensiones de pestañas?' },
    { language: 'ar', text: 'أين يقع الصالون؟', fact: 'address' },
    { language: 'ar', text: 'إلى أي ساعة تعملون؟', fact: 'hours' },
    { language: 'ar', text: 'بكم قص شعر امرأة؟', fact: 'haircut' },
    { language: 'ar', text: 'كم سعر الحمام؟', fact: 'hammam' },
    { language: 'ar', text: 'هل يوجد تخفيض للطالبات؟', fact: 'students' },
    { language: 'ar', text: 'هل تقومون بتركيب الرموش؟' },
    { language: 'ary', text: 'fin jay salon?', fact: 'address' },
    { language: 'ary', text: 'حتى لوقتاش كتبقاو محلولين؟', fact: 'hours' },
    { language: 'ary', text: 'bch7al l7assana dyal l3yalat?', fact: 'haircut' },
    { language: 'ary', text: 'شحال الحمام؟', fact: 'hammam' },
    { language: 'ary', text: 'واش كاين شي تخفيض للطالبات؟', fact: 'students' },
    { language: 'ary', text: 'واش كديرو الرموش؟' },
  ],
};
