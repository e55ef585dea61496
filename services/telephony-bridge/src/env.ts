import { z } from 'zod';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';
import type { RealtimeConfig } from './stream/realtime-config';

/** Dev-only secrets: accepted outside production so `pnpm start` works with no setup, refused in production. */
export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';
export const DEV_TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEV_TWILIO_AUTH_TOKEN = 'dev-twilio-auth-token-not-for-production';
export const DEV_STREAM_TOKEN_SECRET = 'dev-stream-token-secret-not-for-production';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalUrl = z.url().optional();

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
  HISTORY_MAX_TURNS: z.coerce.number().int().min(2).max(200).default(20),
  HISTORY_TTL_SEC: seconds(1800),
  XAI_API_KEY: z.string().optional(),
  XAI_BASE_URL: optionalUrl,
  XAI_MODEL: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().optional(),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).optional(),
  /** Streaming mode: set, with OPENAI_API_KEY or XAI_API_KEY, to bridge calls to this realtime speech model. */
  REALTIME_MODEL: z.string().min(1).optional(),
  REALTIME_URL: optionalUrl,
  REALTIME_VOICE: z.string().min(1).default('alloy'),
  REALTIME_TRANSCRIPTION_MODEL: z.string().min(1).default('gpt-4o-mini-transcribe'),
  REALTIME_AUDIO_FORMAT: z.enum(['pcmu', 'pcm16']).default('pcmu'),
  BARGE_IN_MIN_MS: z.coerce.number().int().min(0).max(2000).default(250),
  STREAM_TOKEN_SECRET: z.string().min(32).default(DEV_STREAM_TOKEN_SECRET),
  STREAM_TOKEN_TTL_SEC: seconds(60),
}).superRefine((env, ctx) => {
  if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_AUTH_TOKEN) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'set both Twilio credentials, or neither' });
  if (env.TWILIO_AUTH_TOKEN && !env.TWILIO_ACCOUNT_SID) ctx.addIssue({ code: 'custom', path: ['TWILIO_ACCOUNT_SID'], message: 'set both Twilio credentials, or neither' });
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'the development value is refused in production' });
  if (env.REALTIME_MODEL && env.STREAM_TOKEN_SECRET === DEV_STREAM_TOKEN_SECRET) ctx.addIssue({ code: 'custom', path: ['STREAM_TOKEN_SECRET'], message: 'required in production with REALTIME_MODEL' });
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

const LLM_VARS = ['XAI_API_KEY', 'XAI_BASE_URL', 'XAI_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL', 'LLM_TIMEOUT_MS'] as const;

/** The provider variables as the record `engineConfigFromEnv` reads (it never touches process.env either). */
export function llmEnv(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(LLM_VARS.map((name) => [name, env[name] === undefined ? undefined : String(env[name])]));
}

/** The realtime speech model calls are bridged to, when one is configured (a model and a key); else turn-based mode. */
export function realtimeConfig(env: Env): RealtimeConfig | undefined {
  const apiKey = env.OPENAI_API_KEY ?? env.XAI_API_KEY;
  if (!env.REALTIME_MODEL || !apiKey) return undefined;
  const url = env.REALTIME_URL ?? (env.OPENAI_API_KEY ? `wss://api.openai.com/v1/realtime?model=${encodeURIComponent(env.REALTIME_MODEL)}` : 'wss://api.x.ai/v1/realtime');
  return { url, apiKey, model: env.REALTIME_MODEL, voice: env.REALTIME_VOICE, transcriptionModel: env.REALTIME_TRANSCRIPTION_MODEL, audioFormat: env.REALTIME_AUDIO_FORMAT, bargeInMinMs: env.BARGE_IN_MIN_MS };
}

export const loadServiceEnv = () => loadEnv('telephony-bridge', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('telephony-bridge', Env, source);
