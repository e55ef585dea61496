import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { dropDatabase, ensureDatabase, migrateDatabase } from '@vocalia/db';
import { planHasFeature } from '@vocalia/contracts';
import { createLogger, createRedis, type Redis } from '@vocalia/service-kit';
import { createApp } from '../../src/app';
import { buildDeps } from '../../src/build-deps';
import type { Deps } from '../../src/deps';
import { parseServiceEnv } from '../../src/env';
import { startWorkers, type RunningWorkers } from '../../src/start-workers';
import { startMailbox, type Mailbox } from './mailbox';

export const TEST_PASSWORD = 'Correct-Horse-Battery-42';

export interface TestSession {
  accessToken: string;
  refreshToken: string;
  tenantId: string;
  userId: string;
  email: string;
  password: string;
}

export interface TestApp {
  app: Express;
  deps: Deps;
  /** The queue workers (null when started with `workers: false`). */
  workers: RunningWorkers | null;
  databaseUrl: string;
  /** The SMTP server db-api mails to in this test (SMTP_URL). */
  mailbox: Mailbox;
  /** Registers a new account (and tenant) through the real endpoint; a fresh email when none is given. */
  register(email?: string, company?: string): Promise<TestSession>;
  /** Creates an API key for the session's tenant through the real endpoint; returns the full `vk_` key. */
  createApiKey(session: TestSession, name?: string): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides (strings, as in process.env), e.g. `{ AUTH_RATE_PER_EMAIL: '2' }`. */
  env?: Record<string, string>;
  clock?: () => Date;
  /** Start the queue workers (default true). */
  workers?: boolean;
  /** The URL db-api connects to for its fresh database (a pooler in front of it); migration and drop go direct. */
  databaseVia?: (databaseUrl: string) => string;
}

const BASE_DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function freshDatabaseUrl(): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/vocalia_dbapi_${randomBytes(6).toString('hex')}`;
  return url.toString();
}

function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/**
 * db-api on a fresh PostgreSQL database (`vocalia_dbapi_<random>`, migrated) and a fresh Redis key
 * prefix, and a local SMTP server (`mailbox`), with real deps. Call `close()` in afterAll: it stops workers, closes connections, drops both.
 */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = freshDatabaseUrl();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  const mailbox = await startMailbox();
  const env = parseServiceEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: opts.databaseVia?.(databaseUrl) ?? databaseUrl, REDIS_URL, DB_POOL_SIZE: '5', SMTP_URL: mailbox.smtpUrl, INTEGRATION_SECRETS_KEY: `test:${randomBytes(32).toString('base64')}`, ...opts.env });
  const queuePrefix = `test-dbapi-${randomBytes(6).toString('hex')}`;
  const logger = createLogger('db-api', env.LOG_LEVEL);
  const { deps, closers } = buildDeps(env, logger, { queuePrefix, clock: opts.clock });
  const workers = opts.workers === false ? null : startWorkers(deps);
  const app = createApp(deps);
  // Request-path connections fail fast while connecting; tests start once they are up.
  await Promise.all([deps.redis, deps.publisher].map(whenReady));

  let counter = 0;
  const register = async (email?: string, company?: string): Promise<TestSession> => {
    counter += 1;
    const address = email ?? `owner${counter}.${randomBytes(4).toString('hex')}@example.test`;
    const res = await request(app)
      .post('/api/v1/auth/register')
      .send({ email: address, password: TEST_PASSWORD, company: company ?? `Test Company ${counter}` });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
    const body = res.body as { accessToken: string; refreshToken: string; tenant: { id: string }; user: { id: string; email: string } };
    return { accessToken: body.accessToken, refreshToken: body.refreshToken, tenantId: body.tenant.id, userId: body.user.id, email: body.user.email, password: TEST_PASSWORD };
  };

  /** Keys need the api_access feature: a tenant whose plan lacks it is moved to Pro first. */
  const createApiKey = async (session: TestSession, name = 'test key') => {
    const { plan } = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: session.tenantId }, select: { plan: true } });
    if (!planHasFeature(plan, 'api_access')) await deps.prisma.tenant.update({ where: { id: session.tenantId }, data: { plan: 'pro' } });
    const res = await request(app).post('/api/v1/api-keys').set('authorization', `Bearer ${session.accessToken}`).send({ name });
    if (res.status !== 201) throw new Error(`api key creation failed: ${res.status} ${res.text}`);
    return { id: res.body.id as string, key: res.body.key as string };
  };

  const close = async () => {
    await workers?.close();
    for (const closer of closers) await closer.close();
    await deleteKeys(env.REDIS_URL, queuePrefix);
    await dropDatabase(databaseUrl);
    await mailbox.close();
  };

  return { app, deps, workers, databaseUrl, mailbox, register, createApiKey, close };
}
