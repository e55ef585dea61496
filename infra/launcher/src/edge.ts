import { Agent, createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import type { Logger } from '@vocalia/service-kit';
import { sendProblem, writeProblemToSocket, type EdgeProblem } from './edge-problem';
import { checkFleet } from './fleet-health';
import { requestIdFor, setForwardedHeaders } from './forwarded-headers';
import { matchRoute, type RouteAction, type RouteTable } from './route-table';

export interface EdgeOptions {
  /** Where the services listen; default 127.0.0.1. */
  upstreamHost?: string;
  /** Keep X-Forwarded-* set by a tunnel in front of the edge. */
  trustForwardedHeaders?: boolean;
  healthTimeoutMs?: number;
  logger?: Logger;
}

export interface Edge {
  server: Server;
  listen: (port: number, host?: string) => Promise<number>;
  /** Stop accepting, give open connections (WebSockets included) `graceMs`, then cut them. */
  close: (graceMs?: number) => Promise<void>;
}

/**
 * How long an idle client connection stays open, as Traefik's entry points keep it (`idleTimeout: 180s`
 * in traefik/traefik.yml). Node's default (5 s, closed about a second later) is close to clients' own
 * keep-alive times (undici: 4 s, or the server's hint less 2 s): a client whose timer runs late under
 * load reuses a socket the edge is closing, and its request fails with ECONNRESET. At this length
 * clients always close first.
 */
export const IDLE_TIMEOUT_MS = 180_000;

type Decision = { proxy: Extract<RouteAction, { kind: 'proxy' }> } | { health: true } | { problem: Omit<EdgeProblem, 'requestId'> };

/** Route on the path as Traefik does after sanitising it: dot segments resolved. */
function decide(table: RouteTable, req: IncomingMessage): Decision {
  const url = new URL(req.url ?? '/', 'http://edge');
  req.url = `${url.pathname}${url.search}`;
  const path = url.pathname;
  const instance = req.url;
  // The architecture's rule, held here even if the route table were edited: /internal/ is never served.
  if (/^\/internal(\/|$)/i.test(path)) {
    return { problem: { status: 404, code: 'NOT_FOUND', detail: 'The /internal/ prefix is not served at the edge', instance } };
  }
  // Each service's /metrics is scraped on its own port, never through the edge.
  if (/^\/metrics(\/|$)/i.test(path)) {
    return { problem: { status: 404, code: 'NOT_FOUND', detail: 'Metrics are not served at the edge', instance } };
  }
  const route = matchRoute(table, path);
  if (!route || route.action.kind === 'not-found') {
    return { problem: { status: 404, code: 'NOT_FOUND', detail: `No route for ${req.method ?? 'GET'} ${path}`, instance } };
  }
  return route.action.kind === 'proxy' ? { proxy: route.action } : { health: true };
}

/** The local edge: serves the route table from traefik/dynamic/routes.yml, HTTP and WebSocket. */
export function createEdge(table: RouteTable, opts: EdgeOptions = {}): Edge {
  const host = opts.upstreamHost ?? '127.0.0.1';
  const trust = opts.trustForwardedHeaders ?? false;
  // Keep-alive to the services: without an agent every proxied request would open a new connection.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const proxy = createProxyServer({ xfwd: false, ws: true, agent });
  const sockets = new Set<Duplex>();

  proxy.on('error', (err, req, resOrSocket) => {
    const requestId = String(req.headers['x-request-id'] ?? '');
    opts.logger?.warn('upstream failed', { path: req.url, error: (err as NodeJS.ErrnoException).code ?? err.message, requestId });
    const problem = { status: 502, code: 'UPSTREAM_FAILED', detail: 'The service behind this path is not answering', instance: req.url ?? '/', requestId };
    if (resOrSocket instanceof ServerResponse) {
      if (!resOrSocket.headersSent) sendProblem(resOrSocket, problem);
      else resOrSocket.destroy();
    } else if (resOrSocket.writable) {
      writeProblemToSocket(resOrSocket, problem);
    }
  });

  const server = createServer((req, res) => {
    const requestId = requestIdFor(req);
    const d = decide(table, req);
    if ('problem' in d) return sendProblem(res, { ...d.problem, requestId });
    if ('proxy' in d) {
      setForwardedHeaders(req, trust);
      res.setHeader('X-Request-Id', requestId);
      return proxy.web(req, res, { target: `http://${host}:${d.proxy.port}` });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendProblem(res, { status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'GET /health only', instance: req.url ?? '/', requestId });
    }
    void checkFleet(table.services, host, opts.healthTimeoutMs).then((health) => {
      res.writeHead(health.status === 'ok' ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Request-Id': requestId });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(health));
    });
  });

  server.keepAliveTimeout = IDLE_TIMEOUT_MS;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const requestId = requestIdFor(req);
    socket.on('error', () => socket.destroy());
    const d = decide(table, req);
    if (!('proxy' in d)) {
      const problem = 'problem' in d ? d.problem : { status: 404, code: 'NOT_FOUND', detail: 'No WebSocket here', instance: req.url ?? '/' };
      return writeProblemToSocket(socket, { ...problem, requestId });
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    setForwardedHeaders(req, trust);
    proxy.ws(req, socket, head, { target: `http://${host}:${d.proxy.port}` });
  });

  return {
    server,
    listen: (port, bindHost = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, bindHost, () => resolve((server.address() as AddressInfo).port));
      }),
    close: (graceMs = 5000) =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          agent.destroy();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
