import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@vocalia/contracts';
import type { Logger } from './logger';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const PROBES = new Set(['/health', '/ready']);

const STOPPING: Problem = {
  type: 'https://docs.vocalia.ai/problems/unavailable',
  title: 'Service Unavailable',
  status: 503,
  code: 'UNAVAILABLE',
  detail: 'This replica is stopping: the load balancer takes it out and the other replicas answer.',
};

/**
 * The first phase of a stop, for `ms`: the server keeps answering every request, new connections
 * included, but `/health` and `/ready` answer 503, so the load balancer's health check takes this
 * replica out before it stops listening, and every answer carries `Connection: close`, so a pooled
 * connection ends after an answer instead of being cut when the server closes. Without it, requests
 * the balancer still sends here meet a closed port (a 502 at the edge) until its next health check.
 */
export async function drainFromLoadBalancer(server: Server, ms: number, logger: Logger): Promise<void> {
  const serving = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Connection', 'close');
    if (PROBES.has((req.url ?? '/').split('?')[0]!)) {
      res.writeHead(503, { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' }).end(JSON.stringify(STOPPING));
      return;
    }
    for (const listener of serving) listener.call(server, req, res);
  });
  logger.info('draining: /health answers 503 until the load balancer takes this replica out', { drainMs: ms });
  await sleep(ms);
}
