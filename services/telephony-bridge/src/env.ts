import { z } from 'zod';
import { EngineEnv } from '@vocalia/agent';
import { RealtimeModelEnv, realtimeModelSettings, refineRealtimeModelEnv } from '@vocalia/conversation';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';
import type { RealtimeConfig } from './stream/realtime-config';

/** Dev-only secrets: accepted outside production so `pnpm start` works with no setup, refused in production. */
export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';
export const DEV_TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEV_TWILIO_AUTH_TOKEN = 'dev-twilio-auth-token-not-for-production';
export const DEV_STREAM_TOKEN_SECRET = 'dev-stream-token-secret-not-for-production';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3009),
  DB_API_INTERNAL_URL: z.url().default('http://127.0.0.1:3013'),
  INTERNAL_API_TOKEN: z.string().min(16).default(DEV_INTERNAL_API_TOKEN),
  /** The platform's Twilio account: signs every webhook (auth token) and places outbound calls. Both or neither. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an AC... account SID').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  /** Where the Twilio REST client sends its requests; only changed to point it at a local server. */
  TWILIO_API_BASE_URL: z.url().optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(1),
  NUMBER_CACHE_TTL_SEC: seconds(60),
  DB_API_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  SNAPSHOT_TTL_SEC: seconds(60),
  /** History and model providers (HISTORY_*, XAI_*, OPENAI_*, GEMINI_*, LLM_TIMEOUT_MS), as voice-api reads them. */
  ...EngineEnv.shape,
  /** Streaming mode: REALTIME_MODEL_URL and REALTIME_API_KEY bridge calls to that realtime speech model (as services/realtime reads them). */
  ...RealtimeModelEnv.shape,
  REALTIME_AUDIO_FORMAT: z.enum(['pcmu', 'pcm16']).default('pcmu'),
  BARGE_IN_MIN_MS: z.coerce.number().int().min(0).max(2000).default(250),
  STREAM_TOKEN_SECRET: z.string().min(32).default(DEV_STREAM_TOKEN_SECRET),
  STREAM_TOKEN_TTL_SEC: seconds(60),
}).superRefine((env, ctx) => {
  refineRealtimeModelEnv(env, ctx);
  if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_AUTH_TOKEN) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'set both Twilio credentials, or neither' });
  if (env.TWILIO_AUTH_TOKEN && !env.TWILIO_ACCOUNT_SID) ctx.addIssue({ code: 'custom', path: ['TWILIO_ACCOUNT_SID'], message: 'set both Twilio credentials, or neither' });
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'the development value is refused in production' });
  if (env.REALTIME_MODEL_URL && env.STREAM_TOKEN_SECRET === DEV_STREAM_TOKEN_SECRET) ctx.addIssue({ code: 'custom', path: ['STREAM_TOKEN_SECRET'], message: 'required in production with REALTIME_MODEL_URL' });
});
export type Env = z.infer<typeof Env>;

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
}

/** The platform's Twilio account; outside production a development account when none is set, in production null (telephony off). */
export function twilioAccount(env: Env): TwilioAccount | null {
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) return { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN };
  return env.NODE_ENV === 'production' ? null : { accountSid: DEV_TWILIO_ACCOUNT_SID, authToken: DEV_TWILIO_AUTH_TOKEN };
}

/** The realtime speech model calls are bridged to, when one is configured (URL and key); else turn-based mode. */
export function realtimeConfig(env: Env): RealtimeConfig | undefined {
  const model = realtimeModelSettings(env);
  return model && { ...model, audioFormat: env.REALTIME_AUDIO_FORMAT, bargeInMinMs: env.BARGE_IN_MIN_MS };
}

export const loadServiceEnv = () => loadEnv('telephony-bridge', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('telephony-bridge', Env, source);
