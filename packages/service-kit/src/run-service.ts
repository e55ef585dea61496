import type { Server } from 'node:http';
import type { Express } from 'express';
import { drainFromLoadBalancer } from './drain';
import { installLastResort } from './last-resort';
import { listen } from './listen';
import type { Logger } from './logger';
import { closeServer, installShutdown, type Closer } from './shutdown';
import { tracingClosers } from './tracing';

export interface RunServiceOptions {
  service: string;
  port: number;
  logger: Logger;
  app: Express;
  /** Called with the HTTP server before it listens (WebSocket upgrades attach here). */
  attach?: (server: Server) => void;
  /** Closed after the HTTP server stops taking requests, in order (workers, then connections); buffered spans go last. */
  closers: Closer[];
  /** Time given to in-flight work once the server stops taking requests. */
  deadlineMs: number;
  /** On SIGTERM, first answer on for this long with `/health` at 503, so the load balancer takes the replica out (drain.ts). 0: none. */
  drainMs?: number;
}

/**
 * listen, log where, survive any one request's crash (last-resort guard), and stop cleanly on
 * SIGTERM/SIGINT: out of the load balancer first (`drainMs`), then intake, in-flight work, connections.
 */
export async function runService(opts: RunServiceOptions): Promise<Server> {
  installLastResort(opts.logger);
  const server = await listen(opts.app, opts.port, opts.attach);
  opts.logger.info('listening', { port: opts.port, pid: process.pid });
  const drainMs = opts.drainMs ?? 0;
  const drain: Closer[] = drainMs > 0 ? [{ name: 'load balancer', close: () => drainFromLoadBalancer(server, drainMs, opts.logger) }] : [];
  installShutdown(opts.logger, [...drain, { name: 'http', close: () => closeServer(server) }, ...opts.closers, ...tracingClosers()], opts.deadlineMs + drainMs);
  return server;
}

/** Entry point wrapper: a failure to start prints one line naming the service and exits 1. */
export function runMain(service: string, main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${service}: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
