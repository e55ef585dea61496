import type { Server } from 'node:http';
import type { Logger } from './logger';

export type Closer = { name: string; close: () => Promise<unknown> };

/**
 * Close the HTTP server: stop accepting, let in-flight requests (streams included) finish.
 * `server.close()` only drops the keep-alive sockets idle at that instant, so a socket whose
 * answer ends later would stay open until keepAliveTimeout: close sockets as their last response ends.
 */
export function closeServer(server: Server, drainEveryMs = 50): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => server.closeIdleConnections(), drainEveryMs);
    server.close(() => {
      clearInterval(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * On SIGTERM/SIGINT: run closers in order (intake first, then in-flight work, then connections)
 * within a deadline; exit 0 when all finished, 1 when the deadline cut them short.
 */
export function installShutdown(logger: Logger, closers: Closer[], deadlineMs: number): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down', { deadlineMs });
      const timer = setTimeout(() => {
        logger.error('shutdown deadline passed, exiting');
        process.exit(1);
      }, deadlineMs);
      timer.unref();
      for (const c of closers) {
        try {
          await c.close();
        } catch (err) {
          logger.warn('close failed', { what: c.name, error: err instanceof Error ? err.message : String(err) });
        }
      }
      clearTimeout(timer);
      logger.info('stopped');
    })();
    return stopping;
  };
  const onSignal = () => void stop().then(() => process.exit(0));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return stop;
}
