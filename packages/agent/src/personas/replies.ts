import type { Language } from '@vocalia/contracts';

/** Sentences every persona shares. Placeholders: {business} {staff} {missing} {summary} {language} {transfer}. */
export interface ReplyTemplates {
  intro: string;
  introHours: string;
  introPricing: string;
  introOtherLanguage: string;
  refusal: string;
  handoffUnavailable: string;
  handoffNumber: string;
  bookingUnavailable: string;
  bookingAsk: string;
  bookingDone: string;
  /** The same request asked again once recorded ("Je confirme le rendez-vous"): nothing is recorded twice. */
  bookingAlready: string;
  complaint: string;
  goodbye: string;
  productsFound: string;
  productsNone: string;
  inStock: string;
  outOfStock: string;
  orderStatus: string;
  offerHuman: string;
  noted: string;
  /** What a qualifying agent asks next, for the first of these the visitor has not told yet. */
  askNext: { need: string; timeline: string; budget: string };
  missing: { date: string; time: string; name: string; contact: string };
  languageNames: Record<Language, string>;
  /** The languages the agent answers in ({languages}), asked "do you speak...?". */
  spokenLanguages: string;
  /** The visitor announced a question without asking it yet. */
  listening: string;
  /** How many a booking is for, as its note says it. */
  party: { one: string; many: string };
  and: string;
}

export const REPLIES: Record<Language, ReplyTemplates> = {
  fr: {
    intro: 'Voici ce que je peux vous dire :', introHours: 'Concernant nos horaires :', introPricing: 'Concernant nos tarifs :',
    introOtherLanguage: "Voici l'information dont je dispose, rédigée en {language} :",
    refusal: "Je ne peux pas partager mes instructions internes ni d'informations qui ne concernent pas {business}. En revanche, je réponds volontiers à vos questions sur nos services.",
    handoffUnavailable: 'Je ne peux pas vous transférer directement, mais laissez-moi votre nom et votre numéro : {business} vous recontactera.',
    handoffNumber: 'Vous pouvez aussi appeler le {transfer}.',
    bookingUnavailable: "La prise de rendez-vous en ligne n'est pas disponible ici.",
    bookingAsk: 'Avec plaisir. Pour enregistrer votre demande, il me manque : {missing}.',
    bookingDone: "C'est noté : {summary}. Votre demande est transmise, {staff} vous confirmera le créneau.",
    bookingAlready: 'Votre demande est déjà transmise ({summary}) : {staff} vous confirmera le créneau.',
    complaint: 'Je regrette sincèrement ce désagrément. Je transmets votre message à {staff} pour qu’il soit traité rapidement.',
    goodbye: 'Merci pour votre message et à bientôt chez {business} !',
    productsFound: "Voici ce que j'ai trouvé dans notre catalogue :", productsNone: "Je n'ai pas trouvé ce produit dans notre catalogue.",
    inStock: 'en stock', outOfStock: 'en rupture de stock',
    orderStatus: 'Pour suivre une commande précise, il faut votre numéro de commande : {staff} pourra vérifier son statut.',
    offerHuman: 'Voulez-vous que je vous mette en relation avec {staff} ?', noted: "Merci pour ces précisions, c'est noté.",
    askNext: { need: "Pouvez-vous m'en dire un peu plus sur votre besoin ?", timeline: 'Pour quand en auriez-vous besoin ?', budget: 'Avez-vous un budget en tête ?' },
    missing: { date: 'la date', time: "l'heure", name: 'votre nom', contact: 'un téléphone ou un e-mail' },
    languageNames: { fr: 'français', en: 'anglais', es: 'espagnol', ar: 'arabe', ary: 'darija' },
    spokenLanguages: 'Je peux vous répondre en {languages}. Comment puis-je vous aider ?',
    listening: 'Je vous écoute : quelle est votre question ?',
    party: { one: '1 personne', many: '{count} personnes' },
    and: 'et',
  },
  en: {
    intro: "Here's what I can tell you:", introHours: 'About our opening hours:', introPricing: 'About our prices:',
    introOtherLanguage: 'Here is the information I have, written in {language}:',
    refusal: "I can't share my internal instructions or anything that isn't about {business}. I'm happy to answer your questions about our services, though.",
    handoffUnavailable: "I can't transfer you directly, but leave me your name and number and {business} will get back to you.",
    handoffNumber: 'You can also call {transfer}.',
    bookingUnavailable: "Online booking isn't available here.",
    bookingAsk: 'Happy to help. To record your request I still need: {missing}.',
    bookingDone: "Noted: {summary}. Your request has been passed on and {staff} will confirm the slot.",
    bookingAlready: 'Your request has already been passed on ({summary}): {staff} will confirm the slot.',
    complaint: "I'm truly sorry about this. I'm passing your message to {staff} so it gets handled quickly.",
    goodbye: 'Thank you for your message, and see you soon at {business}!',
    productsFound: 'Here is what I found in our catalogue:', productsNone: "I couldn't find that product in our catalogue.",
    inStock: 'in stock', outOfStock: 'out of stock',
    orderStatus: 'To follow up a specific order I need your order number: {staff} can check its status.',
    offerHuman: 'Would you like me to put you in touch with {staff}?', noted: "Thank you, I've noted that.",
    askNext: { need: 'Could you tell me a little more about what you need?', timeline: 'When would you need it?', budget: 'Do you have a budget in mind?' },
    missing: { date: 'the date', time: 'the time', name: 'your name', contact: 'a phone number or an email' },
    languageNames: { fr: 'French', en: 'English', es: 'Spanish', ar: 'Arabic', ary: 'Darija' },
    spokenLanguages: 'I can answer you in {languages}. How can I help you?',
    listening: "Of course, I'm listening: what would you like to know?",
    party: { one: '1 person', many: '{count} people' },
    and: 'and',
  },
  es: {
    intro: 'Esto es lo que puedo decirle:', introHours: 'Sobre nuestro horario:', introPricing: 'Sobre nuestros precios:',
    introOtherLanguage: 'Esta es la información que tengo, redactada en {language}:',
    refusal: 'No puedo compartir mis instrucciones internas ni información que no sea de {business}. Con gusto respondo a sus preguntas sobre nuestros servicios.',
    handoffUnavailable: 'No puedo transferirle directamente, pero déjeme su nombre y su número y {business} le contactará.',
    handoffNumber: 'También puede llamar al {transfer}.',
    bookingUnavailable: 'La reserva en línea no está disponible aquí.',
    bookingAsk: 'Con mucho gusto. Para registrar su solicitud me falta: {missing}.',
    bookingDone: 'Anotado: {summary}. Su solicitud ha sido enviada y {staff} le confirmará la hora.',
    bookingAlready: 'Su solicitud ya ha sido enviada ({summary}): {staff} le confirmará la hora.',
    complaint: 'Lamento sinceramente lo ocurrido. Transmito su mensaje a {staff} para que se resuelva pronto.',
    goodbye: '¡Gracias por su mensaje y hasta pronto en {business}!',
    productsFound: 'Esto es lo que encontré en nuestro catálogo:', productsNone: 'No encontré ese producto en nuestro catálogo.',
    inStock: 'disponible', outOfStock: 'agotado',
    orderStatus: 'Para seguir un pedido concreto necesito su número de pedido: {staff} podrá comprobar su estado.',
    offerHuman: '¿Quiere que le ponga en contacto con {staff}?', noted: 'Gracias, tomo nota.',
    askNext: { need: '¿Podría contarme un poco más sobre lo que necesita?', timeline: '¿Para cuándo lo necesitaría?', budget: '¿Tiene un presupuesto en mente?' },
    missing: { date: 'la fecha', time: 'la hora', name: 'su nombre', contact: 'un teléfono o un correo' },
    languageNames: { fr: 'francés', en: 'inglés', es: 'español', ar: 'árabe', ary: 'dariya' },
    spokenLanguages: 'Puedo responderle en {languages}. ¿En qué puedo ayudarle?',
    listening: 'Claro, le escucho: ¿cuál es su pregunta?',
    party: { one: '1 persona', many: '{count} personas' },
    and: 'y',
  },
  ar: {
    intro: 'إليكم ما يمكنني قوله:', introHours: 'بخصوص أوقات العمل:', introPricing: 'بخصوص الأسعار:',
    introOtherLanguage: 'هذه المعلومة المتوفرة لدي، وهي مكتوبة باللغة {language}:',
    refusal: 'لا يمكنني مشاركة تعليماتي الداخلية ولا أي معلومات لا تخص {business}. لكن يسعدني الرد على أسئلتكم حول خدماتنا.',
    handoffUnavailable: 'لا يمكنني تحويلكم مباشرة، لكن اتركوا لي اسمكم ورقمكم وسيتصل بكم {business}.',
    handoffNumber: 'يمكنكم أيضا الاتصال بالرقم {transfer}.',
    bookingUnavailable: 'الحجز عبر الإنترنت غير متاح هنا.',
    bookingAsk: 'بكل سرور. لتسجيل طلبكم ينقصني: {missing}.',
    bookingDone: 'تم التسجيل: {summary}. تم إرسال طلبكم وسيؤكد لكم {staff} الموعد.',
    bookingAlready: 'تم إرسال طلبكم من قبل ({summary})، وسيؤكد لكم {staff} الموعد.',
    complaint: 'أعتذر بصدق عن هذا الإزعاج. سأنقل رسالتكم إلى {staff} لمعالجتها بسرعة.',
    goodbye: 'شكرا على رسالتكم، وإلى اللقاء في {business}!',
    productsFound: 'هذا ما وجدته في الكتالوج:', productsNone: 'لم أجد هذا المنتج في الكتالوج.',
    inStock: 'متوفر', outOfStock: 'غير متوفر حاليا',
    orderStatus: 'لمتابعة طلب معين أحتاج رقم الطلب، وسيتحقق {staff} من حالته.',
    offerHuman: 'هل ترغبون في أن أضعكم على اتصال مع {staff}؟', noted: 'شكرا، تم تسجيل ذلك.',
    askNext: { need: 'هل يمكنكم إخباري بالمزيد عما تحتاجونه؟', timeline: 'متى تحتاجون إلى ذلك؟', budget: 'هل لديكم ميزانية محددة؟' },
    missing: { date: 'التاريخ', time: 'الساعة', name: 'اسمكم', contact: 'رقم الهاتف أو البريد الإلكتروني' },
    languageNames: { fr: 'الفرنسية', en: 'الإنجليزية', es: 'الإسبانية', ar: 'العربية', ary: 'الدارجة' },
    spokenLanguages: 'يمكنني أن أجيبكم بهذه اللغات: {languages}. كيف يمكنني مساعدتكم؟',
    listening: 'بكل سرور، ما هو سؤالكم؟',
    party: { one: 'شخص واحد', many: '{count} أشخاص' },
    and: 'و',
  },
  ary: {
    intro: 'هادشي لي نقدر نقول ليكم:', introHours: 'على الأوقات ديالنا:', introPricing: 'على الأثمنة ديالنا:',
    introOtherLanguage: 'هادي المعلومة لي عندي، مكتوبة ب{language}:',
    refusal: 'ما نقدرش نعطيكم التعليمات الداخلية ديالي ولا شي معلومات ما عندهاش علاقة ب{business}. ولكن مرحبا نجاوبكم على الأسئلة ديالكم على الخدمات ديالنا.',
    handoffUnavailable: 'ما نقدرش نحولكم دابا، ولكن خليو ليا سميتكم والنمرة ديالكم و{business} غادي يتاصل بيكم.',
    handoffNumber: 'تقدرو حتى تعيطو ل {transfer}.',
    bookingUnavailable: 'الحجز أونلاين ماشي متوفر هنا.',
    bookingAsk: 'مرحبا. باش نسجل الطلب ديالكم خاصني: {missing}.',
    bookingDone: 'تسجل: {summary}. الطلب ديالكم تصيفط و{staff} غادي يأكد ليكم الموعد.',
    bookingAlready: 'الطلب ديالكم تصيفط من قبل ({summary})، و{staff} غادي يأكد ليكم الموعد.',
    complaint: 'سمحو لينا بزاف على هاد الإزعاج. غادي نوصل الميساج ديالكم ل{staff} باش يتحل بالزربة.',
    goodbye: 'شكرا على الميساج ديالكم، ونتشوفو قريب ف {business}!',
    productsFound: 'هادشي لي لقيت ف الكاتالوغ ديالنا:', productsNone: 'ما لقيتش هاد المنتوج ف الكاتالوغ ديالنا.',
    inStock: 'كاين', outOfStock: 'ما بقاش',
    orderStatus: 'باش نتبعو شي كوموند، خاصني الرقم ديال الكوموند، و{staff} غادي يشوف فين وصلات.',
    offerHuman: 'واش بغيتو نوصلكم مع {staff}؟', noted: 'شكرا، تسجل عندي.',
    askNext: { need: 'واش تقدرو تقولو ليا شوية كثر على شنو محتاجين؟', timeline: 'فوقاش غادي تحتاجوها؟', budget: 'واش عندكم شي ميزانية فبالكم؟' },
    missing: { date: 'النهار', time: 'الساعة', name: 'سميتكم', contact: 'النمرة ولا الإيميل' },
    languageNames: { fr: 'الفرنسية', en: 'الإنجليزية', es: 'الإسبانية', ar: 'العربية', ary: 'الدارجة' },
    spokenLanguages: 'نقدر نجاوبكم بهاد اللغات: {languages}. كيفاش نقدر نعاونكم؟',
    listening: 'مرحبا، شنو هو السؤال ديالكم؟',
    party: { one: 'شخص واحد', many: '{count} ديال الناس' },
    and: 'و',
  },
};

/** Fills known placeholders; unknown ones stay as written (values come from the tenant's own data). */
export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
