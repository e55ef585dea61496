import type { CueTable } from './intent-cues';

/** Topics that are not intents but help retrieval find the right chunk across languages. */
export const TOPIC_CUES = {
  location: {
    fr: 'adresse|où|situé*|localisation|accès|itinéraire',
    en: 'address|where|located|location|directions',
    es: 'dirección|dónde|ubicación|ubicado*|llegar',
    ar: 'عنوان|أين|موقع|يقع',
    ary: 'فين|بلاصة|لادريس|fin kaynin|blasa|ladresse',
  },
  contact: {
    fr: 'téléphone|numéro|appeler|joindre|email|mail|contact*',
    en: 'phone|number|call|email|contact*|reach',
    es: 'teléfono|número|llamar|correo|contacto',
    ar: 'هاتف|رقم|اتصال|بريد',
    ary: 'تيليفون|نمرة|نعيط|tilifon|nmra|n3ayet',
  },
  payment: {
    fr: 'paiement|payer|carte|carte bleue|carte bancaire|chèque*|espèces|virement',
    en: 'payment|pay|card|cash|transfer|credit',
    es: 'pago|pagar|tarjeta|efectivo|transferencia',
    ar: 'دفع|بطاقة|نقدا|تحويل',
    ary: 'نخلص|خلاص|كارط|الكاش|nkhalas|khlas|lkart',
  },
  insurance: {
    fr: 'mutuelle|assurance|cnss|cnops',
    en: 'insurance|insured|coverage',
    es: 'seguro|aseguradora|mutua',
    ar: 'تأمين|الضمان|التعاضدية',
    ary: 'لاسورانس|لاموتيال|assurance|mutuelle',
  },
  parking: {
    fr: 'parking|stationnement|garer',
    en: 'parking|park',
    es: 'aparcamiento|estacionamiento|aparcar',
    ar: 'موقف|مواقف',
    ary: 'باركينغ|parking',
  },
} as const satisfies Record<string, CueTable>;

/** Extra words a chunk about a topic tends to contain, used only to expand the query. */
export const TOPIC_EXPANSIONS: Partial<Record<string, CueTable>> = {
  hours: {
    fr: 'lundi mardi mercredi jeudi vendredi samedi dimanche horaires ouverture',
    en: 'monday tuesday wednesday thursday friday saturday sunday hours opening',
    es: 'lunes martes miércoles jueves viernes sábado domingo horario',
    ar: 'الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الساعات',
    ary: 'الاثنين الثلاث لاربع الخميس الجمعة السبت الحد الصباح العشية',
  },
  pricing: {
    fr: 'prix tarifs euros eur dirhams mad dh',
    en: 'price prices eur usd euros dollars',
    es: 'precio precios euros',
    ar: 'درهم دراهم يورو دولار الأسعار',
    ary: 'درهم دريال الثمن',
  },
};
