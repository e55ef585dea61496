import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReservedServer {
  server: Server;
  port: number;
  url: string;
  /** Serve with this handler from now on (set once, after the edge URL is known). */
  serve(handler: RequestListener): void;
  close(): Promise<void>;
}

/**
 * An HTTP server already listening on a random 127.0.0.1 port, its handler attached later: the
 * route table needs the services' ports before the edge starts, and db-api needs the edge's URL
 * (PUBLIC_BASE_URL) before its app is built.
 */
export async function reserveServer(): Promise<ReservedServer> {
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    serve: (handler) => void server.on('request', handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
