import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { createApp, createLogger, createRedis, pingRedis } from '../src';
import { freePort } from '../testing';


function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

async function eventually(fn: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('readiness across a Redis restart', () => {
  it('when Redis goes away, then /ready is 503 naming it, and it recovers by itself when Redis returns', async () => {
    const port = await freePort();
    let server = startRedis(port);
    const redis = createRedis(`redis://127.0.0.1:${port}`, 'client');
    const app = createApp({ service: 'test', logger: createLogger('test', 'silent'), readiness: [{ name: 'redis', check: () => pingRedis(redis) }], routes: () => undefined });
    const status = async () => (await request(app).get('/ready')).status;
    try {
      expect(await eventually(async () => (await status()) === 200, 10000)).toBe(true);
      server.kill('SIGKILL');
      expect(await eventually(async () => (await status()) === 503, 5000)).toBe(true);
      expect(JSON.parse((await request(app).get('/ready')).text).detail).toMatch(/^redis down/);
      server = startRedis(port);
      expect(await eventually(async () => (await status()) === 200, 10000)).toBe(true);
    } finally {
      redis.disconnect();
      server.kill('SIGKILL');
    }
  });
});
