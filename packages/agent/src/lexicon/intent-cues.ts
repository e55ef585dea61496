import type { Language } from '@vocalia/contracts';

/**
 * Cue phrases per intent and language, '|' separated, written naturally (folded when compiled).
 * A trailing '*' matches any word starting with the cue; Arabic-script cues also match inside a
 * word (clitics: و, ب, ال...). Every language's cues are checked, whatever the detected language.
 */
export type CueTable = Partial<Record<Language, string>>;

export const INTENT_CUES = {
  greeting: {
    fr: 'bonjour|bonsoir|salut|coucou|allo',
    en: 'hello|hi|hey|good morning|good afternoon|good evening|greetings',
    es: 'hola|buenos días|buenas tardes|buenas noches|buenas|saludos',
    ar: 'مرحبا|السلام عليكم|أهلا|صباح الخير|مساء الخير',
    ary: 'سلام|لاباس|salam|slm|salamo alaykom|salam alaykoum|ahlan|labas|sba7 lkhir|sbah lkhir|msa lkhir|mrhba',
  },
  goodbye: {
    fr: 'au revoir|merci|bonne journée|bonne soirée|à bientôt|adieu',
    en: 'bye|goodbye|thank you|thanks|see you|have a nice day|cheers',
    es: 'adiós|gracias|hasta luego|hasta pronto|chao|nos vemos',
    ar: 'مع السلامة|شكرا|إلى اللقاء|وداعا',
    ary: 'بسلامة|الله يعاونك|beslama|bslama|chokran|choukran|shukran|lah y3awnek',
  },
  hours: {
    fr: 'horaire*|ouvert*|ouvre|ouvrez|fermé|fermez|fermeture|quelle heure|jours d ouverture',
    en: 'hours|opening|open|opens|close|closes|closing|closed|what time',
    es: 'horario*|abierto*|abren|abre|cierran|cierra|cerrado|qué hora',
    ar: 'ساعات العمل|أوقات العمل|مواعيد العمل|الدوام|مفتوح|تفتحون|تفتح|تغلقون|تغلق|مغلق|أوقات|متى',
    ary: 'فوقاش|وقتاش|كتحلو|حالين|محلول|كتسدو|مسدود|fou9ach|fo9ach|foqach|wa9tach|waqtach|m7lol|m7loul|ktsdo|kt7lo|kat7lo|7alin',
  },
  pricing: {
    fr: 'prix|tarif*|coût*|coute|coutent|combien|cher|chère|devis',
    en: 'price*|pricing|cost*|how much|fee|fees|rates|quote|cheap*|expensive|tariff*',
    es: 'precio*|cuesta*|cuánto|tarifa*|coste|costo*|caro|barato|presupuesto',
    ar: 'سعر|أسعار|ثمن|تكلفة|يكلف|بكم|تكاليف',
    ary: 'شحال|تمن|chhal|ch7al|bch7al|bchhal|bchal|taman|tamane|thaman|ghali|rkhis',
  },
  booking: {
    fr: 'rendez vous|rendez|rdv|réserver|réservez|réservons|réservation*|réserverai*|disponibilit*|créneau*',
    en: 'book|booking|appointment*|reserve|reserving|reservation*|schedule*|slot|slots',
    es: 'cita*|reservar|reserva|reservas|reservo|reservamos|reservación*|agendar|pedir hora|turno*',
    ar: 'موعد|حجز|أحجز|نحجز',
    ary: 'ندير موعد|ناخد موعد|maw3id|mow3id|n7jz|n7jez|nakhod rdv|nreservi',
  },
  order_status: {
    fr: 'commande|commandes|ma commande|colis|livraison|expédition|expédié|suivi',
    en: 'my order|order status|order number|tracking|track my|package|parcel|shipping|shipped|delivery|delivered|where is my',
    es: 'mi pedido|pedido|pedidos|envío|paquete|entrega|seguimiento|rastreo',
    ar: 'طلبي|طلبية|شحن|توصيل|طرد|تتبع',
    ary: 'الكوموند|كوموند|كومند|lcommande|colis|wslat|fin wslat',
  },
  handoff: {
    fr: 'humain|une personne|un conseiller|conseiller|conseillère|parler à|parler avec|quelqu un|un agent|opérateur|opératrice|être rappelé|me rappeler|rappelez moi',
    en: 'human|real person|a person|an agent|agent|representative|operator|speak to|talk to|speak with|talk with|someone|call me back',
    es: 'humano|una persona|un agente|agente|asesor|operador|hablar con|alguien|llámenme|llamarme|persona real',
    ar: 'موظف|شخص حقيقي|إنسان|التحدث مع|التكلم مع|أتكلم مع|اتصل بي|اتصلوا بي|ممثل',
    ary: 'بنادم|شي واحد|نهضر مع|نتكلم مع|عيط ليا|عيطو ليا|nhder m3a|nhdar m3a|nhdr m3a|chi wa7ed|chi wahed|3ayet liya|3aytou lia',
  },
  complaint: {
    fr: 'plainte|réclamation|réclamer|mécontent*|inadmissible|pas content|pas satisfait|arnaque|scandale|honte|déçu*|inacceptable|rembourse*',
    en: 'complain*|unhappy|disappointed|terrible service|awful service|was terrible|is terrible|was awful|is awful|refund*|unacceptable|scam|not happy|worst|angry',
    es: 'queja*|reclamación|reclamar|insatisfech*|decepcionad*|reembols*|inaceptable|estafa|pésimo|enojado',
    ar: 'شكوى|شكاية|غير راض|سيء|استرجاع|استرداد|احتيال|مستاء|غاضب',
    ary: 'ماشي مزيان|خايب|نصب|ما عجبنيش|معجبنيش|machi mzyan|khayb|chkaya|nsab|m9le9',
  },
  product_search: {
    fr: 'vous avez|avez vous|je cherche|cherche|acheter|produit*|en stock|article*|modèle*|vendez|catalogue',
    en: 'do you have|do you sell|looking for|buy|product*|in stock|item|items|sell|catalog*',
    es: 'tienen|busco|buscando|comprar|producto*|en stock|venden|artículo*|catálogo',
    ar: 'هل لديكم|منتج|أشتري|شراء|متوفر|أبحث عن',
    ary: 'واش عندكم|نشري|نقلب على|wach 3ndkom|wach 3andkom|nchri|kan9leb',
  },
  /**
   * Not an intent: "réservé aux femmes" (women only) says who a thing is for, and "Il faut réserver ?"
   * asks whether booking is needed; neither books anything.
   */
  not_booking: {
    fr: 'réservé aux|réservée aux|réservés aux|réservées aux|réservé à|réservée à|faut réserver|faut il réserver|doit réserver|besoin de réserver|obligatoire de réserver',
    en: 'reserved for|reserved to|need a reservation|need to book|need to reserve|have to book|have to reserve|reservation required|reservations required',
    es: 'reservado para|reservada para|reservados para|reservadas para|exclusivo para|hay que reservar|necesito reservar|hace falta reservar',
    ar: 'يجب الحجز|هل الحجز ضروري|الحجز ضروري',
    ary: 'خاص نحجز|خاصنا نحجزو|خاص الحجز|khass n7jez',
  },
  /** Not an intent: "combien de chambres ?" asks how many, not a price (its "combien" is not pricing). */
  quantity: {
    fr: 'combien de|combien d',
    en: 'how many',
    es: 'cuántos|cuántas',
    ar: 'كم عدد',
    ary: 'شحال من|chhal mn|ch7al mn',
  },
} as const satisfies Record<string, CueTable>;

export type IntentConcept = keyof typeof INTENT_CUES;
