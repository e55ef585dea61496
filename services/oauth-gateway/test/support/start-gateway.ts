import { randomBytes } from 'node:crypto';
import { createLogger, type Redis } from '@vocalia/service-kit';
import { createApp } from '../../src/app';
import { buildDeps } from '../../src/build-deps';
import type { Deps } from '../../src/deps';
import { parseServiceEnv } from '../../src/env';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestGateway {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  close(): Promise<void>;
}

function whenReady(redis: Redis): Promise<void> {
  return redis.status === 'ready' ? Promise.resolve() : new Promise((resolve) => redis.once('ready', () => resolve()));
}

/** The gateway as main.ts builds it from `env` (strings, as in process.env), on its own Redis prefix; close() drops its keys. */
export async function startGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const queuePrefix = `test-gw-${randomBytes(5).toString('hex')}`;
  const parsed = parseServiceEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL, PUBLIC_BASE_URL: 'https://vocalia.test', ...env });
  const { deps, closers } = buildDeps(parsed, createLogger('oauth-gateway', 'silent'), { queuePrefix });
  await whenReady(deps.redis);
  return {
    app: createApp(deps),
    deps,
    async close() {
      const keys = await deps.redis.keys(`${queuePrefix}:*`);
      if (keys.length) await deps.redis.del(...keys);
      for (const closer of closers) await closer.close();
    },
  };
}
