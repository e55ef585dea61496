import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RouteTable } from '../src/route-table';

export interface SeenRequest {
  service: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface FakeFleet {
  table: RouteTable;
  seen: SeenRequest[];
  setHealthy: (service: string, healthy: boolean) => void;
  close: () => Promise<void>;
}

/**
 * One small HTTP + WebSocket server per service of the table, on random ports, each answering
 * what it received as JSON; the returned table points the edge at them.
 */
export async function startFakeFleet(real: RouteTable): Promise<FakeFleet> {
  const seen: SeenRequest[] = [];
  const healthy = new Map(real.services.map((s) => [s.name, true]));
  const servers: Server[] = [];
  const ports = new Map<string, number>();
  for (const { name } of real.services) {
    const server = createServer((req, res) => {
      if (req.url === '/health') {
        res.writeHead(healthy.get(name) ? 200 : 503).end();
        return;
      }
      seen.push({ service: name, method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ service: name, url: req.url, headers: req.headers }));
    });
    const wss = new WebSocketServer({ server, perMessageDeflate: false });
    wss.on('connection', (socket, req) => {
      seen.push({ service: name, method: 'WS', url: req.url ?? '', headers: req.headers });
      socket.send(JSON.stringify({ service: name, url: req.url, headers: req.headers }));
      socket.on('message', (data) => socket.send(`echo:${data.toString()}`));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.set(name, (server.address() as AddressInfo).port);
    servers.push(server);
  }
  const table: RouteTable = {
    routes: real.routes.map((r) => (r.action.kind === 'proxy' ? { ...r, action: { ...r.action, port: ports.get(r.action.service)! } } : r)),
    services: real.services.map((s) => ({ name: s.name, port: ports.get(s.name)! })),
  };
  return {
    table,
    seen,
    setHealthy: (service, ok) => healthy.set(service, ok),
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
