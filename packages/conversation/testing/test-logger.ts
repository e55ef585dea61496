import { createLogger, type Logger } from '@vocalia/service-kit';

/** Quiet unless TEST_LOG_LEVEL is set (expected failures log errors by design). */
export function testLogger(service = 'test'): Logger {
  const logger = createLogger(service, (process.env.TEST_LOG_LEVEL ?? 'error') as 'error');
  logger.silent = !process.env.TEST_LOG_LEVEL;
  return logger;
}
