import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

/**
 * How long a client has to send its request headers, then its whole request (a 5 MB knowledge
 * upload needs 0.35 Mbit/s): a slow client (slowloris) is answered 408 and its socket closed
 * instead of holding it. Node checks every
 * `CONNECTIONS_CHECK_MS`, so a slow client goes at most that much after its limit.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 120_000;
const CONNECTIONS_CHECK_MS = 1_000;
/**
 * How long an idle keep-alive connection stays open. A proxy pooling connections to the service must
 * drop its idle ones sooner (Traefik's `serversTransport.forwardingTimeouts.idleConnTimeout`): if the
 * service closes first, the proxy can send a request on a connection closing that instant, and a POST
 * comes back 502.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** An HTTP server for the app; `attach` sees it before it listens (WebSocket upgrade handlers go there). */
export function listen(app: Express, port: number, attach?: (server: Server) => void, host = '0.0.0.0'): Promise<Server> {
  const server = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: CONNECTIONS_CHECK_MS }, app);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  attach?.(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
