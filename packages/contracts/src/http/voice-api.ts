import { z } from 'zod';
import { Language } from '../languages';
import { Feature, PlanId } from '../plans';
import { BookingRequest, LeadScore } from '../lead';

export const MAX_MESSAGE_CHARS = 2000;

/** One of the tenant's agents (`data-vocalia-agent`); an id the tenant does not have means its default agent. */
export const AgentChoice = z.string().min(1).max(64);

export const RespondRequest = z.object({
  tenantId: z.string().min(1).max(64),
  sessionId: z.string().min(8).max(128).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  message: z.string().trim().min(1, 'message is empty').max(MAX_MESSAGE_CHARS, `message is longer than ${MAX_MESSAGE_CHARS} characters`),
  language: Language.optional(),
  agentId: AgentChoice.optional(),
  context: z
    .object({
      pageUrl: z.string().max(2048).optional(),
      pageTitle: z.string().max(300).optional(),
      channel: z.enum(['widget', 'voice', 'api']).optional(),
    })
    .catchall(z.union([z.string().max(500), z.number(), z.boolean()]))
    .optional(),
});
export type RespondRequest = z.infer<typeof RespondRequest>;

export const Product = z.object({
  id: z.string(),
  name: z.string(),
  price: z.number().nonnegative(),
  currency: z.string(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
  inStock: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const RespondAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('booking'), booking: BookingRequest }),
  /**
   * A person for the visitor: handed over now, or only offered (`offer: true`, after an answer the agent
   * did not have: nothing is handed over until the visitor accepts, e.g. with the action's button).
   */
  z.object({ type: z.literal('handoff'), reason: z.string(), transferNumber: z.string().optional(), offer: z.literal(true).optional() }),
  z.object({ type: z.literal('products'), products: z.array(Product) }),
]);
export type RespondAction = z.infer<typeof RespondAction>;

/** Whether an answer hands the visitor over to a person now (a hand-off only offered does not). */
export const handsOver = (actions: readonly RespondAction[]): boolean => actions.some((a) => a.type === 'handoff' && !a.offer);

export const Source = z.object({ documentId: z.string(), title: z.string(), score: z.number() });

export const RespondResponse = z.object({
  answer: z.string(),
  language: Language,
  intent: z.string(),
  lead: LeadScore,
  actions: z.array(RespondAction),
  sources: z.array(Source),
  provider: z.string(),
  sessionId: z.string(),
});
export type RespondResponse = z.infer<typeof RespondResponse>;

/**
 * Server-sent events of a streamed /respond (`Accept: text/event-stream`):
 * `event: token` data `{"text":"..."}` repeated, then `event: done` data = RespondResponse,
 * or `event: error` data = Problem.
 */
export const StreamToken = z.object({ text: z.string() });
export type StreamToken = z.infer<typeof StreamToken>;

export const WidgetPosition = z.enum(['bottom-right', 'bottom-left']);
export const WidgetBranding = z.object({
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  textColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  fontFamily: z.string().max(200),
  position: WidgetPosition,
  logoUrl: z.string().optional(),
  showPoweredBy: z.boolean(),
});
export type WidgetBranding = z.infer<typeof WidgetBranding>;

/** GET /config query besides `tenantId` (which is checked against the tenant directory: 400 missing, 404 unknown). */
export const WidgetConfigQuery = z.object({ agentId: AgentChoice.optional() });
export type WidgetConfigQuery = z.infer<typeof WidgetConfigQuery>;

export const WidgetConfigResponse = z.object({
  tenantId: z.string(),
  name: z.string(),
  plan: PlanId,
  features: z.array(Feature),
  languages: z.array(Language).min(1),
  defaultLanguage: Language,
  greeting: z.partialRecord(Language, z.string()),
  currency: z.string(),
  branding: WidgetBranding,
  ecommerce: z.boolean(),
  voice: z.object({ browser: z.boolean(), realtime: z.boolean() }),
  session: z.object({ token: z.string(), expiresAt: z.iso.datetime() }),
});
export type WidgetConfigResponse = z.infer<typeof WidgetConfigResponse>;

export const SocialProofItem = z.object({ kind: z.enum(['conversation', 'booking', 'lead']), text: z.string(), at: z.iso.datetime() });
export const SocialProofResponse = z.object({ items: z.array(SocialProofItem) });
export type SocialProofResponse = z.infer<typeof SocialProofResponse>;
