import type { CueTable } from './intent-cues';

/**
 * Ways of saying the same thing, in every language, that plain words miss: question words that are
 * stopwords ("where", "où", "أين"), paraphrases ("how late" for the hours), and sector vocabulary
 * ("vidange" for an oil change). Added to the intent and topic cues of the same concept; a chunk
 * and a question naming one concept in any of its spellings share its tag.
 */
export const PARAPHRASE_CUES = {
  location: {
    fr: 'où|situé*|se trouve*|trouver|adresse|emplacement|venir|rue|avenue|boulevard|bd|quartier|place|médina|centre ville',
    en: 'where|address|located|location|find you|situated|get there|street|avenue|boulevard|road|district|medina|city centre|downtown',
    es: 'dónde|donde|dirección|ubicad*|ubicación|encuentra*|situad*|estamos en|calle|avenida|bulevar|barrio|plaza',
    ar: 'أين|عنوان|يقع|تقع|توجد|مقر|مكان|شارع|زنقة|حي',
    ary: 'فين|جات|جا|كاين ف|fin|fine|fayn|jay|jat|kayn f|ladresse|blasa|بلاصة|لادريس|زنقة|شارع',
  },
  hours: {
    fr: 'horaire*|ouvert*|ouvre*|fermez|ferme|fermé*|fermeture|heure|quand|jusqu|tard|soir|matin|midi|après midi|demain|semaine|week end|weekend|jours|lundi|samedi|dimanche|dîner|déjeuner',
    en: 'hours|open*|close*|closing|what time|when|until|how late|late|noon|midday|tomorrow|morning|evening|week|weekday*|weekend*|week end|days|monday|saturday|sunday|dinner|lunch',
    es: 'horario*|abiert*|abre*|cierra*|cerrad*|qué hora|hora|cuándo|hasta|mediodía|mañana|tarde|noche|semana|fin de semana|finde|días|lunes|sábado|domingo|cenar|almorzar',
    ar: 'أوقات|ساعات|ساعة|الدوام|مفتوح*|تفتح*|تعملون|تغلق*|مغلق*|متى|غدا|صباح*|مساء|ليل|أيام|أسبوع|الأسبوع|الاثنين|السبت|الأحد|نهاية الأسبوع|العشاء|الغداء',
    ary: 'الويكاند|ويكاند|weekend|غدوة|غدا|ghedda|ghda|فوقاش|وقتاش|الأوقات|لوقات|حتى لشحال|محلول*|كتحلو|كتسدو|السيمانة|الليل|الصباح|العشية|لعشا|الغدا|fo9ach|fou9ach|wa9tach|kathlo|kat7lo|m7lol*|sbah|sba7|lil|simana|l3chiya',
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
    fr: 'groupe*|anniversaire*|personnes|invités|banquet|accueillir|recevoir',
    en: 'group*|party|parties|guests|people|birthday*|host',
    es: 'grupo*|personas|invitados|cumpleaños|acoger|recibir',
    ar: 'مجموعة|مجموعات|أشخاص|ضيوف|استقبال',
    ary: 'جماعة|مجموعة|ناس|تستقبلو|jma3a',
  },
  menu: {
    fr: 'menu du jour|plat du jour|menu*|formule*|midi',
    en: 'menu of the day|set menu|menu*',
    es: 'menú del día|menú|menu',
    ar: 'قائمة اليوم|وجبة اليوم|قائمة',
    ary: 'المنيو ديال النهار|المنيو|lmenu dyal nhar|lmenu|menu',
  },
  insurance: {
    fr: 'mutuelle*|assurance santé|assurance maladie|assurance*|rembours*|cnops|cnss|tiers payant',
    en: 'health insurance|medical insurance|insurance|insurer*|insured|covered|cover|reimburs*',
    es: 'seguro médico|seguro de salud|seguro*|mutua*|aseguradora*|reembols*',
    ar: 'التأمين الصحي|تأمين|التأمين|تعاضدي*|استرجاع',
    ary: 'لاسورانس|لاموتيال|التعاضدية|assurance|mutuelle|lassurance',
  },
  cleaning: {
    fr: 'détartrage|nettoyage|nettoyer|polissage|tartre',
    en: 'cleaning|clean|scale|scaling|polish',
    es: 'limpieza|tartrectomía|sarro|pulido',
    ar: 'تنظيف|الجير|تلميع',
    ary: 'التنقية|تنقية|الديتارتراج|tanqiya|tn9iya|detartrage',
  },
  whitening: {
    fr: 'blanchiment|blanchir|blanches|plus blanc*',
    en: 'whitening|whiten|whiter',
    es: 'blanqueamiento|blanquear|más blanc*',
    ar: 'تبييض|التبييض|أكثر بياضا',
    ary: 'التبياض|تبياض|tbyad|tbyat',
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
  parking: {
    fr: 'garer|stationner|se garer',
    en: 'park the car|car park',
    es: 'aparcar|estacionar|aparcamiento',
    ar: 'موقف السيارات|موقف للسيارات|ركن السيارة',
    ary: 'نباركي|باركينغ|nbarki',
  },
  warranty: {
    fr: 'garanti*',
    en: 'warranty|guarantee*',
    es: 'garantía|garantia',
    ar: 'ضمان|الضمان|مضمونة',
    ary: 'ضمانة|كتضمنو|damana',
  },
  vaccination: {
    fr: 'vaccin*|rappel*',
    en: 'vaccin*|jab|jabs|booster*',
    es: 'vacuna*',
    ar: 'تلقيح|لقاح|التلقيح',
    ary: 'الجلبة|التلقيح|vaccin',
  },
  prescription: {
    fr: 'ordonnance*|prescription*',
    en: 'prescription*',
    es: 'receta*|prescripción',
    ar: 'وصفة|الوصفة|وصفات',
    ary: 'الوصفة|لوردونونس|ordonnance',
  },
  on_duty: {
    fr: 'de garde|pharmacie de garde|garde de nuit',
    en: 'on duty|on-duty|out of hours|night service',
    es: 'de guardia|farmacia de guardia',
    ar: 'الحراسة|المداومة|صيدلية الحراسة',
    ary: 'الحراسة|فرمصيان ديال الحراسة|de garde',
  },
  glasses: {
    fr: 'lunettes|monture*|verres',
    en: 'glasses|spectacles|frame|frames|lenses',
    es: 'gafas|montura*|lentes|cristales',
    ar: 'نظارات|نظارة|إطار|عدسات',
    ary: 'اللونيط|لونيط|النظاظر|lunettes',
  },
  licence: {
    fr: 'permis|code de la route|auto-école|conduite',
    en: 'licence|license|driving test|theory test|driving lessons',
    es: 'carné|carnet|permiso de conducir|teórico|autoescuela',
    ar: 'رخصة السياقة|رخصة القيادة|السياقة',
    ary: 'البيرمي|بيرمي|permis|الكود',
  },
  quote: {
    fr: 'devis|estimation|chiffrage',
    en: 'quote|quotation|estimate',
    es: 'presupuesto|cotización|estimación',
    ar: 'عرض سعر|عرض أسعار|تقدير',
    ary: 'الدوفي|دوفي|devis',
  },
  deed: {
    fr: 'acte*|compromis|succession',
    en: 'deed*|conveyancing|title transfer',
    es: 'escritura*|compraventa',
    ar: 'عقد البيع|عقود|العقد',
    ary: 'لاكط|acte|العقد',
  },
  documents: {
    fr: 'documents|pièces|papiers|apporter|apportez|fournir|justificatif*',
    en: 'documents|papers|paperwork|bring|proof',
    es: 'documentos|papeles|traer|aportar|justificante*',
    ar: 'وثائق|الوثائق|أوراق|المستندات',
    ary: 'الوراق|وراق|lwra9|wra9',
  },
  parcel_tracking: {
    fr: 'suivi de colis|numéro de suivi|suivre mon colis|colis',
    en: 'tracking|tracking number|track my parcel|parcel|package',
    es: 'seguimiento|número de seguimiento|paquete',
    ar: 'تتبع|رقم التتبع|طرد|الطرد',
    ary: 'التتبع|الكولي|colis',
  },
  emergency: {
    fr: 'urgence*|urgent*|douleur*|douloureu*|mal à|mal aux|très mal|rage de dent*|abcès|saigne*',
    en: 'emergenc*|urgent*|painful|in pain|toothache|tooth ache|aching|hurts|it hurts|bleeding|swollen',
    es: 'urgencia*|urgente*|dolor*|duele|me duele|sangra*|hinchad*',
    ar: 'طوارئ|طارئ*|مستعجل*|عاجل*|ألم|آلام|يؤلمني|وجع',
    ary: 'مستعجل|كيضرني|ضرني|كيوجعني|الوجع|urgence|kaydarni|kayderni|darni',
  },
  wedding: {
    fr: 'mariage*|noces|fiançailles',
    en: 'wedding*|marriage|engagement party',
    es: 'boda*|casamiento|pedida',
    ar: 'زفاف|عرس|الخطوبة',
    ary: 'العرس|عرس|الخطوبة|3ors',
  },
} as const satisfies Record<string, CueTable>;

/**
 * Words a visitor adds that say nothing a knowledge base would answer: the business itself ("the
 * clinic" is "you"), and vague verbs and adjectives ("work with", "large", "change": the price of a
 * tyre change is the price of tyres, not of an oil change). Dropped from questions
 * and chunks alike in paraphrase retrieval, so they neither help nor hide an answer.
 */
export const PARAPHRASE_FILLERS = {
  fr: `cabinet clinique restaurant garage atelier magasin boutique agence bureau centre salon entreprise société exactement
    pharmacie notaire étude opticien laboratoire labo crèche auto-école école resto restau riad hôtel hotel
    grand grande grands grandes petit petite travaillez travailler acceptez pouvez peut peux on ça cela revient est-ce nourriture
    changer changement remplacer remplacement prendre aujourd'hui aujourd hui vendez vendre vends question questions
    chercher cherche cherchez cherchons espace espaces zone coin plat plats`,
  en: `clinic practice restaurant garage workshop shop store agency office centre center salon company business exactly large
    pharmacy notary optician laboratory lab nursery school hotel riad guesthouse
    big small work working accept accepted allowed during food change changing replace replacing replacement see today sell sells selling question questions area areas zone space dish dishes`,
  es: `clínica consultorio restaurante taller tienda agencia oficina centro salón empresa exactamente grande grandes pequeño
    farmacia notario notaría óptica laboratorio guardería autoescuela academia
    trabajan trabajar aceptan aceptar admiten atienden atender pueden comida cambiar cambio sustituir hoy mucho mucha venden vender vendéis pregunta preguntas espacio zona área plato platos`,
  arabic: `العيادة عيادة المطعم مطعم المرآب مرآب الورشة ورشة المحل محل الوكالة المكتب المركز الشركة الگراج الكراج كبيرة كبير
    الصيدلية صيدلية الموثق المختبر الحضانة المدرسة
    نقدر نقدرو تقدر تقدرو طبق أطباق اطباق نهار النهار السلعة سلعة المنتوج خاصة خاص الرياض رياض الفندق فندق الأوطيل أوطيل الريسطو ريسطو كاينة كاينين صغيرة تتعاملون تعملون تقبلون يمكنكم يمكن ممكن كتقبلو تقدرو كتبقاو خدامين كاين كم يوجد توجد هناك تغيير تبديل اليوم ليوم عندي بزاف تشوفوني تشوفني تبيعون تبيعو كتبيعو سؤال سوال`,
  arabizi: `l3iyada 3iyada restaurant resto risto riad kayna kayn kaynin nhar lgarage garage lmahal mahal kbira kbir mmkn ymken dyalkom dialkom dyalek dyali tbdil tbdal tghyir lyoum lyom so2al swal`,
} as const;
