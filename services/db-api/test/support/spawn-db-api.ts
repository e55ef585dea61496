import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '@vocalia/service-kit/testing';
import { join } from 'node:path';
import { dropDatabase } from '@vocalia/db';

export interface DbApiProcess {
  baseUrl: string;
  databaseUrl: string;
  child: ChildProcess;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  output(): string;
  /** SIGTERM (when still running), wait for exit, drop the database. */
  stop(): Promise<void>;
}

/** `src/main.ts` as a child process on a fresh database, resolved once `/ready` answers 200. */
export async function spawnDbApi(opts: { logLevel?: string } = {}): Promise<DbApiProcess> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/vocalia_dbapi_${randomBytes(6).toString('hex')}`;
  const databaseUrl = base.toString();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: opts.logLevel ?? 'warn', PORT: String(port), DATABASE_URL: databaseUrl, DB_POOL_SIZE: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await dropDatabase(databaseUrl);
  };
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`db-api exited early (${child.exitCode}): ${output}`);
    }
    const res = await fetch(`${baseUrl}/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, databaseUrl, child, exited, output: () => output, stop };
}
