import { z } from 'zod';
import { Channel } from '../channels';
import { QueryDate } from './db-api-pagination';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * `GET /api/v1/analytics`: whole UTC days from `from` (inclusive) to `to` (exclusive); default the
 * last 30 days up to the end of today. At most a year.
 */
export const AnalyticsQuery = z
  .object({ from: QueryDate.optional(), to: QueryDate.optional() })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'must be after from' })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_DAYS * DAY_MS, { path: ['to'], message: `at most ${MAX_DAYS} days after from` });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** Conversations started on one UTC day (`2026-03-01`), by channel. */
export const AnalyticsDay = z.object({
  date: z.iso.date(),
  total: z.number().int().nonnegative(),
  byChannel: z.record(Channel, z.number().int().nonnegative()),
});
export type AnalyticsDay = z.infer<typeof AnalyticsDay>;

const Count = z.number().int().nonnegative();

export const AnalyticsResponse = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Every day of the range, zero-filled. */
  days: z.array(AnalyticsDay),
  totals: z.object({ conversations: Count, messages: Count, handoffs: Count, leads: Count, bookings: Count }),
  /** Leads created in the range, by status. */
  leadFunnel: z.object({ new: Count, contacted: Count, qualified: Count, won: Count, lost: Count }),
  /** Conversations by language, most first. */
  languages: z.array(z.object({ language: z.string(), count: Count })),
  /** What visitors asked about (the detected intent of their messages), most first. */
  intents: z.array(z.object({ intent: z.string(), count: Count })),
  /** Assistant turns by what they rested on; `answerRate` = grounded / (grounded + unknown), null when neither happened. */
  answers: z.object({ grounded: Count, unknown: Count, handoff: Count, other: Count, answerRate: z.number().min(0).max(1).nullable() }),
  /** The questions the agent could not answer (same text, case and spacing aside, counted together), most asked first. */
  unanswered: z.array(z.object({ question: z.string(), count: Count, lastAskedAt: z.iso.datetime() })),
  /** Voice and phone minutes used in the range (rounded up). */
  minutes: z.object({ voice: Count, telephony: Count }),
});
export type AnalyticsResponse = z.infer<typeof AnalyticsResponse>;
