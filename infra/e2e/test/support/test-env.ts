import { randomBytes } from 'node:crypto';

/** Where the real servers are; the test script (infra/scripts/ensure-test-services.sh) makes sure they answer. */
export const BASE_DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Shared by db-api and voice-api, as in production; never the development default. */
export const INTERNAL_API_TOKEN = `e2e-internal-${randomBytes(12).toString('hex')}`;
export const WIDGET_TOKEN_SECRET = `e2e-widget-secret-${randomBytes(16).toString('hex')}`;
/** Service logs stay quiet unless TEST_LOG_LEVEL is set (e.g. `TEST_LOG_LEVEL=info npx jest`). */
export const LOG_LEVEL = (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent';

/** A Redis key / BullMQ prefix of its own for one test file: `e2e-<name>-<random>`. */
export function uniquePrefix(name: string): string {
  return `e2e-${name}-${randomBytes(5).toString('hex')}`;
}

/** The environment every fleet service behind the edge shares: test mode, Redis, its public URL, db-api and the internal token. */
export function fleetServiceEnv(publicBaseUrl: string, dbApiUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL,
    REDIS_URL,
    PUBLIC_BASE_URL: publicBaseUrl,
    DB_API_INTERNAL_URL: dbApiUrl,
    INTERNAL_API_TOKEN,
    // db-api's first answers on a cold, shared test machine can take seconds.
    DB_API_TIMEOUT_MS: '30000',
  };
}
