import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '../testing';

let base: string;

let child: ChildProcess;
let output = '';

async function waitForHealth(): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const logLines = () =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'crashing-service.ts')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await waitForHealth();
}, 30_000);

afterAll(async () => {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
});

describe('last-resort guard (a real process built with runService)', () => {
  it.each([
    ['a body stream fails with no error listener', 'POST', '/upload', 'Unexpected end of form'],
    ['an EventEmitter callback emits an unheard error', 'GET', '/emitter', 'emitter failed'],
    ['a route forgets a rejected promise', 'GET', '/rejection', 'forgotten rejection'],
  ])('when %s, then that request gets a 500 problem+json, the crash is logged with its request id, and /health still answers', async (_what, method, path, message) => {
    const id = `crash-${path.slice(1)}-${Date.now()}`;
    const res = await fetch(`${base}${path}`, { method, headers: { 'x-request-id': id }, body: method === 'POST' ? 'some bytes' : undefined });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'INTERNAL', requestId: id });
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
    const line = logLines().find((l) => l.requestId === id && l.message === 'uncaught error, service keeps serving');
    expect(line).toMatchObject({ level: 'error', service: 'crashing', path });
    expect(JSON.stringify(line)).toContain(message);
  });

  it('when the crash message holds a phone number, then the logged stack masks it too', () => {
    const line = logLines().find((l) => JSON.stringify(l).includes('emitter failed'));
    expect(JSON.stringify(line)).not.toMatch(/12 34 56 78/);
    expect((line?.err as { stack: string }).stack).toMatch(/^Error: emitter failed for \*\*\*78\n/);
  });
});
