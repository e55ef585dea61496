import { z } from 'zod';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';
import { SpeechEnv } from './speech/speech-env';

/** Dev-only secrets, the same as voice-api's: accepted outside production, refused in production. */
export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';
export const DEV_WIDGET_TOKEN_SECRET = 'dev-widget-token-secret-not-for-production';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3007),
  DB_API_INTERNAL_URL: z.url().default('http://127.0.0.1:3013'),
  INTERNAL_API_TOKEN: z.string().min(16).default(DEV_INTERNAL_API_TOKEN),
  /** The secret voice-api signs widget session tokens with: the same value on both. */
  WIDGET_TOKEN_SECRET: z.string().min(32).default(DEV_WIDGET_TOKEN_SECRET),
  SNAPSHOT_TTL_SEC: positive(60),
  SNAPSHOT_FETCH_TIMEOUT_MS: positive(2000),
  HISTORY_MAX_TURNS: z.coerce.number().int().min(2).max(200).default(20),
  HISTORY_TTL_SEC: positive(1800),
  /** OpenAI-compatible realtime API (speech to speech), e.g. wss://api.openai.com/v1/realtime or wss://api.x.ai/v1/realtime. */
  REALTIME_MODEL_URL: z.url().optional(),
  REALTIME_API_KEY: z.string().min(1).optional(),
  REALTIME_MODEL: z.string().min(1).default('gpt-realtime'),
  REALTIME_VOICE: z.string().min(1).default('alloy'),
  /** Model transcribing the visitor's speech (the user side of the transcript). */
  REALTIME_TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
  REALTIME_START_TIMEOUT_MS: positive(5000),
  /** Ceilings over each plan's session length, idle time and concurrent sessions (VOICE_SESSION_LIMITS in contracts). */
  REALTIME_MAX_SESSION_SEC: positive(1800),
  REALTIME_IDLE_SEC: positive(120),
  REALTIME_MAX_SESSIONS_PER_TENANT: positive(50),
  /** Live sessions this process takes; past it a socket closes at once with 1013 (the widget uses browser speech). */
  REALTIME_MAX_SESSIONS: positive(1000),
  ...SpeechEnv,
}).superRefine((env, ctx) => {
  if ((env.REALTIME_MODEL_URL === undefined) !== (env.REALTIME_API_KEY === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['REALTIME_API_KEY'], message: 'REALTIME_MODEL_URL and REALTIME_API_KEY go together' });
  }
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.WIDGET_TOKEN_SECRET === DEV_WIDGET_TOKEN_SECRET) ctx.addIssue({ code: 'custom', path: ['WIDGET_TOKEN_SECRET'], message: 'required in production' });
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('realtime', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('realtime', Env, source);
