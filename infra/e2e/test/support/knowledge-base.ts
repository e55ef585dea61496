import type { CreateKnowledgeDocumentRequest, Language } from '@vocalia/contracts';

export type KnowledgeDocument = Extract<CreateKnowledgeDocumentRequest, { content: string }>;

const text = (language: Language, title: string, content: string): KnowledgeDocument => ({ kind: 'text', language, title, content });

/** A dental practice in Casablanca: opening hours and prices, written in each of the five languages. */
export const DENTAL_KNOWLEDGE: Record<Language, KnowledgeDocument[]> = {
  fr: [
    text('fr', "Horaires d'ouverture", 'Le cabinet est ouvert du lundi au vendredi de 9h à 18h, et le samedi de 9h à 13h. Fermé le dimanche et les jours fériés.'),
    text('fr', 'Tarifs', 'Consultation : 300 MAD. Détartrage : 400 MAD. Blanchiment des dents : 2500 MAD. Implant dentaire : à partir de 9000 MAD.'),
  ],
  en: [
    text('en', 'Opening hours', 'The practice is open Monday to Friday from 9am to 6pm, and Saturday from 9am to 1pm. Closed on Sundays and public holidays.'),
    text('en', 'Prices', 'Consultation: 300 MAD. Scaling and cleaning: 400 MAD. Teeth whitening: 2500 MAD. Dental implant: from 9000 MAD.'),
  ],
  es: [
    text('es', 'Horario', 'La clínica abre de lunes a viernes de 9:00 a 18:00 y los sábados de 9:00 a 13:00. Cerrado los domingos y festivos.'),
    text('es', 'Precios', 'Consulta: 300 MAD. Limpieza dental: 400 MAD. Blanqueamiento dental: 2500 MAD. Implante dental: desde 9000 MAD.'),
  ],
  ar: [
    text('ar', 'أوقات العمل', 'العيادة مفتوحة من الاثنين إلى الجمعة من الساعة 9 صباحا إلى 6 مساء، ويوم السبت من 9 إلى 1 ظهرا. مغلقة يوم الأحد والعطل الرسمية.'),
    text('ar', 'الأسعار', 'الاستشارة: 300 درهم. تنظيف الأسنان: 400 درهم. تبييض الأسنان: 2500 درهم. زراعة الأسنان: ابتداء من 9000 درهم.'),
  ],
  ary: [
    text('ary', 'الأوقات ديالنا', 'العيادة محلولة من الاثنين حتى الجمعة من 9 د الصباح حتى 6 د العشية، ونهار السبت من 9 حتى 1. نهار الحد مسدودة.'),
    text('ary', 'الأثمنة', 'الكونسولتاسيون ب 300 درهم. التنظيف ديال السنان ب 400 درهم. التبياض ديال السنان ب 2500 درهم.'),
  ],
};

/** One visitor question per language, and the knowledge-base fact its answer must quote. */
export const VISITOR_QUESTIONS: { language: Language; message: string; fact: string }[] = [
  { language: 'fr', message: 'Bonjour, quels sont vos horaires ?', fact: 'du lundi au vendredi de 9h à 18h' },
  { language: 'en', message: 'What time do you open on Saturday?', fact: 'Saturday from 9am to 1pm' },
  { language: 'es', message: '¿Cuánto cuesta una limpieza dental?', fact: 'Limpieza dental: 400 MAD' },
  { language: 'ar', message: 'ما هي أوقات العمل؟', fact: 'من الاثنين إلى الجمعة' },
  { language: 'ary', message: 'شحال كيسوا التبياض ديال السنان؟', fact: 'التبياض ديال السنان ب 2500 درهم' },
];
