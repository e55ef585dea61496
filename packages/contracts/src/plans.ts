import { z } from 'zod';

export const PLAN_IDS = ['starter', 'pro', 'ecommerce', 'expert_clone', 'telephony'] as const;
export const PlanId = z.enum(PLAN_IDS);
export type PlanId = z.infer<typeof PlanId>;

/** The 23 features a plan can grant. Services check these, never plan names. */
export const FEATURES = [
  'widget_text',
  'widget_voice',
  'cloud_voice',
  'telephony',
  'knowledge_base',
  'lead_scoring',
  'booking',
  'human_handoff',
  'crm_sync',
  'calendar_sync',
  'webhooks',
  'api_access',
  'custom_branding',
  'multi_language',
  'analytics',
  'social_proof',
  'product_catalog',
  'cart_recovery',
  'order_status',
  'voice_cloning',
  'expert_dashboard',
  'call_recording',
  'outbound_calls',
] as const;
export const Feature = z.enum(FEATURES);
export type Feature = z.infer<typeof Feature>;

const STARTER: Feature[] = [
  'widget_text',
  'widget_voice',
  'knowledge_base',
  'lead_scoring',
  'human_handoff',
  'multi_language',
  'analytics',
  'social_proof',
];
const PRO: Feature[] = [
  ...STARTER,
  'cloud_voice',
  'booking',
  'crm_sync',
  'calendar_sync',
  'webhooks',
  'api_access',
  'custom_branding',
];

export const Plan = z.object({
  id: PlanId,
  name: z.string(),
  priceEurMonthly: z.number().nonnegative(),
  features: z.array(Feature),
  rateLimitPerMinute: z.number().int().positive(),
  /** Credits granted when a trial on this plan starts (cents of EUR), burned by usage (`USAGE_CREDIT_CENTS`). */
  trialCreditCents: z.number().int().nonnegative(),
  /** Past the monthly conversation quota: refused (`null`, a hard stop) or billed per conversation at this price. */
  conversationOverageEur: z.number().positive().nullable(),
  quotas: z.object({
    conversationsPerMonth: z.number().int().positive(),
    /** Streaming browser voice (`cloud_voice`) per month; past it the widget falls back to browser speech (a hard stop on every plan). */
    voiceMinutesIncluded: z.number().int().nonnegative(),
    /** Phone minutes per month (`telephony`), each billed at TELEPHONY_EUR_PER_MINUTE; past it calls are refused (a hard stop). */
    telephonyMinutesPerMonth: z.number().int().nonnegative(),
    apiCallsPerMonth: z.number().int().positive(),
    knowledgeBaseBytes: z.number().int().positive(),
    agents: z.number().int().positive(),
    allowedOrigins: z.number().int().positive(),
  }),
});
export type Plan = z.infer<typeof Plan>;

const MB = 1024 * 1024;

export const PLANS: Record<PlanId, Plan> = {
  starter: {
    id: 'starter',
    name: 'Starter',
    priceEurMonthly: 49,
    features: STARTER,
    rateLimitPerMinute: 20,
    trialCreditCents: 1000,
    conversationOverageEur: null,
    quotas: { conversationsPerMonth: 1000, voiceMinutesIncluded: 0, telephonyMinutesPerMonth: 0, apiCallsPerMonth: 10000, knowledgeBaseBytes: 10 * MB, agents: 1, allowedOrigins: 10 },
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    priceEurMonthly: 99,
    features: PRO,
    rateLimitPerMinute: 60,
    trialCreditCents: 2000,
    conversationOverageEur: 0.05,
    quotas: { conversationsPerMonth: 5000, voiceMinutesIncluded: 300, telephonyMinutesPerMonth: 0, apiCallsPerMonth: 100000, knowledgeBaseBytes: 50 * MB, agents: 5, allowedOrigins: 10 },
  },
  ecommerce: {
    id: 'ecommerce',
    name: 'E-commerce',
    priceEurMonthly: 99,
    features: [...STARTER, 'cloud_voice', 'booking', 'crm_sync', 'webhooks', 'api_access', 'custom_branding', 'product_catalog', 'cart_recovery', 'order_status'],
    rateLimitPerMinute: 60,
    trialCreditCents: 2000,
    conversationOverageEur: 0.05,
    quotas: { conversationsPerMonth: 5000, voiceMinutesIncluded: 300, telephonyMinutesPerMonth: 0, apiCallsPerMonth: 100000, knowledgeBaseBytes: 50 * MB, agents: 5, allowedOrigins: 10 },
  },
  expert_clone: {
    id: 'expert_clone',
    name: 'Expert Clone',
    priceEurMonthly: 149,
    features: [...PRO, 'voice_cloning', 'expert_dashboard'],
    rateLimitPerMinute: 120,
    trialCreditCents: 3000,
    conversationOverageEur: 0.04,
    quotas: { conversationsPerMonth: 10000, voiceMinutesIncluded: 1000, telephonyMinutesPerMonth: 0, apiCallsPerMonth: 250000, knowledgeBaseBytes: 200 * MB, agents: 10, allowedOrigins: 10 },
  },
  telephony: {
    id: 'telephony',
    name: 'Telephony',
    priceEurMonthly: 199,
    // The top plan includes every feature.
    features: [...FEATURES],
    rateLimitPerMinute: 120,
    trialCreditCents: 5000,
    conversationOverageEur: 0.04,
    quotas: { conversationsPerMonth: 10000, voiceMinutesIncluded: 1000, telephonyMinutesPerMonth: 3000, apiCallsPerMonth: 250000, knowledgeBaseBytes: 200 * MB, agents: 10, allowedOrigins: 10 },
  },
};

/** Telephony minutes are billed on top of the plan. */
export const TELEPHONY_EUR_PER_MINUTE = 0.24;
export const TRIAL_DAYS = 14;
/** Days a tenant keeps working after its trial ends, its credits run out or a payment fails, before it is restricted. */
export const GRACE_DAYS = 7;
/** Share of a monthly quota at which the tenant is warned once per period (`usage.threshold_reached`). */
export const QUOTA_WARNING_RATIO = 0.8;

/** What one unit of usage burns from the credit balance, in cents of EUR (a telephony minute is 24 cents). */
export const USAGE_CREDIT_CENTS = {
  conversation: 1,
  api_call: 0,
  voice_seconds: 4 / 60,
  telephony_seconds: (TELEPHONY_EUR_PER_MINUTE * 100) / 60,
} as const;

export function planHasFeature(plan: PlanId, feature: Feature): boolean {
  return PLANS[plan].features.includes(feature);
}

/** The cheapest plan that grants a feature, to tell a user what to upgrade to. */
export function cheapestPlanWith(feature: Feature): PlanId {
  const withFeature = PLAN_IDS.filter((id) => planHasFeature(id, feature));
  withFeature.sort((a, b) => PLANS[a].priceEurMonthly - PLANS[b].priceEurMonthly);
  const found = withFeature[0];
  if (!found) throw new Error(`no plan grants ${feature}`);
  return found;
}
