/** db-api's usage-events worker alone, for a test to kill: DATABASE_URL, REDIS_URL and QUEUE_PREFIX from the environment. */
import { createLogger, createRedis } from '@vocalia/service-kit';
import { buildDeps } from '../../src/build-deps';
import { parseServiceEnv } from '../../src/env';
import { createUsageEventsWorker } from '../../src/workers/usage-events.worker';

const env = parseServiceEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL });
const { deps } = buildDeps(env, createLogger('db-api', env.LOG_LEVEL), { queuePrefix: process.env.QUEUE_PREFIX });
createUsageEventsWorker(deps, createRedis(env.REDIS_URL, 'worker'));
process.stdout.write('ready\n');
