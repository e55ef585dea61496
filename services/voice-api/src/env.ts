import { z } from 'zod';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';
import { SNAPSHOT_CACHE_DEFAULTS } from '@vocalia/conversation';
import { EngineEnv } from '@vocalia/agent';

/** Dev-only secrets: accepted outside production so `pnpm start` works with no setup, refused in production. */
export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';
export const DEV_WIDGET_TOKEN_SECRET = 'dev-widget-token-secret-not-for-production';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3004),
  DB_API_INTERNAL_URL: z.url().default('http://127.0.0.1:3013'),
  INTERNAL_API_TOKEN: z.string().min(16).default(DEV_INTERNAL_API_TOKEN),
  WIDGET_TOKEN_SECRET: z.string().min(32).default(DEV_WIDGET_TOKEN_SECRET),
  WIDGET_TOKEN_TTL_SEC: seconds(3600),
  SNAPSHOT_TTL_SEC: seconds(60),
  SNAPSHOT_CACHE_MAX_TENANTS: z.coerce.number().int().positive().default(SNAPSHOT_CACHE_DEFAULTS.maxTenants),
  SNAPSHOT_CACHE_MAX_BYTES: z.coerce.number().int().positive().default(SNAPSHOT_CACHE_DEFAULTS.maxBytes),
  SNAPSHOT_MAX_STALE_SEC: z.coerce.number().int().min(0).default(SNAPSHOT_CACHE_DEFAULTS.maxStaleSec),
  SNAPSHOT_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  SOCIAL_PROOF_TTL_SEC: seconds(30),
  IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(1),
  /** History and model providers (HISTORY_*, XAI_*, OPENAI_*, GEMINI_*, LLM_TIMEOUT_MS), as telephony-bridge reads them. */
  ...EngineEnv.shape,
}).superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.WIDGET_TOKEN_SECRET === DEV_WIDGET_TOKEN_SECRET) ctx.addIssue({ code: 'custom', path: ['WIDGET_TOKEN_SECRET'], message: 'required in production' });
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('voice-api', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('voice-api', Env, source);
