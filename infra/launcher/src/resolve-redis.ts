import { spawn } from 'node:child_process';
import { RecentLines, hasExited, relayLines, stopChild, track } from './child-process';
import { findExecutable } from './find-executable';
import { freePort } from './ports';
import { evictionPolicy, pingRedis } from './redis-probe';
import { ResolveError } from './resolve-error';

export interface ResolvedRedis {
  url: string;
  source: 'env' | 'local' | 'spawned';
  /** One human line: what was used and why. */
  description: string;
  stop: () => Promise<void>;
}

export interface ResolveRedisOptions {
  envUrl?: string;
  localHost?: string;
  localPort?: number;
  /** PATH searched for redis-server. */
  pathEnv?: string;
  startTimeoutMs?: number;
  stopDeadlineMs?: number;
}

const FIX = 'install Redis (apt-get install redis-server) or set REDIS_URL=redis://host:6379';
const nothingToStop = async () => undefined;

async function waitForPong(port: number, child: ReturnType<typeof spawn>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited(child)) {
    if ((await pingRedis('127.0.0.1', port, 300)) === 'pong') return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export interface RedisServer {
  url: string;
  port: number;
  /** The redis-server process, for whoever needs to kill it without notice. */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * A throwaway redis-server on 127.0.0.1:`port` (a free one if not given): no snapshots, no AOF,
 * noeviction like production so a full Redis fails loudly. Resolves once it answers PING.
 */
export async function startRedisServer(bin: string, opts: { port?: number; startTimeoutMs?: number; stopDeadlineMs?: number } = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'];
  const child = track(spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  const recent = new RecentLines();
  child.stdout?.on('data', (c: Buffer) => recent.push(c.toString().trim()));
  relayLines(child.stderr, 'redis-server', process.stderr, recent);
  if (!(await waitForPong(port, child, opts.startTimeoutMs ?? 5000)) || child.pid === undefined) {
    await stopChild(child, 1000);
    throw new ResolveError(`redis-server (${bin}) did not answer PING on 127.0.0.1:${port}: ${recent.last(3).join(' / ')}`, FIX);
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, stop: async () => void (await stopChild(child, opts.stopDeadlineMs ?? 5000)) };
}

async function spawnRedis(bin: string, opts: ResolveRedisOptions): Promise<ResolvedRedis> {
  const server = await startRedisServer(bin, opts);
  return {
    url: server.url,
    source: 'spawned',
    description: `redis-server started by the launcher on 127.0.0.1:${server.port} (nothing answered on the standard port)`,
    stop: server.stop,
  };
}

/** REDIS_URL when set; else the local server on 6379 when it answers PING; else a redis-server of our own. */
export async function resolveRedis(opts: ResolveRedisOptions = {}): Promise<ResolvedRedis> {
  if (opts.envUrl) return { url: opts.envUrl, source: 'env', description: 'REDIS_URL from the environment', stop: nothingToStop };
  const host = opts.localHost ?? '127.0.0.1';
  const port = opts.localPort ?? 6379;
  const ping = await pingRedis(host, port);
  if (ping === 'pong') {
    const policy = await evictionPolicy(host, port);
    const warning = policy && policy !== 'noeviction' ? `; WARNING maxmemory-policy is ${policy}, queues need noeviction` : '';
    return { url: `redis://${host}:${port}`, source: 'local', description: `local server on ${host}:${port}${warning}`, stop: nothingToStop };
  }
  const bin = findExecutable('redis-server', opts.pathEnv);
  if (!bin) {
    const local = ping === 'auth-required' ? `the server on ${host}:${port} requires a password` : `nothing answers on ${host}:${port}`;
    throw new ResolveError(`No Redis: REDIS_URL is not set, ${local}, and redis-server is not on PATH`, FIX);
  }
  return spawnRedis(bin, opts);
}
