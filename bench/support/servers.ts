import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createEdge, type RouteTable } from '@vocalia/launcher';
import { createApp, createLogger, listen, type Logger } from '@vocalia/service-kit';

export const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** voice-api's production logger (info level, JSON, redaction) writing to nowhere: its cost counts, its lines do not flood the report. */
export function discardingLogger(): Logger {
  type Transport = Parameters<Logger['add']>[0];
  const winston = createRequire(require.resolve('@vocalia/service-kit'))('winston') as { transports: { Stream: new (opts: { stream: Writable }) => Transport } };
  const logger = createLogger('voice-api', 'info');
  logger.clear().add(new winston.transports.Stream({ stream: new Writable({ write: (_chunk, _enc, done) => done() }) }));
  return logger;
}

/** The fixed RespondResponse the baselines answer. */
const FIXED_ANSWER = {
  answer: 'We are open Monday to Saturday from 9:00 to 19:00.',
  language: 'en',
  intent: 'hours',
  lead: { score: 0, bant: { budget: 0, authority: 0, need: 0, timeline: 0 } },
  actions: [],
  sources: [],
  provider: 'fixed',
  sessionId: 'fixed',
};

/** The floor: express parsing the same JSON body and answering a fixed RespondResponse. */
export function startBaseline(): Promise<Server> {
  const app = express();
  app.use(express.json());
  app.post('/respond', (_req, res) => void res.json(FIXED_ANSWER));
  return listen(app, 0, undefined, '127.0.0.1');
}

/**
 * The same fixed answer from service-kit's app as voice-api builds it (metrics, request id and its
 * context, API security headers, JSON body, NUL guard, problem handler) with voice-api's logger:
 * what every request pays before and after the turn.
 */
export function startKitBaseline(): Promise<Server> {
  const app = createApp({
    service: 'kit-baseline',
    logger: discardingLogger(),
    bodyLimit: '32kb',
    apiPaths: ['/respond'],
    routes: (router) => void router.post('/respond', (_req, res) => void res.json(FIXED_ANSWER)),
  });
  return listen(app, 0, undefined, '127.0.0.1');
}

/** The launcher's local edge (same code path as `pnpm start`), routing /respond to one upstream port. */
export async function startEdge(upstreamPort: number): Promise<{ url: string; close: () => Promise<void> }> {
  const table: RouteTable = {
    routes: [{ router: 'voice-api', priority: 100, matchers: [{ type: 'prefix', path: '/respond' }], action: { kind: 'proxy', service: 'voice-api', port: upstreamPort } }],
    services: [{ name: 'voice-api', port: upstreamPort }],
  };
  const edge = createEdge(table, { upstreamHost: '127.0.0.1' });
  const port = await edge.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => edge.close(100) };
}
