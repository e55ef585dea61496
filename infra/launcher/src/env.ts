import { z } from 'zod';
import { EnvError, parseEnv } from '@vocalia/service-kit';

/** What the launcher itself reads. Everything else in its environment passes through to the services. */
export const LauncherEnv = z.object({
  EDGE_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  EDGE_HOST: z.string().default('0.0.0.0'),
  /** Keep X-Forwarded-* from a tunnel or proxy in front of the edge (ngrok, cloudflared). */
  EDGE_TRUST_FORWARDED: z.stringbool().default(false),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  /** Where db-api sends mail; without it, a local SMTP catcher is started (see resolve-mail.ts). */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL').optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  INTERNAL_API_TOKEN: z.string().min(16).optional(),
  WIDGET_TOKEN_SECRET: z.string().min(32).optional(),
  OAUTH_COOKIE_SECRET: z.string().min(32).optional(),
  INTEGRATION_SECRETS_KEY: z.string().min(45).optional(),
  DB_API_INTERNAL_URL: z.url().optional(),
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug']).default('info'),
  /** Where to look for a local PostgreSQL (libpq's names) when DATABASE_URL is not set. */
  PGHOST: z.string().default('127.0.0.1'),
  PGPORT: z.coerce.number().int().min(1).max(65535).default(5432),
  PGUSER: z.string().default('postgres'),
  PGPASSWORD: z.string().default('postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SERVICE_START_TIMEOUT_MS: z.coerce.number().int().positive().default(90000),
  SHUTDOWN_DEADLINE_MS: z.coerce.number().int().positive().default(15000),
});
export type LauncherEnv = z.infer<typeof LauncherEnv>;

export function loadLauncherEnv(source: NodeJS.ProcessEnv = process.env): LauncherEnv {
  try {
    return parseEnv('launcher', LauncherEnv, source);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

/** Everything in the launcher's environment passes through to the services (provider keys and the rest). */
export function passthroughEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
