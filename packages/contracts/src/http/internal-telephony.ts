import { z } from 'zod';
import { E164 } from './db-api-agents';

/** How a tenant's calls run, read with the number that was dialled. */
export const CallSettings = z.object({
  /** Consent notice, then dual-channel recording (plan feature `call_recording` and switched on). */
  recordCalls: z.boolean(),
  /** A call is ended politely after this many seconds. */
  maxCallSeconds: z.number().int().positive(),
  /** The DTMF key that transfers to the agent's transfer number. */
  transferDigit: z.string().regex(/^[0-9*#]$/),
  /** An SMS summary is sent to the caller at the end of the call. */
  smsSummary: z.boolean(),
  /** Calls in progress at once for the tenant; one more is refused politely. */
  maxConcurrentCalls: z.number().int().positive(),
});
export type CallSettings = z.infer<typeof CallSettings>;

/**
 * `GET /internal/v1/phone-numbers/resolve?number=+E164` (db-api): which tenant and agent answer a
 * dialled number. 404 problem when the number belongs to no tenant. Cached by telephony-bridge like
 * snapshots and dropped on `tenant-updated`.
 */
export const ResolvePhoneNumberQuery = z.object({ number: E164 });
export type ResolvePhoneNumberQuery = z.infer<typeof ResolvePhoneNumberQuery>;

export const ResolvedPhoneNumber = z.object({
  phoneNumberId: z.string(),
  number: E164,
  tenantId: z.string(),
  /** The agent that answers this number; null means the tenant's default agent. */
  agentId: z.string().nullable(),
  settings: CallSettings,
});
export type ResolvedPhoneNumber = z.infer<typeof ResolvedPhoneNumber>;
