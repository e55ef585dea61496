import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Payload } from '@vocalia/contracts';
import { createLogger, createProducer, createRedis, createWorker, type Redis } from '../src';
import { freePort } from '../testing';
import { sentinelOptions } from '../src/redis-sentinel-url';

const logger = createLogger('test', 'silent');
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'vocalia-sentinel-'));


const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function until<T>(probe: () => Promise<T | undefined>, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function redisServer(port: number, ...args: string[]): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, ...args], { stdio: 'ignore' });
  children.push(child);
  await until(async () => ((await answers(port)) ? true : undefined));
  return child;
}

/** True when the sentinel lists the replica, linked to its master. */
async function sentinelKnowsReplica(sentinel: Redis): Promise<boolean> {
  const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', 'vocalia')) as string[][];
  return replicas.some((fields) => {
    const field = (name: string) => fields[fields.indexOf(name) + 1];
    return field('port') === String(replicaPort) && field('master-link-status') === 'ok' && !/down|disconnected/.test(field('flags') ?? '');
  });
}

let master: ChildProcess;
let masterPort: number;
let replicaPort: number;
let url: string;
let sentinelPort: number;

beforeAll(async () => {
  [masterPort, replicaPort] = [await freePort(), await freePort()];
  sentinelPort = await freePort();
  master = await redisServer(masterPort);
  await redisServer(replicaPort, '--replicaof', '127.0.0.1', String(masterPort));
  const conf = join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    [`port ${sentinelPort}`, 'bind 127.0.0.1', `dir ${dir}`, `sentinel monitor vocalia 127.0.0.1 ${masterPort} 1`, 'sentinel down-after-milliseconds vocalia 500', 'sentinel failover-timeout vocalia 3000', ''].join('\n'),
  );
  const sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
  children.push(sentinel);
  await until(async () => ((await answers(sentinelPort)) ? true : undefined));
  url = `redis+sentinel://127.0.0.1,localhost:${sentinelPort}/vocalia`;
}, 30000);

afterAll(async () => {
  await Promise.all(children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGKILL')))));
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis behind Sentinel', () => {
  it('when REDIS_URL is redis+sentinel://, then the sentinels, master name, db and password are read from it', () => {
    expect(sentinelOptions('redis+sentinel://:s3cret@sentinel-1,sentinel-2,sentinel-3:26379/mymaster?db=2')).toEqual({
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: 'sentinel-2', port: 26379 },
        { host: 'sentinel-3', port: 26379 },
      ],
      name: 'mymaster',
      db: 2,
      password: 's3cret',
      sentinelPassword: 's3cret',
    });
    expect(sentinelOptions('redis://127.0.0.1:6379')).toBeUndefined();
    expect(() => sentinelOptions('redis+sentinel://sentinel-1:26379')).toThrow(/master name/);
  });

  it('when a BullMQ job goes through connections found by Sentinel, then the worker gets it from the master', async () => {
    const [producerConn, workerConn] = [createRedis(url, 'producer'), createRedis(url, 'worker')];
    const prefix = `test-sentinel-${randomUUID()}`;
    const producer = createProducer('usage-events', { connection: producerConn, prefix });
    const seen: string[] = [];
    const worker = createWorker('usage-events', async (p) => void seen.push(p.eventId), { connection: workerConn, prefix, logger });
    try {
      await until(async () => (producerConn.status === 'ready' ? true : undefined));
      const job: Payload<'usage-events'> = { v: 1, eventId: `evt_${randomUUID()}`, tenantId: 't1', requestId: 'r1', at: new Date().toISOString(), kind: 'api_call', quantity: 1 };
      await producer.add(job);
      await until(async () => (seen.length ? true : undefined));
      expect(seen).toEqual([job.eventId]);
      expect(String(((await producerConn.config('GET', 'port')) as string[])[1])).toBe(String(masterPort));
    } finally {
      await worker.close();
      await producer.close();
      await Promise.all([producerConn.quit(), workerConn.quit()]);
    }
  });

  it('when the master dies, then Sentinel promotes the replica and the same client writes to it', async () => {
    const client = createRedis(url, 'client');
    try {
      await until(async () => ((await client.set('before', '1')) === 'OK' ? true : undefined));
      // Replication is asynchronous: wait until the replica holds the write, as a failover only keeps what was replicated.
      expect(await client.call('WAIT', '1', '5000')).toBe(1);
      // Sentinel only promotes a replica it has seen in the master's INFO: on a loaded host that can come after the write.
      const sentinel = createRedis(`redis://127.0.0.1:${sentinelPort}`, 'client');
      await until(async () => ((await sentinelKnowsReplica(sentinel)) ? true : undefined));
      sentinel.disconnect();
      await new Promise((r) => (master.once('exit', r), master.kill('SIGKILL')));
      await until(async () => ((await client.set('after', '2')) === 'OK' ? true : undefined), 30000);
      expect(String(((await client.config('GET', 'port')) as string[])[1])).toBe(String(replicaPort));
      expect(await client.get('before')).toBe('1');
    } finally {
      await client.quit().catch(() => undefined);
    }
  }, 40000);
});

