import type { Server } from 'node:http';

/**
 * `server.close()` only drops the keep-alive sockets idle at that instant: a socket whose answer
 * (a stream) ends later stays open until keepAliveTimeout (65 s), past the shutdown deadline.
 * While stopping, close sockets as soon as their last response is done.
 */
export function drainKeepAlive(server: Server, everyMs = 50): void {
  const timer = setInterval(() => server.closeIdleConnections(), everyMs);
  timer.unref();
  server.once('close', () => clearInterval(timer));
}

/** Start draining on the same signals the kit's shutdown listens to. */
export function drainKeepAliveOnSignals(server: Server): void {
  const start = () => drainKeepAlive(server);
  process.once('SIGTERM', start);
  process.once('SIGINT', start);
}
