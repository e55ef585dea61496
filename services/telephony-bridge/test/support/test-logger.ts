import { createLogger, type Logger } from '@vocalia/service-kit';

/** Quiet unless TEST_LOG_LEVEL is set (expected failures log errors by design). */
export function testLogger(): Logger {
  const logger = createLogger('telephony-bridge-test', (process.env.TEST_LOG_LEVEL ?? 'error') as 'error');
  logger.silent = !process.env.TEST_LOG_LEVEL;
  return logger;
}
