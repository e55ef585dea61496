import './tracing';
import { createLogger, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { buildDeps } from './build-deps';
import { loadServiceEnv } from './env';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('oauth-gateway', env.LOG_LEVEL);
  const { deps, closers } = buildDeps(env, logger);
  const enabled = Object.values(deps.providers).filter((p) => p.enabled).map((p) => p.id);
  logger.info('sign-in providers', { enabled });
  await runService({
    service: 'oauth-gateway',
    port: env.PORT,
    logger,
    app: createApp(deps),
    closers,
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('oauth-gateway', main);
