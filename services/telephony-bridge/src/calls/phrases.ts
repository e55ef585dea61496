import type { Language } from '@vocalia/contracts';

/** What the line itself says (not the agent): refusals, re-prompts, the recording notice, transfers. */
export interface PhonePhrases {
  unknownNumber: string;
  busy: string;
  unavailable: string;
  reprompt: string;
  noInput: string;
  goodbye: string;
  timeUp: string;
  recordingNotice: string;
  transferring: string;
  transferFailed: string;
  /** Spoken to the person who picks up a transfer, before the summary. */
  whisper: string;
  /** The one-sentence summary after the whisper; `{text}` is what the caller said last. */
  summary: string;
  /** The realtime model dropped mid-call: the caller carries on turn by turn, or presses the transfer key. */
  modelDropped: string;
  /** The SMS after the call; `{business}`, `{question}` and `{answer}` are filled in. */
  smsSummary: string;
}

export const PHRASES: Record<Language, PhonePhrases> = {
  fr: {
    unknownNumber: "Désolé, ce numéro n'est pas en service. Au revoir.",
    busy: 'Toutes nos lignes sont occupées pour le moment. Merci de rappeler dans quelques minutes. Au revoir.',
    unavailable: 'Désolé, notre service ne peut pas répondre pour le moment. Merci de rappeler plus tard. Au revoir.',
    reprompt: "Je ne vous ai pas entendu. Pouvez-vous répéter ?",
    noInput: 'Je ne vous entends toujours pas. Merci de votre appel, au revoir.',
    goodbye: 'Merci de votre appel. Au revoir.',
    timeUp: 'Nous arrivons à la durée maximale de cet appel. Merci de votre appel, au revoir.',
    recordingNotice: 'Cet appel peut être enregistré pour la qualité du service.',
    transferring: 'Je vous mets en relation avec un conseiller, merci de patienter.',
    transferFailed: "Personne n'est disponible pour le moment. Je reste avec vous : comment puis-je vous aider ?",
    whisper: 'Appel transféré par votre assistant VocalIA.',
    summary: 'Le client a dit : {text}',
    modelDropped: "Désolé, j'ai eu un problème technique. Dites-moi comment je peux vous aider, ou tapez {digit} pour parler à un conseiller.",
    smsSummary: "Merci d'avoir appelé {business}. Vous avez demandé : {question} Notre réponse : {answer}",
  },
  en: {
    unknownNumber: 'Sorry, this number is not in service. Goodbye.',
    busy: 'All our lines are busy right now. Please call back in a few minutes. Goodbye.',
    unavailable: 'Sorry, our service cannot answer right now. Please call back later. Goodbye.',
    reprompt: "I didn't catch that. Could you say it again?",
    noInput: "I still can't hear you. Thank you for calling, goodbye.",
    goodbye: 'Thank you for calling. Goodbye.',
    timeUp: 'We have reached the maximum length of this call. Thank you for calling, goodbye.',
    recordingNotice: 'This call may be recorded for quality purposes.',
    transferring: 'Let me connect you with a member of our team, please hold.',
    transferFailed: "Nobody is available right now. I'm still here: how can I help you?",
    whisper: 'Call transferred by your VocalIA assistant.',
    summary: 'The caller said: {text}',
    modelDropped: "Sorry, I had a technical problem. Tell me how I can help, or press {digit} to speak with a person.",
    smsSummary: "Thank you for calling {business}. You asked: {question} Our answer: {answer}",
  },
  es: {
    unknownNumber: 'Lo sentimos, este número no está en servicio. Adiós.',
    busy: 'Todas nuestras líneas están ocupadas en este momento. Por favor, llame de nuevo en unos minutos. Adiós.',
    unavailable: 'Lo sentimos, nuestro servicio no puede atenderle ahora. Por favor, llame más tarde. Adiós.',
    reprompt: 'No le he oído. ¿Puede repetirlo?',
    noInput: 'Sigo sin oírle. Gracias por su llamada, adiós.',
    goodbye: 'Gracias por su llamada. Adiós.',
    timeUp: 'Hemos llegado a la duración máxima de esta llamada. Gracias por su llamada, adiós.',
    recordingNotice: 'Esta llamada puede ser grabada por motivos de calidad.',
    transferring: 'Le paso con un miembro de nuestro equipo, por favor espere.',
    transferFailed: 'No hay nadie disponible en este momento. Sigo con usted: ¿en qué puedo ayudarle?',
    whisper: 'Llamada transferida por su asistente VocalIA.',
    summary: 'El cliente ha dicho: {text}',
    modelDropped: "Lo siento, he tenido un problema técnico. Dígame cómo puedo ayudarle, o pulse {digit} para hablar con una persona.",
    smsSummary: "Gracias por llamar a {business}. Usted preguntó: {question} Nuestra respuesta: {answer}",
  },
  ar: {
    unknownNumber: 'عذرا، هذا الرقم غير مستخدم. مع السلامة.',
    busy: 'جميع خطوطنا مشغولة حاليا. يرجى معاودة الاتصال بعد بضع دقائق. مع السلامة.',
    unavailable: 'عذرا، لا تستطيع خدمتنا الرد الآن. يرجى معاودة الاتصال لاحقا. مع السلامة.',
    reprompt: 'لم أسمعكم جيدا. هل يمكنكم الإعادة؟',
    noInput: 'ما زلت لا أسمعكم. شكرا لاتصالكم، مع السلامة.',
    goodbye: 'شكرا لاتصالكم. مع السلامة.',
    timeUp: 'وصلنا إلى المدة القصوى لهذه المكالمة. شكرا لاتصالكم، مع السلامة.',
    recordingNotice: 'قد يتم تسجيل هذه المكالمة لأغراض الجودة.',
    transferring: 'سأحولكم إلى أحد أعضاء فريقنا، يرجى الانتظار.',
    transferFailed: 'لا أحد متاح الآن. ما زلت معكم: كيف يمكنني مساعدتكم؟',
    whisper: 'مكالمة محولة من مساعد VocalIA.',
    summary: 'قال المتصل: {text}',
    modelDropped: "عذرا، حدث خلل تقني. أخبروني كيف يمكنني مساعدتكم، أو اضغطوا {digit} للتحدث مع موظف.",
    smsSummary: "شكرا لاتصالكم بـ {business}. سألتم: {question} جوابنا: {answer}",
  },
  ary: {
    unknownNumber: 'سمحو لينا، هاد الرقم ما خدامش. بسلامة.',
    busy: 'كاع الخطوط مشغولة دابا. عافاكم عاودو عيطو من بعد شي دقائق. بسلامة.',
    unavailable: 'سمحو لينا، الخدمة ما تقدرش تجاوب دابا. عافاكم عاودو عيطو من بعد. بسلامة.',
    reprompt: 'ما سمعتكمش مزيان. عاودو عافاكم؟',
    noInput: 'مازال ما كنسمعكمش. شكرا على المكالمة، بسلامة.',
    goodbye: 'شكرا على المكالمة. بسلامة.',
    timeUp: 'وصلنا للمدة القصوى ديال هاد المكالمة. شكرا على المكالمة، بسلامة.',
    recordingNotice: 'هاد المكالمة يمكن تتسجل باش نحسنو الخدمة.',
    transferring: 'غادي نحولكم لواحد من الفريق ديالنا، تسناو شوية عافاكم.',
    transferFailed: 'حتى واحد ما متوفر دابا. أنا معاكم: كيفاش نقدر نعاونكم؟',
    whisper: 'مكالمة محولة من المساعد ديال VocalIA.',
    summary: 'الزبون قال: {text}',
    modelDropped: "سمحو ليا، وقع مشكل تقني. قولو ليا كيفاش نعاونكم، ولا ضغطو على {digit} باش تهضرو مع شي واحد.",
    smsSummary: "شكرا على المكالمة مع {business}. سولتو: {question} الجواب ديالنا: {answer}",
  },
};
