import type { CueTable } from './intent-cues';

/**
 * Ways of saying the same thing, in every language, that plain words miss: question words that are
 * stopwords ("where", "où", "أين"), paraphrases ("how late" for the hours), and sector vocabulary
 * ("vidange" for an oil change). Added to the intent and topic cues of the same concept; a chunk
 * and a question naming one concept in any of its spellings share its tag.
 */
export const PARAPHRASE_CUES = {
  location: {
    fr: 'où|situé*|se trouve*|trouver|adresse|emplacement|venir',
    en: 'where|address|located|location|find you|situated|get there',
    es: 'dónde|donde|dirección|ubicad*|ubicación|encuentra*|situad*|estamos en',
    ar: 'أين|عنوان|يقع|تقع|توجد|يوجد مقر|مقر|مكان',
    ary: 'فين|جات|جا|كاينة|كاين ف|fin|fine|fayn|jay|jat|kayna|kayn f|ladresse|blasa|بلاصة|لادريس',
  },
  hours: {
    fr: 'horaire*|ouvert*|ouvre*|fermez|ferme|fermé*|fermeture|heure|quand|jusqu|tard|soir|matin|semaine|lundi|samedi|dimanche',
    en: 'hours|open*|close*|closing|what time|when|until|how late|late|morning|evening|week|weekday*|monday|saturday|sunday',
    es: 'horario*|abiert*|abre*|cierra*|cerrad*|qué hora|hora|cuándo|hasta|mañana|tarde|noche|semana|lunes|sábado|domingo',
    ar: 'أوقات|ساعات|ساعة|الدوام|مفتوح*|تفتح*|تعملون|تغلق*|مغلق*|متى|صباح*|مساء|ليل|أسبوع|الأسبوع|الاثنين|السبت|الأحد',
    ary: 'فوقاش|وقتاش|الأوقات|لوقات|حتى لشحال|محلول*|كتحلو|كتسدو|السيمانة|الليل|الصباح|العشية|fo9ach|fou9ach|wa9tach|kathlo|kat7lo|m7lol*|sbah|sba7|lil|simana|l3chiya',
  },
  pricing: {
    fr: 'prix|tarif*|coût*|coute*|combien|revient|payer|mad|dh|dirham*|euro*',
    en: 'price*|cost*|how much|charge|fee|fees|rate|rates|pay|mad|dirham*|euro*',
    es: 'precio*|cuesta*|cuánto|cuanto|cobran|vale|tarifa*|coste|costo|mad|dirham*|euro*',
    ar: 'سعر|أسعار|ثمن|تكلفة|يكلف|بكم|درهم|دراهم',
    ary: 'شحال|بشحال|كيسوا|كدير|تمن|الثمن|درهم|chhal|ch7al|bch7al|bchhal|kat9ad|kaysswa',
  },
  delivery: {
    fr: 'livr*|domicile|à emporter',
    en: 'deliver*|take away|takeaway|home',
    es: 'entrega*|domicilio|envío*|reparto',
    ar: 'توصيل|توصلون|المنازل|المنزل',
    ary: 'التوصيل|كتوصلو|للدار|twsil|lddar',
  },
  groups: {
    fr: 'groupe*|anniversaire*|personnes|invités|banquet',
    en: 'group*|party|parties|guests|people|birthday*',
    es: 'grupo*|personas|invitados|cumpleaños',
    ar: 'مجموعة|مجموعات|أشخاص|ضيوف',
    ary: 'جماعة|مجموعة|ناس|jma3a',
  },
  menu: {
    fr: 'menu*|formule*|midi|plat du jour',
    en: 'menu*|set menu|lunch',
    es: 'menú|menu|del día',
    ar: 'قائمة|وجبة اليوم',
    ary: 'المنيو|lmenu|menu',
  },
  insurance: {
    fr: 'mutuelle*|assurance*|rembours*|cnops|cnss',
    en: 'insurance|insurer*|insured|covered|cover|reimburs*',
    es: 'seguro*|mutua*|aseguradora*|reembols*',
    ar: 'تأمين|التأمين|تعاضدي*|استرجاع',
    ary: 'لاسورانس|لاموتيال|التعاضدية|assurance|mutuelle|lassurance',
  },
  cleaning: {
    fr: 'détartrage|nettoyage|polissage|tartre',
    en: 'cleaning|clean|scale|scaling|polish',
    es: 'limpieza|tartrectomía|sarro|pulido',
    ar: 'تنظيف|الجير|تلميع',
    ary: 'التنقية|تنقية|الديتارتراج|tanqiya|tn9iya|detartrage',
  },
  implant: {
    fr: 'implant*',
    en: 'implant*',
    es: 'implante*',
    ar: 'زراعة|زرع',
    ary: 'الزرع|زرع|implant',
  },
  oil_change: {
    fr: 'vidange*|huile|filtre',
    en: 'oil|oil change|filter',
    es: 'aceite|cambio de aceite|filtro',
    ar: 'زيت|الزيت|المصفاة',
    ary: 'الفيدونج|فيدونج|الزيت|lvidange|vidange|zit',
  },
  brakes: {
    fr: 'frein*|plaquette*',
    en: 'brake*|pads',
    es: 'freno*|pastilla*',
    ar: 'فرامل|الفرامل|وسادات',
    ary: 'الفران|فران|البلاكيط|بلاكيط|lfran|plakit',
  },
  warranty: {
    fr: 'garanti*|combien de temps',
    en: 'warranty|guarantee*|how long',
    es: 'garantía|garantia|cuánto dura',
    ar: 'ضمان|الضمان|مضمونة',
    ary: 'ضمانة|كتضمنو|damana',
  },
} as const satisfies Record<string, CueTable>;
