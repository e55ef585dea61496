import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, freePort, startEmbeddedPostgres, startRedisServer, type EmbeddedPostgres, type RedisServer } from '@vocalia/launcher';

/** The suite's own redis-server: killed without notice (data lost) and started again on the same port. */
export interface OwnRedis {
  readonly url: string;
  /** SIGKILL, then wait until the process is gone: nothing is saved. */
  kill(): Promise<void>;
  /** A new, empty redis-server on the same port. */
  start(): Promise<void>;
}

/** The suite's own embedded PostgreSQL: stopped and started again on the same port and data directory. */
export interface OwnPostgres {
  /** Its `postgres` database: where fresh test databases are created. */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface OwnServices {
  redis: OwnRedis;
  postgres: OwnPostgres;
  close(): Promise<void>;
}

async function ownRedis(): Promise<OwnRedis & { close(): Promise<void> }> {
  const bin = findExecutable('redis-server');
  if (!bin) throw new Error('fault suite: redis-server is not on PATH (apt-get install redis-server)');
  const port = await freePort();
  let server: RedisServer | undefined = await startRedisServer(bin, { port });
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (!server) return;
      process.kill(server.pid, 'SIGKILL');
      await server.stop();
      server = undefined;
    },
    async start() {
      server ??= await startRedisServer(bin, { port, startTimeoutMs: 10_000 });
    },
    async close() {
      await server?.stop();
      server = undefined;
    },
  };
}

async function ownPostgres(): Promise<OwnPostgres & { close(): Promise<void> }> {
  const port = await freePort();
  const dataDir = join(tmpdir(), `vocalia-faults-pg-${randomBytes(5).toString('hex')}`);
  const options = { port, database: 'postgres', dataDir, startTimeoutMs: 60_000, stopDeadlineMs: 10_000 };
  let pg: EmbeddedPostgres | undefined = await startEmbeddedPostgres(options);
  const url = pg.url;
  return {
    url,
    async stop() {
      await pg?.stop();
      pg = undefined;
    },
    async start() {
      pg ??= await startEmbeddedPostgres(options);
    },
    async close() {
      await pg?.stop();
      pg = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A redis-server and an embedded PostgreSQL on free ports, for one test file; never the machine's shared ones. */
export async function startOwnServices(): Promise<OwnServices> {
  const [redis, postgres] = await Promise.all([ownRedis(), ownPostgres()]);
  return {
    redis,
    postgres,
    async close() {
      await Promise.allSettled([redis.close(), postgres.close()]);
    },
  };
}
