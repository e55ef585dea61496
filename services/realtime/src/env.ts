import { z } from 'zod';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';
import { EngineEnv } from '@vocalia/agent';
import { RealtimeModelEnv, refineRealtimeModelEnv } from '@vocalia/conversation';
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
  /** History per session and the chat engine the cascaded path's turns go through (the same variables as voice-api's). */
  ...EngineEnv.shape,
  /** The realtime speech model (REALTIME_MODEL_URL, REALTIME_API_KEY, REALTIME_MODEL, ...), read as telephony-bridge reads it. */
  ...RealtimeModelEnv.shape,
  REALTIME_START_TIMEOUT_MS: positive(5000),
  /** Ceilings over each plan's session length, idle time and concurrent sessions (VOICE_SESSION_LIMITS in contracts). */
  REALTIME_MAX_SESSION_SEC: positive(1800),
  REALTIME_IDLE_SEC: positive(120),
  REALTIME_MAX_SESSIONS_PER_TENANT: positive(50),
  /** Live sessions this process takes; past it a socket closes at once with 1013 (the widget tries once more, then uses browser speech). */
  REALTIME_MAX_SESSIONS: positive(1000),
  ...SpeechEnv,
}).superRefine((env, ctx) => {
  refineRealtimeModelEnv(env, ctx);
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.WIDGET_TOKEN_SECRET === DEV_WIDGET_TOKEN_SECRET) ctx.addIssue({ code: 'custom', path: ['WIDGET_TOKEN_SECRET'], message: 'required in production' });
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('realtime', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('realtime', Env, source);
