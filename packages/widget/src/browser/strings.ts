import type { WidgetLanguage } from './language';

/** Every UI string in the five languages, bundled: the widget never fetches a language file. */
export interface UiStrings {
  openChat: string;
  closeChat: string;
  subtitle: string;
  close: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  micStart: string;
  micStop: string;
  listening: string;
  typing: string;
  you: string;
  assistant: string;
  voiceUnavailable: string;
  micDenied: string;
  voiceFailed: string;
  realtimeFallback: string;
  networkError: string;
  rateLimited: string;
  /** The tenant's plan quota is used up or its account is restricted (402): no retry offered. */
  unavailable: string;
  retry: string;
  poweredBy: string;
  inStock: string;
  outOfStock: string;
  viewProduct: string;
  /** Heads the recap of a booking request the agent has recorded (the business confirms it). */
  bookingSent: string;
  handoffCall: string;
  handoffRequest: string;
  handoffMessage: string;
  language: string;
  realtimeStart: string;
  realtimeStop: string;
  connecting: string;
  greeting: string;
}

export const LANGUAGE_NAMES: Record<WidgetLanguage, string> = { fr: 'Français', en: 'English', es: 'Español', ar: 'العربية', ary: 'الدارجة' };

const fr: UiStrings = {
  openChat: 'Ouvrir la discussion', closeChat: 'Fermer la discussion', subtitle: 'Assistant virtuel', close: 'Fermer',
  messageLabel: 'Votre message', placeholder: 'Écrivez votre message…', send: 'Envoyer',
  micStart: 'Parler', micStop: "Arrêter l'écoute", listening: 'Je vous écoute…', typing: "L'assistant écrit",
  you: 'Vous', assistant: 'Assistant',
  voiceUnavailable: "La voix n'est pas disponible dans ce navigateur. Vous pouvez écrire votre message.",
  micDenied: "L'accès au micro a été refusé. Vous pouvez écrire votre message.",
  voiceFailed: "La voix s'est interrompue. Vous pouvez continuer par écrit.",
  realtimeFallback: "La voix en continu n'est pas disponible : j'utilise la reconnaissance vocale du navigateur. Appuyez sur le micro pour parler.",
  networkError: "Impossible de joindre l'assistant. Votre message est de nouveau dans la zone de saisie : réessayez.",
  rateLimited: 'Trop de messages en peu de temps. Patientez un instant puis réessayez.',
  unavailable: "L'assistant n'est pas disponible pour le moment. Merci de nous contacter par un autre moyen.",
  retry: 'Réessayer', poweredBy: 'Propulsé par VocalIA',
  inStock: 'En stock', outOfStock: 'Épuisé', viewProduct: 'Voir',
  bookingSent: 'Demande envoyée',
  handoffCall: 'Appeler le {number}', handoffRequest: 'Parler à un conseiller', handoffMessage: 'Je souhaite parler à un conseiller.',
  language: 'Langue', realtimeStart: 'Démarrer la conversation vocale', realtimeStop: 'Terminer la conversation vocale',
  connecting: 'Connexion…', greeting: 'Bonjour ! Comment puis-je vous aider ?',
};

const en: UiStrings = {
  openChat: 'Open chat', closeChat: 'Close chat', subtitle: 'Virtual assistant', close: 'Close',
  messageLabel: 'Your message', placeholder: 'Type your message…', send: 'Send',
  micStart: 'Speak', micStop: 'Stop listening', listening: 'Listening…', typing: 'The assistant is typing',
  you: 'You', assistant: 'Assistant',
  voiceUnavailable: "Voice isn't available in this browser. You can type your message.",
  micDenied: 'Microphone access was refused. You can type your message instead.',
  voiceFailed: 'Voice stopped working. You can keep typing.',
  realtimeFallback: "Streaming voice isn't available, so your browser's speech recognition takes over. Press the mic to talk.",
  networkError: "We couldn't reach the assistant. Your message is back in the box: please try again.",
  rateLimited: 'Too many messages in a short time. Please wait a moment and try again.',
  unavailable: 'The assistant is not available right now. Please contact us another way.',
  retry: 'Try again', poweredBy: 'Powered by VocalIA',
  inStock: 'In stock', outOfStock: 'Out of stock', viewProduct: 'View',
  bookingSent: 'Request sent',
  handoffCall: 'Call {number}', handoffRequest: 'Talk to a person', handoffMessage: "I'd like to talk to a person.",
  language: 'Language', realtimeStart: 'Start voice conversation', realtimeStop: 'End voice conversation',
  connecting: 'Connecting…', greeting: 'Hello! How can I help you?',
};

const es: UiStrings = {
  openChat: 'Abrir el chat', closeChat: 'Cerrar el chat', subtitle: 'Asistente virtual', close: 'Cerrar',
  messageLabel: 'Tu mensaje', placeholder: 'Escribe tu mensaje…', send: 'Enviar',
  micStart: 'Hablar', micStop: 'Dejar de escuchar', listening: 'Te escucho…', typing: 'El asistente está escribiendo',
  you: 'Tú', assistant: 'Asistente',
  voiceUnavailable: 'La voz no está disponible en este navegador. Puedes escribir tu mensaje.',
  micDenied: 'Se ha denegado el acceso al micrófono. Puedes escribir tu mensaje.',
  voiceFailed: 'La voz se ha interrumpido. Puedes seguir por escrito.',
  realtimeFallback: 'La voz en directo no está disponible: se usa el reconocimiento de voz del navegador. Pulsa el micrófono para hablar.',
  networkError: 'No pudimos contactar con el asistente. Tu mensaje sigue en el cuadro de texto: inténtalo de nuevo.',
  rateLimited: 'Demasiados mensajes en poco tiempo. Espera un momento y vuelve a intentarlo.',
  unavailable: 'El asistente no está disponible en este momento. Contáctanos por otro medio.',
  retry: 'Reintentar', poweredBy: 'Con la tecnología de VocalIA',
  inStock: 'En stock', outOfStock: 'Agotado', viewProduct: 'Ver',
  bookingSent: 'Solicitud enviada',
  handoffCall: 'Llamar al {number}', handoffRequest: 'Hablar con una persona', handoffMessage: 'Quiero hablar con una persona.',
  language: 'Idioma', realtimeStart: 'Iniciar conversación de voz', realtimeStop: 'Terminar conversación de voz',
  connecting: 'Conectando…', greeting: '¡Hola! ¿En qué puedo ayudarte?',
};

const ar: UiStrings = {
  openChat: 'فتح المحادثة', closeChat: 'إغلاق المحادثة', subtitle: 'مساعد افتراضي', close: 'إغلاق',
  messageLabel: 'رسالتكم', placeholder: 'اكتبوا رسالتكم…', send: 'إرسال',
  micStart: 'التحدث', micStop: 'إيقاف الاستماع', listening: 'جارٍ الاستماع…', typing: 'المساعد يكتب',
  you: 'أنتم', assistant: 'المساعد',
  voiceUnavailable: 'الصوت غير متاح في هذا المتصفح. يمكنكم كتابة رسالتكم.',
  micDenied: 'تم رفض الوصول إلى الميكروفون. يمكنكم كتابة رسالتكم بدلاً من ذلك.',
  voiceFailed: 'توقف الصوت. يمكنكم متابعة الكتابة.',
  realtimeFallback: 'الصوت المباشر غير متاح، لذا سيُستخدم التعرف على الكلام في المتصفح. اضغطوا على الميكروفون للتحدث.',
  networkError: 'تعذّر الوصول إلى المساعد. أعدنا رسالتكم إلى خانة الكتابة، حاولوا مرة أخرى.',
  rateLimited: 'رسائل كثيرة في وقت قصير. يرجى الانتظار قليلاً ثم المحاولة مجدداً.',
  unavailable: 'المساعد غير متاح حالياً. يرجى التواصل معنا بطريقة أخرى.',
  retry: 'إعادة المحاولة', poweredBy: 'مدعوم من VocalIA',
  inStock: 'متوفر', outOfStock: 'غير متوفر', viewProduct: 'عرض',
  bookingSent: 'تم إرسال الطلب',
  handoffCall: 'الاتصال بـ {number}', handoffRequest: 'التحدث مع موظف', handoffMessage: 'أرغب في التحدث مع موظف.',
  language: 'اللغة', realtimeStart: 'بدء محادثة صوتية', realtimeStop: 'إنهاء المحادثة الصوتية',
  connecting: 'جارٍ الاتصال…', greeting: 'مرحباً! كيف يمكنني مساعدتكم؟',
};

const ary: UiStrings = {
  openChat: 'حلو الدردشة', closeChat: 'سدو الدردشة', subtitle: 'مساعد افتراضي', close: 'سدو',
  messageLabel: 'الميساج ديالكم', placeholder: 'كتبو الميساج ديالكم…', send: 'صيفطو',
  micStart: 'هضرو', micStop: 'وقفو التسجيل', listening: 'كنسمع ليكم…', typing: 'المساعد كيكتب',
  you: 'نتوما', assistant: 'المساعد',
  voiceUnavailable: 'الصوت ماخدامش فهاد المتصفح. تقدرو تكتبو الميساج ديالكم.',
  micDenied: 'ما عطيتوش الإذن للميكرو. تقدرو تكتبو الميساج ديالكم.',
  voiceFailed: 'الصوت تقطع. تقدرو تكملو بالكتابة.',
  realtimeFallback: 'الصوت المباشر ماخدامش، غادي نخدمو بالتعرف على الصوت ديال المتصفح. وركو على الميكرو باش تهضرو.',
  networkError: 'ما قدرناش نوصلو للمساعد. الميساج ديالكم رجع للخانة، عاودو جربو.',
  rateLimited: 'بزاف ديال الميساجات فوقت قصير. تسناو شوية وعاودو جربو.',
  unavailable: 'المساعد ماشي متوفر دابا. تواصلو معانا بشي طريقة أخرى.',
  retry: 'عاودو جربو', poweredBy: 'بدعم من VocalIA',
  inStock: 'كاين', outOfStock: 'ما بقاش', viewProduct: 'شوفو',
  bookingSent: 'الطلب تصيفط',
  handoffCall: 'عيطو ل {number}', handoffRequest: 'بغيت نهضر مع شي واحد', handoffMessage: 'بغيت نهضر مع شي واحد من الفريق.',
  language: 'اللغة', realtimeStart: 'بداو المحادثة بالصوت', realtimeStop: 'ساليو المحادثة بالصوت',
  connecting: 'كنتصلو…', greeting: 'السلام! كيفاش نقدر نعاونكم؟',
};

export const UI_STRINGS: Record<WidgetLanguage, UiStrings> = { fr, en, es, ar, ary };

export function stringsFor(language: WidgetLanguage): UiStrings {
  return UI_STRINGS[language];
}
