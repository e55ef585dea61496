import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRedis } from '@vocalia/service-kit';

export interface OwnRedis {
  url: string;
  /** Kills the server (SIGKILL) and starts an empty one on the same port; resolves once it answers PING. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function answering(url: string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const probe = createRedis(url, 'client', { lazyConnect: true, retryStrategy: () => null });
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch (err) {
      if (Date.now() > until) throw err;
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server of this test's own on a free port, keeping nothing on disk: a restart loses every key. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const start = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const kill = async (p: ChildProcess) => {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = once(p, 'exit');
    p.kill('SIGKILL');
    await exited;
  };
  let server = start();
  await answering(url);
  return {
    url,
    async restart() {
      await kill(server);
      server = start();
      await answering(url);
    },
    stop: () => kill(server),
  };
}
