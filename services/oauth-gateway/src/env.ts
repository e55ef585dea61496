import { z } from 'zod';
import { BaseEnv, loadEnv, parseEnv } from '@vocalia/service-kit';

/** Dev-only secrets: accepted outside production so `pnpm start` works with no setup, refused in production. */
export const DEV_INTERNAL_API_TOKEN = 'dev-internal-token-not-for-production';
export const DEV_OAUTH_COOKIE_SECRET = 'dev-oauth-cookie-secret-not-for-production';

const optional = z.string().min(1).optional();

export const Env = BaseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3010),
  DB_API_INTERNAL_URL: z.url().default('http://127.0.0.1:3013'),
  INTERNAL_API_TOKEN: z.string().min(16).default(DEV_INTERNAL_API_TOKEN),
  /** Signs the short-lived cookie holding state, nonce and PKCE verifier between start and callback. */
  OAUTH_COOKIE_SECRET: z.string().min(32).default(DEV_OAUTH_COOKIE_SECRET),
  /** Where a sign-in may land, comma-separated paths or URLs; the first is the default. */
  OAUTH_REDIRECT_ALLOWLIST: z.string().default('/app/'),
  DB_API_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Each request to a provider (discovery, token, JWKS, GitHub API). */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  GOOGLE_ISSUER: z.url().default('https://accounts.google.com'),
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_ISSUER: z.url().default('https://slack.com'),
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  /** Where GitHub's `/login/oauth/authorize` and `/login/oauth/access_token` live. */
  GITHUB_OAUTH_URL: z.url().default('https://github.com'),
  /** Where GitHub's `/user` and `/user/emails` live. */
  GITHUB_API_URL: z.url().default('https://api.github.com'),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  if (env.INTERNAL_API_TOKEN === DEV_INTERNAL_API_TOKEN) ctx.addIssue({ code: 'custom', path: ['INTERNAL_API_TOKEN'], message: 'required in production' });
  if (env.OAUTH_COOKIE_SECRET === DEV_OAUTH_COOKIE_SECRET) ctx.addIssue({ code: 'custom', path: ['OAUTH_COOKIE_SECRET'], message: 'required in production' });
  for (const key of ['GOOGLE_ISSUER', 'SLACK_ISSUER', 'GITHUB_OAUTH_URL', 'GITHUB_API_URL', 'PUBLIC_BASE_URL'] as const) {
    if (!env[key].startsWith('https://')) ctx.addIssue({ code: 'custom', path: [key], message: 'must be https:// in production' });
  }
});
export type Env = z.infer<typeof Env>;

export const loadServiceEnv = () => loadEnv('oauth-gateway', Env);
export const parseServiceEnv = (source: NodeJS.ProcessEnv) => parseEnv('oauth-gateway', Env, source);
