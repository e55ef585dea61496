import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { WidgetConfigResponse } from '@vocalia/contracts';
import { freePort } from '@vocalia/service-kit/testing';
import { REDIS_URL } from './support/harness';
import { parseSse } from './support/sse';
import { eventually, FakeDbApi, INTERNAL_TOKEN, snapshotFor } from '@vocalia/conversation/testing';

const SHOP = 'https://shop.example.com';
let base: string;

let db: FakeDbApi;
let child: ChildProcess;
let output = '';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  db = await new FakeDbApi().start();
  db.snapshots.set('acme', snapshotFor({ id: 'acme', origins: [SHOP] }));
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: String(port), REDIS_URL, DB_API_INTERNAL_URL: db.url, INTERNAL_API_TOKEN: INTERNAL_TOKEN, LOG_LEVEL: 'info', SHUTDOWN_DEADLINE_MS: '30000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await eventually(async () => expect((await fetch(`${base}/health`)).status).toBe(200), 20_000, 200);
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await db.stop();
});

describe('voice-api as a process (src/main.ts)', () => {
  it('when started, then it is ready, serves the real widget bundle and answers with the real engine', async () => {
    // Ready once its Redis connection is up, which may come a moment after /health.
    await eventually(async () => expect((await fetch(`${base}/ready`)).status).toBe(200), 10_000, 100);
    const widget = await fetch(`${base}/widget/v1/vocalia.js`);
    expect(widget.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await widget.text()).length).toBeGreaterThan(1000);
    const config = WidgetConfigResponse.parse(await (await fetch(`${base}/config?tenantId=acme`, { headers: { Origin: SHOP } })).json());
    const res = await fetch(`${base}/respond`, {
      method: 'POST',
      headers: { Origin: SHOP, Authorization: `Bearer ${config.session.token}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ tenantId: 'acme', sessionId: 'session-main-1', message: 'When are you open?' }),
    });
    const events = parseSse(await res.text());
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { provider: 'local', sessionId: 'session-main-1' } });
    // Logged once the answer has left, with the request's context.
    await eventually(() => expect(output).toMatch(/"message":"turn answered".*"requestId":"[^"]+".*"tenantId":"acme"/), 5_000);
  });

  it('when SIGTERM arrives during a request on a keep-alive connection, then the request completes and the process exits 0 right after', async () => {
    db.snapshots.set('slow', snapshotFor({ id: 'slow', origins: [SHOP] }));
    db.hold();
    const agent = new http.Agent({ keepAlive: true });
    const inFlight = new Promise<number>((resolve, reject) =>
      http.get(`${base}/config?tenantId=slow`, { agent, headers: { Origin: SHOP } }, (r) => (r.resume(), r.on('end', () => resolve(r.statusCode ?? 0)))).on('error', reject),
    );
    // In flight: voice-api is waiting for the snapshot db-api holds.
    await eventually(() => expect(db.hitCount('/internal/v1/tenants/slow/snapshot')).toBe(1), 10_000);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await eventually(() => expect(output).toContain('"message":"shutting down"'), 10_000);
    db.release();
    expect(await inFlight).toBe(200);
    // Exit 0 means every closer finished before SHUTDOWN_DEADLINE_MS (30 s): the kept-alive socket
    // (65 s keep-alive) was closed as soon as its answer was sent, or the deadline would have exited 1.
    expect(await exited).toBe(0);
    expect(output).toContain('"message":"stopped"');
    agent.destroy();
  }, 60_000);
});
