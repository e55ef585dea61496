import { CallSettings, Language } from '@vocalia/contracts';
import type { Redis } from '@vocalia/service-kit';
import { z } from 'zod';

/** What telephony-bridge remembers about a live call between Twilio's webhooks (any replica may get the next one). */
export const CallState = z.object({
  callSid: z.string(),
  tenantId: z.string(),
  agentId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  language: Language,
  settings: CallSettings,
  /** Epoch ms when the call was answered by us. */
  startedAt: z.number(),
  /** Gathers in a row that heard nothing usable. */
  silences: z.number().int().nonnegative(),
  transferNumber: z.string().optional(),
  /** Outbound: db-api's call row, carried back on every call event. */
  callId: z.string().optional(),
  /** The other party and our line (E.164), for the SMS summary; never logged. */
  callerNumber: z.string().optional(),
  lineNumber: z.string().optional(),
  /** What the caller said last, for the transfer whisper. */
  lastCallerText: z.string().optional(),
  /** Member held in the tenant's concurrency set, released when the call ends. */
  slot: z.string(),
  requestId: z.string(),
  ended: z.boolean(),
  /** Turned away before it started (refuse-call, the tenant's call limit): its seconds are never billed. */
  refused: z.boolean().optional(),
  /** Media streams reopened after ours ended mid-call (a replica leaving a deploy): bounded, then turn by turn. */
  streamResumes: z.number().int().nonnegative().optional(),
});
export type CallState = z.infer<typeof CallState>;

export interface CallStore {
  get(callSid: string): Promise<CallState | null>;
  save(state: CallState): Promise<void>;
}

/** A finished call's state stays this long, so late recording callbacks and replays still find it. */
const ENDED_TTL_SEC = 3600;
const LIVE_MARGIN_SEC = 3600;

export function createCallStore(opts: { redis: Redis; keyPrefix: string }): CallStore {
  const key = (callSid: string) => `${opts.keyPrefix}:tel:call:${callSid}`;
  return {
    async get(callSid) {
      const raw = await opts.redis.get(key(callSid));
      if (raw === null) return null;
      const parsed = CallState.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    async save(state) {
      const ttl = state.ended ? ENDED_TTL_SEC : state.settings.maxCallSeconds + LIVE_MARGIN_SEC;
      await opts.redis.set(key(state.callSid), JSON.stringify(state), 'EX', ttl);
    },
  };
}
