import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { freePort } from '../src/ports';
import { pingRedis } from '../src/redis-probe';
import { ResolveError } from '../src/resolve-error';
import { resolveRedis } from '../src/resolve-redis';
import { findExecutable } from '../src/find-executable';

/** Speaks just enough RESP to pass for a Redis server: PING and CONFIG GET maxmemory-policy. */
function fakeRedis(policy: string): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('PING')) socket.write('+PONG\r\n');
      else if (text.includes('CONFIG')) socket.write(`*2\r\n$16\r\nmaxmemory-policy\r\n$${policy.length}\r\n${policy}\r\n`);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe('resolveRedis', () => {
  it('when REDIS_URL is given, then it is used as is, with nothing to stop', async () => {
    const r = await resolveRedis({ envUrl: 'redis://cache.internal:6380/2', localPort: 1 });
    expect(r).toMatchObject({ url: 'redis://cache.internal:6380/2', source: 'env' });
  });

  it('when a server answers PING on the local port, then it is used', async () => {
    const { server, port } = await fakeRedis('noeviction');
    try {
      const r = await resolveRedis({ localPort: port, pathEnv: '/nonexistent' });
      expect(r).toMatchObject({ url: `redis://127.0.0.1:${port}`, source: 'local', description: `local server on 127.0.0.1:${port}` });
    } finally {
      server.close();
    }
  });

  it('when the local server may evict keys, then the description warns about it', async () => {
    const { server, port } = await fakeRedis('allkeys-lru');
    try {
      const r = await resolveRedis({ localPort: port });
      expect(r.description).toContain('WARNING maxmemory-policy is allkeys-lru, queues need noeviction');
    } finally {
      server.close();
    }
  });

  const hasRedisServer = findExecutable('redis-server') !== undefined;
  (hasRedisServer ? it : it.skip)('when nothing answers locally and redis-server is on PATH, then one is started and stopped', async () => {
    const r = await resolveRedis({ localPort: await freePort() });
    expect(r.source).toBe('spawned');
    const port = Number(new URL(r.url).port);
    expect(await pingRedis('127.0.0.1', port)).toBe('pong');
    await r.stop();
    expect(await pingRedis('127.0.0.1', port)).toBe('silent');
  });

  it('when nothing answers and redis-server is not on PATH, then it fails naming the fix', async () => {
    const attempt = resolveRedis({ localPort: await freePort(), pathEnv: '/nonexistent' });
    await expect(attempt).rejects.toBeInstanceOf(ResolveError);
    await expect(attempt).rejects.toThrow(/apt-get install redis-server.*REDIS_URL/);
  });
});
