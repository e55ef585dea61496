import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createLogger } from '@vocalia/service-kit';
import { createApp } from '../src/app';

const SIX = ['voice-api', 'realtime', 'telephony-bridge', 'oauth-gateway', 'webhook-router', 'db-api'];
const logger = createLogger('edge-health-test', 'silent');

/** Traefik's API as it answers GET /api/http/services/<name>@docker (the fields edge-health reads, and a few more). */
function traefikService(name: string, status: Record<string, 'UP' | 'DOWN'>) {
  return {
    loadBalancer: { servers: Object.keys(status).map((url) => ({ url })), healthCheck: { path: '/health', interval: '10s', timeout: '3s' }, passHostHeader: true },
    status: 'enabled',
    usedBy: [`${name}@file`],
    serverStatus: status,
    name: `${name}@docker`,
    provider: 'docker',
    type: 'loadbalancer',
  };
}

let traefik: Server;
let apiUrl: string;
let provider = 'docker';
let services: Record<string, Record<string, 'UP' | 'DOWN'>>;

beforeAll(async () => {
  traefik = createServer((req, res) => {
    const m = new RegExp(`^/api/http/services/([^/]+)@${provider}$`).exec(decodeURIComponent(req.url ?? ''));
    const status = m ? services[m[1]!] : undefined;
    if (!m || !status) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"service not found"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(traefikService(m[1]!, status)));
  });
  await new Promise<void>((r) => traefik.listen(0, '127.0.0.1', r));
  apiUrl = `http://127.0.0.1:${(traefik.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((r) => traefik.close(r)));

beforeEach(() => {
  services = Object.fromEntries(SIX.map((name, i) => [name, { [`http://172.20.0.${i + 2}:3000`]: 'UP' as const }]));
});

const app = (url = () => apiUrl, fleetProvider: 'docker' | 'swarm' = 'docker') =>
  createApp({ logger, fleet: { apiUrl: url(), services: SIX, provider: fleetProvider, timeoutMs: 1000 } });

describe('edge-health', () => {
  it('when every service has a healthy replica, then /fleet is 200 and names each of the six', async () => {
    const res = await request(app()).get('/fleet');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.services)).toEqual(SIX);
    expect(res.body.services['db-api']).toMatchObject({ status: 'ok', up: 1, total: 1 });
  });

  it('when one of three voice-api replicas fails its health check, then the service is ok and the failing replica is named', async () => {
    services['voice-api'] = { 'http://172.20.0.10:3004': 'UP', 'http://172.20.0.11:3004': 'DOWN', 'http://172.20.0.12:3004': 'UP' };
    const res = await request(app()).get('/fleet');
    expect(res.status).toBe(200);
    expect(res.body.services['voice-api']).toEqual({
      status: 'ok',
      up: 2,
      total: 3,
      servers: { 'http://172.20.0.10:3004': 'UP', 'http://172.20.0.11:3004': 'DOWN', 'http://172.20.0.12:3004': 'UP' },
      detail: '1 of 3 replicas failing their health check',
    });
  });

  it('when a service has no healthy replica or no container at all, then /fleet is 503 degraded and says which', async () => {
    services['realtime'] = { 'http://172.20.0.20:3007': 'DOWN' };
    delete services['webhook-router'];
    const res = await request(app()).get('/fleet');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('degraded');
    expect(res.body.services.realtime).toMatchObject({ status: 'down', up: 0, total: 1 });
    expect(res.body.services['webhook-router']).toMatchObject({ status: 'down', detail: expect.stringMatching(/no running replica/) });
    expect(res.body.services['voice-api'].status).toBe('ok');
  });

  it('when the stack runs on Swarm, then the services are read from the Swarm provider', async () => {
    provider = 'swarm';
    try {
      expect((await request(app(undefined, 'swarm')).get('/fleet')).status).toBe(200);
      expect((await request(app(undefined, 'docker')).get('/fleet')).status).toBe(503);
    } finally {
      provider = 'docker';
    }
  });

  it("when Traefik's API does not answer, then /fleet is 503 and its own /health stays 200", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const res = await request(app(() => `http://127.0.0.1:${port}`)).get('/fleet');
    expect(res.status).toBe(503);
    expect(res.body.services['voice-api'].detail).toMatch(/Traefik API unreachable: ECONNREFUSED/);
    expect((await request(app(() => `http://127.0.0.1:${port}`)).get('/health')).status).toBe(200);
  });
});
