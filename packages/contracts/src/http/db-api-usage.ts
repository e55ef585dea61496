import { z } from 'zod';
import { PlanId } from '../plans';

const Metered = z.object({ used: z.number(), quota: z.number().nullable() });

/** `GET /api/v1/usage`: the current billing period (the subscription's, else the calendar month in UTC). */
export const UsageResponse = z.object({
  plan: PlanId,
  period: z.object({ start: z.iso.datetime(), end: z.iso.datetime(), basis: z.enum(['subscription', 'calendar_month']) }),
  voiceMinutes: Metered,
  telephonyMinutes: Metered.extend({ costEur: z.number(), eurPerMinute: z.number() }),
  conversations: Metered,
  apiCalls: Metered,
  knowledgeBaseBytes: Metered,
  agents: Metered,
  /**
   * Right now, across every replica: live browser voice sessions beside the plan's concurrent sessions
   * (null when Redis cannot say), and phone calls in progress beside the tenant's `maxConcurrentCalls`.
   */
  live: z.object({ voiceSessions: Metered.nullable(), calls: Metered }),
});
export type UsageResponse = z.infer<typeof UsageResponse>;
