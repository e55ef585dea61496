import { createLogger, type Logger } from '@vocalia/service-kit';

/** Where winston leaves the finished line on each entry (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');

/** The service's JSON logger, its lines kept as printed (parsed back) instead of printed. */
export function recordingLogger(service: string): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const logger = createLogger(service, 'info');
  for (const transport of logger.transports) transport.silent = true;
  const printed: string[] = [];
  logger.on('data', (entry: Record<symbol, string>) => printed.push(entry[MESSAGE] ?? '{}'));
  return { logger, lines: () => printed.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
