import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { join } from 'node:path';
import { freePort } from '../testing';

// Long enough that the checks after SIGTERM finish inside the drain on a loaded CI host.
const DRAIN_MS = 4000;
let base: string;
let child: ChildProcess;
let output = '';

interface Answer {
  status: number;
  connection: string | undefined;
  contentType: string | undefined;
  body: unknown;
  reusedSocket: boolean;
}

function send(method: string, path: string, agent: http.Agent | false, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, agent, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, contentType: res.headers['content-type'], body: JSON.parse(text) as unknown, reusedSocket: req.reusedSocket }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'draining-service.ts')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: String(port), SHUTDOWN_DRAIN_MS: String(DRAIN_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await until(() => fetch(`${base}/health`).then((r) => r.status, () => 0), (s) => s === 200, 20_000);
}, 30_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('a service stopped with SHUTDOWN_DRAIN_MS (runService, a real process)', () => {
  it('when SIGTERM arrives, then /health and /ready answer 503 while requests on pooled and new connections are still answered, each closing its connection; then the port closes and the process exits 0', async () => {
    const pool = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = await send('POST', '/echo', pool, { n: 1 });
    expect(before).toMatchObject({ status: 200, connection: 'keep-alive' });
    const exited = once(child, 'exit');
    const stoppedAt = Date.now();
    child.kill('SIGTERM');

    const health = await until(() => send('GET', '/health', false), (a) => a.status === 503, 3000);
    expect(health).toMatchObject({ status: 503, connection: 'close', body: { code: 'UNAVAILABLE', status: 503 } });
    expect(health.contentType).toMatch(/^application\/problem\+json/);
    expect(await send('GET', '/ready', false)).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
    expect(await send('POST', '/echo', pool, { n: 2 })).toMatchObject({ status: 200, connection: 'close', reusedSocket: true, body: { echoed: { n: 2 } } });
    expect(await send('POST', '/echo', false, { n: 3 })).toMatchObject({ status: 200, connection: 'close', body: { echoed: { n: 3 } } });

    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(DRAIN_MS);
    await expect(send('GET', '/health', false)).rejects.toThrow(/ECONNREFUSED/);
    const drainLine = output.split('\n').find((l) => l.includes('"message":"draining'));
    expect(JSON.parse(drainLine ?? '{}')).toMatchObject({ service: 'draining', drainMs: DRAIN_MS });
    pool.destroy();
  }, 20_000);
});
