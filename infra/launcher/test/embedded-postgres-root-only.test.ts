import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '../src/embedded-postgres';
import { freePort } from '../src/ports';
import { REPO_ROOT } from '../src/paths';

type Start = typeof import('../src/embedded-postgres').startEmbeddedPostgres;

/**
 * The launcher's files and the installed packages, copied into a directory only root can read, as
 * a fresh clone in `mktemp -d` is. node_modules is hard-linked: same bytes, new location.
 */
function copyCheckout(into: string): string {
  const checkout = join(into, 'c');
  mkdirSync(join(checkout, 'infra', 'launcher'), { recursive: true });
  execFileSync('cp', ['-al', join(REPO_ROOT, 'node_modules'), join(checkout, 'node_modules')]);
  for (const part of ['package.json', 'src', 'node_modules']) {
    cpSync(join(REPO_ROOT, 'infra', 'launcher', part), join(checkout, 'infra', 'launcher', part), { recursive: true, verbatimSymlinks: true });
  }
  return checkout;
}

/** node_modules is hard-linked, so the copy must be on the checkout's filesystem: the temp directory when it is, else .vocalia/. */
function besideTheCheckout(): string {
  if (statSync(tmpdir()).dev === statSync(REPO_ROOT).dev) return tmpdir();
  const state = join(REPO_ROOT, '.vocalia');
  mkdirSync(state, { recursive: true, mode: 0o700 });
  return state;
}

// As root (CI, a fresh clone in `mktemp -d`) PostgreSQL runs as OS user postgres, which cannot read
// this directory: the case the shared binary cache exists for. As another user it runs as that user.
describe('embedded PostgreSQL from a checkout only its owner can read', () => {
  const rootOnly = mkdtempSync(join(besideTheCheckout(), 'vocalia-root-only-'));
  const dataDir = join(tmpdir(), `vocalia-pg-root-only-${process.pid}`);
  let pg: EmbeddedPostgres | undefined;

  afterAll(async () => {
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rootOnly, { recursive: true, force: true });
  });

  it('when the launcher runs from a 0700 directory, then the embedded PostgreSQL starts and serves SQL', async () => {
    expect(statSync(rootOnly).mode & 0o777).toBe(0o700);
    const checkout = copyCheckout(rootOnly);
    const { startEmbeddedPostgres } = (await import(join(checkout, 'infra', 'launcher', 'src', 'embedded-postgres.ts'))) as { startEmbeddedPostgres: Start };

    pg = await startEmbeddedPostgres({ port: await freePort(), database: 'postgres', dataDir });

    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
      expect(rows[0]?.user).toBe('postgres');
    } finally {
      await client.end();
    }
  }, 120000);
});
