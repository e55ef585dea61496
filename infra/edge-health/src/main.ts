import { createLogger, runMain, runService } from '@vocalia/service-kit';
import { createApp } from './app';
import { loadServiceEnv } from './env';

async function main(): Promise<void> {
  const env = loadServiceEnv();
  const logger = createLogger('edge-health', env.LOG_LEVEL);
  await runService({
    service: 'edge-health',
    port: env.PORT,
    logger,
    app: createApp({ logger, fleet: { apiUrl: env.TRAEFIK_API_URL, services: env.FLEET_SERVICES, provider: env.FLEET_PROVIDER, timeoutMs: env.FLEET_TIMEOUT_MS } }),
    closers: [],
    deadlineMs: env.SHUTDOWN_DEADLINE_MS,
    drainMs: env.SHUTDOWN_DRAIN_MS,
  });
}

runMain('edge-health', main);
