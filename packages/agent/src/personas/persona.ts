import { z } from 'zod';
import { Language, type Language as Lang } from '@vocalia/contracts';

export const PERSONA_IDS = [
  'generic', 'dental', 'real_estate', 'notary', 'travel', 'ecommerce', 'restaurant', 'legal', 'clinic', 'insurance',
  'automotive', 'education', 'hospitality', 'agency', 'renting', 'fitness', 'beauty', 'accounting', 'plumbing', 'telecom',
] as const;
export const PersonaId = z.enum(PERSONA_IDS);
export type PersonaId = z.infer<typeof PersonaId>;

export const TOOL_NAMES = ['book_appointment', 'qualify_lead', 'transfer_to_human', 'search_catalog'] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

const Localized = z.record(Language, z.string());
export type Localized = Record<Lang, string>;

/**
 * A sector persona. Phrases may contain `{business}` (the tenant's name), filled in when spoken;
 * `instructions` is the system prompt core for model providers (never shown to visitors).
 */
export const Persona = z.object({
  id: PersonaId,
  sector: z.string(),
  name: z.string(),
  description: z.string(),
  instructions: z.string(),
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
  /** One or two sentences of sector-specific guidance for the system prompt. */
  focus: string;
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
  ary: (r) => `مرحبا بيك ف {business}! أنا ${r}. كيفاش نقدر نعاونك؟`,
};

const FALLBACK: Record<Lang, (staff: string) => string> = {
  fr: (s) => `Je n'ai pas cette information et je préfère ne pas vous répondre au hasard. Voulez-vous que je vous mette en relation avec ${s} ?`,
  en: (s) => `I don't have that information, and I'd rather not guess. Would you like me to put you in touch with ${s}?`,
  es: (s) => `No tengo esa información y prefiero no inventar. ¿Quiere que le ponga en contacto con ${s}?`,
  ar: (s) => `لا أملك هذه المعلومة، ولا أريد أن أخمن. هل تريد أن أضعك على اتصال مع ${s}؟`,
  ary: (s) => `ما عنديش هاد المعلومة، وما بغيتش نقول ليك شي حاجة ماشي متأكد منها. واش بغيتي نوصلك مع ${s}؟`,
};

const HANDOFF: Record<Lang, (staff: string) => string> = {
  fr: (s) => `Je vous mets en relation avec ${s}.`,
  en: (s) => `I'm putting you in touch with ${s}.`,
  es: (s) => `Le pongo en contacto con ${s}.`,
  ar: (s) => `سأضعك على اتصال مع ${s}.`,
  ary: (s) => `غادي نوصلك مع ${s}.`,
};

const RULES =
  'Answer only from the knowledge and facts given below; if they do not contain the answer, say plainly that you do not know and offer to put the visitor in touch with a person. Never invent prices, opening hours, availability or policies. Keep answers short and spoken-friendly. Reply in the visitor\'s language.';

const map = (f: Record<Lang, (x: string) => string>, values: Localized): Localized =>
  ({ fr: f.fr(values.fr), en: f.en(values.en), es: f.es(values.es), ar: f.ar(values.ar), ary: f.ary(values.ary) });

export function definePersona(spec: SectorSpec): Persona {
  return {
    id: spec.id,
    sector: spec.sector,
    name: spec.name,
    description: spec.description,
    instructions: `You are ${spec.role.en}, a virtual agent for {business}. ${spec.focus} ${RULES}`,
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
