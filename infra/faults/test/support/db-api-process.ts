import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { freePort } from '@vocalia/launcher';

export interface DbApiProcess {
  readonly url: string;
  readonly pid: number;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

const DB_API_DIR = dirname(require.resolve('@vocalia/db-api/package.json'));

/** db-api's own `src/main.ts` (HTTP, migrations, every queue worker) as a child process on `env`, resolved once `/ready` answers 200. */
export async function startDbApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<DbApiProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: DB_API_DIR,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', PORT: String(port), DB_POOL_SIZE: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`db-api exited before it was ready: ${output}`);
    if (Date.now() > until) {
      await kill('SIGKILL');
      throw new Error(`db-api not ready after ${timeoutMs} ms: ${output}`);
    }
    const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, kill, output: () => output };
}
