import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { createEdge, type Edge } from '../src/edge';
import { ROUTES_FILE } from '../src/paths';
import { loadRouteTable } from '../src/route-table';
import { startFakeFleet, type FakeFleet } from './fake-upstreams';
import { PREFIXES } from './repo-files';

let fleet: FakeFleet;
let edge: Edge;
let base: string;

beforeAll(async () => {
  fleet = await startFakeFleet(loadRouteTable(ROUTES_FILE));
  edge = createEdge(fleet.table);
  base = `http://127.0.0.1:${await edge.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await edge.close(100);
  await fleet.close();
});

beforeEach(() => {
  fleet.seen.length = 0;
  for (const s of fleet.table.services) fleet.setHealthy(s.name, true);
});

/** A raw request: fetch would resolve `..` itself before sending. */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(path: string): Promise<{ socket: WebSocket; first: { service: string; url: string; headers: Record<string, string> } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}${path}`, { perMessageDeflate: false });
    socket.once('message', (data) => resolve({ socket, first: JSON.parse(data.toString()) }));
    socket.once('error', reject);
  });
}

describe('the local edge', () => {
  it.each(Object.entries(PREFIXES))('when %s is requested, then %s gets it with path and query intact', async (prefix, service) => {
    const path = `${prefix}${prefix.endsWith('/') ? '' : '/'}x/y?tenant=t1&n=2`;
    const res = await fetch(`${base}${path}`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ service, url: path });
  });

  it('when a keep-alive client waits past Node\'s default idle time (5 s, and its 1 s margin) between requests, then its connection is still open and reused, as behind Traefik', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(`${base}/api/v1/me`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get()).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await get()).toEqual({ status: 200, reused: true });
    agent.destroy();
  }, 15_000);

  it('when a request is proxied, then X-Forwarded-* are the edge\'s own and the request id is kept and echoed', async () => {
    const res = await fetch(`${base}/api/v1/me`, {
      headers: { 'x-request-id': 'req-12345678', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '6.6.6.6' },
    });
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    const host = new URL(base).host;
    expect(headers).toMatchObject({
      'x-request-id': 'req-12345678',
      'x-forwarded-host': host,
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': new URL(base).port,
      'x-real-ip': '127.0.0.1',
      host,
    });
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
  });

  it('when a request has no usable request id, then the edge mints one and passes it on', async () => {
    const res = await fetch(`${base}/oauth/google/start`, { headers: { 'x-request-id': 'bad id!' } });
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the edge trusts a tunnel in front of it, then the tunnel\'s proto and host reach the service', async () => {
    const trusting = createEdge(fleet.table, { trustForwardedHeaders: true });
    const port = await trusting.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/voice/incoming`, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'abc.ngrok.app', 'x-forwarded-for': '54.1.2.3' } });
      const { headers } = (await res.json()) as { headers: Record<string, string> };
      expect(headers).toMatchObject({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'abc.ngrok.app', 'x-forwarded-for': '54.1.2.3, 127.0.0.1' });
    } finally {
      await trusting.close(100);
    }
  });

  it.each(['/internal/tenants/t1', '/internal/', '/INTERNAL/x', '/api/../internal/tenants/t1', '/api/%2e%2e/internal/x', '/internal'])(
    'when %s is requested, then the edge answers a problem+json 404 and forwards nothing',
    async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
      expect(fleet.seen).toEqual([]);
    },
  );

  it.each(['/metrics', '/metrics/', '/METRICS', '/api/../metrics', '/metrics/x?y=1'])(
    'when %s is requested, then the edge answers a problem+json 404 and forwards nothing',
    async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
      expect(fleet.seen).toEqual([]);
    },
  );

  it('when the route table would send /metrics to a service, then the edge still refuses it', async () => {
    const catchAll = { ...fleet.table, routes: [{ router: 'all', priority: 1, matchers: [{ type: 'prefix' as const, path: '/' }], action: { kind: 'proxy' as const, service: 'db-api', port: fleet.table.services[0]!.port } }] };
    const open = createEdge(catchAll);
    const port = await open.listen(0, '127.0.0.1');
    try {
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect(fleet.seen.map((s) => s.url)).toEqual(['/other']);
    } finally {
      await open.close(100);
    }
  });

  it('when a path matches no route, then the edge answers a problem+json 404', async () => {
    const res = await fetch(`${base}/wp-login.php`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ detail: 'No route for GET /wp-login.php', instance: '/wp-login.php' });
  });

  it('when a WebSocket opens on /realtime, then frames round-trip and the service sees a ws forwarded proto', async () => {
    const { socket, first } = await openSocket('/realtime?session=s1');
    expect(first).toMatchObject({ service: 'realtime', url: '/realtime?session=s1' });
    expect(first.headers).toMatchObject({ 'x-forwarded-proto': 'ws', 'x-forwarded-for': '127.0.0.1' });
    expect(first.headers['x-request-id']).toBeTruthy();
    const echo = new Promise<string>((resolve) => socket.once('message', (d) => resolve(d.toString())));
    socket.send('ping');
    expect(await echo).toBe('echo:ping');
    socket.close();
  });

  it('when Twilio opens a media stream on /voice/, then it reaches the telephony bridge', async () => {
    const { socket, first } = await openSocket('/voice/stream');
    expect(first).toMatchObject({ service: 'telephony-bridge', url: '/voice/stream' });
    socket.close();
  });

  it('when a WebSocket asks for /internal/, then the upgrade is refused with a 404', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/internal/stream`);
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(404);
    expect(fleet.seen).toEqual([]);
  });

  it('when every service is healthy, then GET /health is 200 with each service ok', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; services: Record<string, { status: string; url: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.services).sort()).toEqual(fleet.table.services.map((s) => s.name).sort());
    for (const s of fleet.table.services) expect(body.services[s.name]).toEqual({ status: 'ok', url: `http://127.0.0.1:${s.port}` });
  });

  it('when one service is unhealthy, then GET /health is 503 degraded and names it', async () => {
    fleet.setHealthy('webhook-router', false);
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; services: Record<string, { status: string }> };
    expect(body.status).toBe('degraded');
    expect(body.services['webhook-router']?.status).toBe('unhealthy');
    expect(body.services['db-api']?.status).toBe('ok');
  });

  it('when the service behind a path is down, then the edge answers a problem+json 502', async () => {
    const table = { ...fleet.table, routes: fleet.table.routes.map((r) => (r.action.kind === 'proxy' ? { ...r, action: { ...r.action, port: 1 } } : r)) };
    const broken = createEdge(table);
    const port = await broken.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/respond`, { method: 'POST' });
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ code: 'UPSTREAM_FAILED', instance: '/respond' });
    } finally {
      await broken.close(100);
    }
  });
});
