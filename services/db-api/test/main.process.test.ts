import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { dropDatabase } from '@vocalia/db';


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<unknown> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`db-api exited early (${child.exitCode}): ${output()}`);
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return res.json();
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`db-api never became ready: ${output()}`);
}

describe('db-api as a process', () => {
  const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/vocalia_dbapi_${randomBytes(6).toString('hex')}`;
  const databaseUrl = base.toString();
  afterAll(() => dropDatabase(databaseUrl));

  it('when started on an empty database, then it migrates, reports ready, serves, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), DATABASE_URL: databaseUrl, DB_POOL_SIZE: '3' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const ready = await waitForReady(`http://127.0.0.1:${port}/ready`, child, () => output);
      expect(ready).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
      const plans = await fetch(`http://127.0.0.1:${port}/api/v1/plans`);
      expect(plans.status).toBe(200);
      expect(output).toContain('database migrated');
      expect(output).toMatch(/ephemeral RS256 key pair/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('"message":"stopped"');
  }, 60_000);
});
