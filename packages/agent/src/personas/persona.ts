import { z } from 'zod';
import { Language, LANGUAGES, type Language as Lang } from '@vocalia/contracts';

export const PERSONA_IDS = [
  'generic', 'dental', 'real_estate', 'notary', 'travel', 'ecommerce', 'restaurant', 'legal', 'clinic', 'insurance',
  'automotive', 'education', 'hospitality', 'agency', 'renting', 'fitness', 'beauty', 'accounting', 'plumbing', 'telecom',
  'veterinary', 'pharmacy', 'optician', 'physiotherapy', 'laboratory', 'home_care', 'childcare', 'driving_school',
  'language_school', 'electrician', 'renovation', 'solar', 'cleaning', 'moving', 'property_management', 'courier',
  'catering', 'events', 'coworking', 'recruitment', 'it_services',
] as const;
export const PersonaId = z.enum(PERSONA_IDS);
export type PersonaId = z.infer<typeof PersonaId>;

export const TOOL_NAMES = ['book_appointment', 'qualify_lead', 'transfer_to_human', 'search_catalog'] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

/** What most sectors' agents may do: take bookings, qualify the lead, hand over to a person. */
export const BOOKING_TOOLS: ToolName[] = ['book_appointment', 'qualify_lead', 'transfer_to_human'];

const Localized = z.record(Language, z.string());
export type Localized = Record<Lang, string>;

/**
 * A sector persona. Phrases may contain `{business}` (the tenant's name), filled in when spoken;
 * `instructions` is the system prompt core for model providers, written in each language (never shown to visitors).
 */
export const Persona = z.object({
  id: PersonaId,
  sector: z.string(),
  name: z.string(),
  description: z.string(),
  instructions: Localized,
  role: Localized,
  staff: Localized,
  greeting: Localized,
  fallback: Localized,
  handoff: Localized,
  followUp: Localized,
  /** What a "yes" to the follow-up question means: a booking request, or nothing in particular. */
  followUpIntent: z.enum(['booking', 'none']),
  tools: z.array(ToolName),
});
export type Persona = z.infer<typeof Persona>;

/** What differs per sector; greeting, fallback and hand-off sentences are built from shared frames. */
export interface SectorSpec {
  id: PersonaId;
  sector: string;
  name: string;
  description: string;
  /** One or two sentences of sector-specific guidance for the system prompt, per language. */
  focus: Localized;
  /** "the dental practice's assistant", per language, as it fits "I'm ___". */
  role: Localized;
  /** "the practice team", per language, as it fits "put you in touch with ___". */
  staff: Localized;
  followUp: Localized;
  followUpIntent: 'booking' | 'none';
  tools: ToolName[];
}

const GREETING: Record<Lang, (role: string) => string> = {
  fr: (r) => `Bonjour et bienvenue chez {business} ! Je suis ${r}. Comment puis-je vous aider ?`,
  en: (r) => `Hello and welcome to {business}! I'm ${r}. How can I help you today?`,
  es: (r) => `¡Hola y bienvenido a {business}! Soy ${r}. ¿En qué puedo ayudarle?`,
  ar: (r) => `مرحبا بكم في {business}! أنا ${r}. كيف يمكنني مساعدتكم؟`,
  ary: (r) => `مرحبا بيكم ف {business}! أنا ${r}. كيفاش نقدر نعاونكم؟`,
};

const FALLBACK: Record<Lang, (staff: string) => string> = {
  fr: (s) => `Je n'ai pas cette information et je préfère ne pas vous répondre au hasard. Voulez-vous que je vous mette en relation avec ${s} ?`,
  en: (s) => `I don't have that information, and I'd rather not guess. Would you like me to put you in touch with ${s}?`,
  es: (s) => `No tengo esa información y prefiero no inventar. ¿Quiere que le ponga en contacto con ${s}?`,
  ar: (s) => `لا أملك هذه المعلومة، ولا أريد أن أخمن. هل ترغبون في أن أضعكم على اتصال مع ${s}؟`,
  ary: (s) => `ما عنديش هاد المعلومة، وما بغيتش نقول ليكم شي حاجة ماشي مضمونة. واش بغيتو نوصلكم مع ${s}؟`,
};

const HANDOFF: Record<Lang, (staff: string) => string> = {
  fr: (s) => `Je vous mets en relation avec ${s}.`,
  en: (s) => `I'm putting you in touch with ${s}.`,
  es: (s) => `Le pongo en contacto con ${s}.`,
  ar: (s) => `سأضعكم على اتصال مع ${s}.`,
  ary: (s) => `غادي نوصلكم مع ${s}.`,
};

/** The frame of every persona's instructions: who it is, its sector focus, then the honesty rules. */
const INSTRUCTIONS: Record<Lang, (role: string, focus: string) => string> = {
  fr: (r, f) => `Vous êtes ${r}, un agent virtuel de {business}. ${f} Répondez uniquement à partir des connaissances et des faits fournis ci-dessous ; s'ils ne contiennent pas la réponse, dites simplement que vous ne savez pas et proposez de mettre la personne en relation avec quelqu'un. N'inventez jamais de prix, d'horaires, de disponibilités ni de conditions. Répondez brièvement, dans un style facile à dire à voix haute, et dans la langue de votre interlocuteur.`,
  en: (r, f) => `You are ${r}, a virtual agent for {business}. ${f} Answer only from the knowledge and facts given below; if they do not contain the answer, say plainly that you do not know and offer to put the visitor in touch with a person. Never invent prices, opening hours, availability or policies. Keep answers short and spoken-friendly. Reply in the visitor's language.`,
  es: (r, f) => `Usted es ${r}, un agente virtual de {business}. ${f} Responda solo a partir de los conocimientos y datos indicados abajo; si no contienen la respuesta, diga claramente que no lo sabe y ofrezca poner a la persona en contacto con alguien del equipo. No invente nunca precios, horarios, disponibilidad ni condiciones. Responda de forma breve y fácil de decir en voz alta, en el idioma de su interlocutor.`,
  ar: (r, f) => `أنت ${r}، وكيل افتراضي لدى {business}. ${f} أجب فقط من المعارف والمعلومات المعطاة أدناه؛ وإن لم تتضمن الجواب فقل بوضوح إنك لا تعرف واعرض وصل الزائر بأحد أعضاء الفريق. لا تخترع أبدا أسعارا أو مواعيد عمل أو توفرا أو شروطا. اجعل أجوبتك قصيرة وسهلة النطق، وأجب بلغة الزائر.`,
  ary: (r, f) => `نتا ${r}، مساعد رقمي ديال {business}. ${f} جاوب غير من المعلومات اللي معطية تحت؛ إلا ما فيهاش الجواب، قول بوضوح بلي ما عارفش وقترح توصل الزائر مع شي واحد من الفريق. عمرك ما تخترع الأثمنة ولا الأوقات ولا واش الشي متوفر ولا الشروط. جاوب بجمل قصيرة ساهلة فالكلام، وباللغة اللي كيهضر بيها الزائر.`,
};

const map = (f: Record<Lang, (x: string) => string>, values: Localized): Localized =>
  ({ fr: f.fr(values.fr), en: f.en(values.en), es: f.es(values.es), ar: f.ar(values.ar), ary: f.ary(values.ary) });

const instructionsOf = (spec: SectorSpec): Localized =>
  Object.fromEntries(LANGUAGES.map((l) => [l, INSTRUCTIONS[l](spec.role[l], spec.focus[l])])) as Localized;

export function definePersona(spec: SectorSpec): Persona {
  return {
    id: spec.id,
    sector: spec.sector,
    name: spec.name,
    description: spec.description,
    instructions: instructionsOf(spec),
    role: spec.role,
    staff: spec.staff,
    greeting: map(GREETING, spec.role),
    fallback: map(FALLBACK, spec.staff),
    handoff: map(HANDOFF, spec.staff),
    followUp: spec.followUp,
    followUpIntent: spec.followUpIntent,
    tools: spec.tools,
  };
}
