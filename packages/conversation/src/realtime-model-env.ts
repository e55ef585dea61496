import { z } from 'zod';

/**
 * The realtime speech model (an OpenAI-compatible realtime API: OpenAI, xAI) as every service reads it:
 * services/realtime for browser voice, telephony-bridge for streamed phone calls. Spread into a
 * service's env schema; check the pair with `refineRealtimeModelEnv`.
 */
export const RealtimeModelEnv = z.object({
  /** e.g. wss://api.openai.com/v1/realtime or wss://api.x.ai/v1/realtime. */
  REALTIME_MODEL_URL: z.url().optional(),
  REALTIME_API_KEY: z.string().min(1).optional(),
  REALTIME_MODEL: z.string().min(1).default('gpt-realtime'),
  REALTIME_VOICE: z.string().min(1).default('alloy'),
  /** Model transcribing the caller's or visitor's speech (the user side of the transcript). */
  REALTIME_TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
});
export type RealtimeModelEnv = z.infer<typeof RealtimeModelEnv>;

export interface RealtimeModelSettings {
  url: string;
  apiKey: string;
  model: string;
  voice: string;
  transcriptionModel: string;
}

/** URL and key go together: one without the other is a misconfiguration, not "off". */
export function refineRealtimeModelEnv(env: RealtimeModelEnv, ctx: z.RefinementCtx): void {
  if ((env.REALTIME_MODEL_URL === undefined) !== (env.REALTIME_API_KEY === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['REALTIME_API_KEY'], message: 'REALTIME_MODEL_URL and REALTIME_API_KEY go together' });
  }
}

/** The configured model, or undefined when none is (browser speech only; phone calls turn by turn). */
export function realtimeModelSettings(env: RealtimeModelEnv): RealtimeModelSettings | undefined {
  if (!env.REALTIME_MODEL_URL || !env.REALTIME_API_KEY) return undefined;
  return { url: env.REALTIME_MODEL_URL, apiKey: env.REALTIME_API_KEY, model: env.REALTIME_MODEL, voice: env.REALTIME_VOICE, transcriptionModel: env.REALTIME_TRANSCRIPTION_MODEL };
}
