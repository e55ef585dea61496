import { PhraseIndex } from './phrase-set';

/**
 * What an attempt to take over the agent or extract what it was given talks about, in the five
 * languages, as concepts rather than sentences (matched on word tokens): each concept alone is ordinary ("repeat", "rules",
 * "code"); their combinations score (see `scoreInjection`).
 */
const CUE_PHRASES = {
  /** Verbs that ask for text to be reproduced or transformed. */
  extract: `reveal* | repeat* | print* | show* | display* | dump* | output* | leak* | summar* | sum up | recap* | paraphras* | translat* | spell* | recite* | copy | list | write* | paste* | tell me | give me | share | disclos* | expose* | read out | quote* | describe
    | revele* | reveler | repete* | repeter | affiche* | montre* | resume* | resumer | tradui* | epel* | recite* | copie* | ecris | dis moi | donne moi | partage* | divulgu* | cite* | liste*
    | revela* | repite* | repetir | muestra* | mostrar | resum* | traduc* | traduz* | deletre* | recita* | copia* | escrib* | dime | dame | compart*
    | اكشف | اظهر | اعرض | كرر | اطبع | لخص | ترجم | تهج | انسخ | اكتب | قل لي | اعطني | شارك | وريني | عطيني | قولي | قول ليا | عاود | كتب ليا`,
  /** The agent's own configuration, named strongly: never a business topic. */
  configuration: `prompt | prompts | system message | system instruction* | system rules | context window | your context | initialised with | initialized with | not allowed to | not supposed to | forbidden to | configuration* | config | setup | set up | internal note* | hidden note* | private note* | secret note* | hidden instruction* | internal instruction* | initial message | first message you | everything above | text above | above this line | what you were told | were you told | you have been told | you ve been told | been instructed | programmed | programming
    | note* interne* | ton contexte | pas le droit de | interdit de | note* cachee* | note* secrete* | note* privee* | parametr* | reglages | on t a dit | on vous a dit | ce qui precede | texte ci dessus | au dessus de cette ligne | message systeme
    | nota* interna* | tu contexto | no puedes decir | no tienes permitido | nota* oculta* | nota* secreta* | nota* privada* | configuracion* | ajustes | te dijeron | le dijeron | todo lo anterior | encima de esta linea | mensaje del sistema
    | ملاحظ داخلي | ممنوع عليك | ما مسموحش ليك | ملاحظ مخفي | ملاحظ سري | ملاحظ مخبي | اعدادات | برومبت | موجه النظام | رساله النظام | قيل لك | قالو ليك | فوق هذا السطر | فوق هاد السطر | كل ما سبق | النص السابق | تعليمات مخفي`,
  /** Words that are also ordinary topics ("the instructions after an extraction", "your rules for cancellations"). */
  rules: `instruction* | rules | guideline* | directive* | restriction* | consigne* | regle* | directive* | instrucci* | regla* | directric* | restriccion* | تعليمات | قواعد | القوانين | الاوامر`,
  /** Notes and memos: ordinary alone ("leave a note for the staff"), private with a privileged qualifier. */
  notes: `note | notes | memo* | briefing* | nota | notas | ملاحظ | مذكر`,
  /** What the agent was given or told before the visitor came. */
  toldYou: `you were given | were you given | you were told | were you told | gave you | give you | you were asked to | business asked you | company asked you | owner asked you | told you to | instructed you | you follow | you obey
    | on t a donne | on t a dit de | on t a demande de | tu as recu* | tu suis | tu respectes | t a donne
    | te dieron | te dio | te pidieron | te indicaron | sigues
    | عطاوك | اعطوك | اعطيت لك | اعطيت لك | طلبوا منك | قالو ليك`,
  /** The visitor addressing the agent's own things. */
  self: `your | yours | yourself | you were | were you | you have been | tes | ton | ta | vos | votre | toi | tus | tu | te | ديالك | نتا | انت`,
  /** Overriding what the agent was told. */
  override: `ignore* | disregard* | forget* | override* | bypass* | oubli* | ne tiens pas compte | olvid* | omit* | salta* | تجاهل | انس | انسى | نسى | تخطى | ما تديش على`,
  /** Taking on another role ("you are now my favourite clinic" alone is harmless). */
  roleplay: `you are now | from now on you | pretend* | act as | roleplay | role play | imagine you are
    | tu es maintenant | a partir de maintenant tu | fais comme si | fait comme si | imagine que tu | joue le role
    | ahora eres | a partir de ahora eres | finge* | haz como si | actua como
    | انت الان | من الان انت | دابا نتا | دابا انت | تظاهر | تخيل انك | دير راسك`,
  /** Jailbreak vocabulary: modes and personas without rules ("Dan" alone is also a first name). */
  jailbreak: `dan | do anything now | jailbreak* | debug mode | developer mode | maintenance mode | admin mode | god mode | sudo mode | unrestricted mode | unrestricted ai | unrestricted assistant | unfiltered mode | no restrictions | without restrictions
    | mode debogage | mode debug | mode developpeur | mode administrateur | sans restrictions
    | modo depuracion | modo debug | modo desarrollador | modo administrador | sin restricciones
    | وضع التصحيح | وضع المطور | مود ديباغ | بلا قيود | بدون قيود`,
  /** Codes and keys: ordinary alone ("a promo code"), secret with a privileged qualifier. */
  secretObject: `code* | password* | passcode* | pin | key | token* | coupon* | mot de passe | cle | codigo* | contrasena* | clave* | رمز | كود | الكود | كلمه السر | كلمه المرور | الكود`,
  privileged: `staff | employee* | internal | secret | hidden | private | confidential | admin* | insider* | team only | du personnel | au personnel | pour le personnel | interne* | cachee* | cache | secrete* | prive* | confidentiel* | salarie* | employe* | del personal | al personal | para el personal | empleado* | interno* | oculto* | secreto* | privado* | confidencial*
    | موظف | الموظف | داخلي | سري | مخفي | خدام | الخدامه | مخبي`,
  /** Keys and credentials: never a visitor's business. */
  credentials: `api key | apikey | secret key | access token | admin credentials | login credentials | database credentials | admin password | environment variable* | env variable* | process env | cle api | cle d api | mot de passe admin | variables d environnement | clave api | variables de entorno | مفتاح api | مفتاح ال api`,
  other: `other* | else | autre* | otra* | otro* | demas | اخرى | الاخرى | الاخرين | اخرين | لاخرين | لخرين`,
  businesses: `businesses | companies | tenants | brands | shops | stores | firms | entreprises | societes | commerces | marques | boutiques | empresas | negocios | marcas | tiendas | الشركات | شركات | المحلات | الشركه`,
  platform: `this service | this platform | this chatbot | this assistant | this bot | this widget | vocalia | ce service | cette plateforme | ce chatbot | cet assistant | este servicio | esta plataforma | este chatbot | este asistente | هذه الخدمه | هاد الخدمه | هذه المنصه | هاد المنصه`,
  users: `use* | using | utilis* | usan | usa | utiliza* | تستخدم | يستخدم | تستعمل | كتستعمل | كيستعملو | كيخدمو`,
  customerData: `customers data | clients data | data of | details of | phone numbers of | emails of | orders of | donnees des | informations des | datos de | بيانات العملاء | معلومات الزبناء`,
  /** Asking for an exact copy, however it is spelled. */
  exfilForm: `letter by letter | character by character | char by char | word for word | verbatim | exactly as written | in full | lettre par lettre | caractere par caractere | mot pour mot | mot a mot | textuellement | letra por letra | caracter por caracter | palabra por palabra | textualmente | حرف بحرف | حرفا حرفا | حرفيا | كلمه بكلمه`,
  /** The time before the conversation: what the agent was given, not what the visitor said. */
  beforeConversation: `before i arrived | before i came | before this conversation | before we started | before our conversation | avant mon arrivee | avant que j arrive | avant cette conversation | antes de que llegara | antes de que yo llegara | antes de esta conversacion | قبل ان اصل | قبل وصولي | قبل هذه المحادثه | قبل ما نجي | قبل هاد المحادثه`,
};

export type Cue = keyof typeof CUE_PHRASES | 'delimiters';

/** Every concept's phrases in one index: a message's tokens are read once for all of them. */
export const CUES = new PhraseIndex(CUE_PHRASES);

/** Chat-template and markdown delimiters smuggled into a message (matched on the folded text itself). */
export const DELIMITERS = /<\|?(im_start|im_end|system|endoftext)\|?>|\[\/?inst\]|\[system\]|###[ \t]{0,8}(system|instruction)|begin system|end of prompt|<\/s>/u;
