import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

/** An HTTP server for the app; `attach` sees it before it listens (WebSocket upgrade handlers go there). */
export function listen(app: Express, port: number, attach?: (server: Server) => void, host = '0.0.0.0'): Promise<Server> {
  const server = createServer(app);
  server.keepAliveTimeout = 65000;
  attach?.(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
