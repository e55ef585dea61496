import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@vocalia/service-kit/testing';

/** A PgBouncer in front of the test PostgreSQL: every database name of that server, through one port. */
export interface PgBouncer {
  /** `databaseUrl` (a database on the server it fronts) as reached through the pooler. */
  urlFor(databaseUrl: string): string;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** The server it fronts (its host, port, user and password); DATABASE_URL or the local default. */
  serverUrl?: string;
  /** Server connections per database and user: 1 makes every client share one, as a busy pooler would. */
  poolSize?: number;
}

/** Debian's package installs it outside a non-root PATH; PGBOUNCER names another binary. */
function binary(): string {
  if (process.env.PGBOUNCER) return process.env.PGBOUNCER;
  return existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer';
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${log()}`);
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts PgBouncer in transaction mode (`pool_mode = transaction`) on a free port, as docs/operations.md
 * puts it between the replicas and PostgreSQL. Run as root, it drops to `nobody` (PgBouncer refuses to run
 * as root), so its config sits in a folder anyone can read. Needs the `pgbouncer` binary
 * (infra/scripts/ensure-test-services.sh installs Debian's).
 */
export async function startPgBouncer(opts: PgBouncerOptions = {}): Promise<PgBouncer> {
  const server = new URL(opts.serverUrl ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vocalia-pgbouncer-'));
  chmodSync(dir, 0o755);
  const target = [`host=${server.hostname}`, `port=${server.port || 5432}`, `user=${decodeURIComponent(server.username || 'postgres')}`];
  if (server.password) target.push(`password=${decodeURIComponent(server.password)}`);
  const config = join(dir, 'pgbouncer.ini');
  writeFileSync(
    config,
    [
      '[databases]',
      `* = ${target.join(' ')}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      `default_pool_size = ${opts.poolSize ?? 1}`,
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ['-u', 'nobody', config] : [config];
  const child = spawn(binary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const spawned = new Promise<void>((resolve, reject) => (child.once('spawn', resolve), child.once('error', reject)));
  try {
    await spawned;
    await listening(port, child, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
