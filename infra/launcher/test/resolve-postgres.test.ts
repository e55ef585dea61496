import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/embedded-postgres';
import { freePort } from '../src/ports';
import { ResolveError } from '../src/resolve-error';
import { resolvePostgres, type ResolvedPostgres } from '../src/resolve-postgres';

async function serverVersion(url: string): Promise<string> {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? '';
  } finally {
    await client.end();
  }
}

describe('resolvePostgres', () => {
  it('when DATABASE_URL is given, then it is used as is, with nothing probed or started', async () => {
    const startEmbedded = jest.fn();
    const r = await resolvePostgres({ envUrl: 'postgresql://app:pw@db.internal:5432/vocalia', startEmbedded });
    expect(r).toMatchObject({ url: 'postgresql://app:pw@db.internal:5432/vocalia', source: 'env' });
    expect(startEmbedded).not.toHaveBeenCalled();
  });

  it('when nothing answers and the embedded PostgreSQL cannot start, then it fails naming the fix', async () => {
    const attempt = resolvePostgres({ local: { port: await freePort() }, startEmbedded: () => Promise.reject(new Error('no binaries for this platform')) });
    await expect(attempt).rejects.toBeInstanceOf(ResolveError);
    await expect(attempt).rejects.toThrow(/no binaries for this platform.*Fix: set DATABASE_URL=.*apt-get install postgresql/);
  });

  describe('with a real embedded PostgreSQL', () => {
    let embedded: ResolvedPostgres;
    let port: number;
    const dataDir = join(tmpdir(), `vocalia-pg-test-${process.pid}`);

    beforeAll(async () => {
      port = await freePort();
      embedded = await resolvePostgres({
        local: { port: await freePort() },
        embeddedPort: port,
        startEmbedded: (opts) => startEmbeddedPostgres({ ...opts, dataDir }),
      });
    }, 90000);

    afterAll(async () => {
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('when nothing answers locally, then an embedded PostgreSQL is started and serves SQL', async () => {
      expect(embedded.source).toBe('embedded');
      expect(embedded.url).toBe(`postgresql://postgres:vocalia-embedded@127.0.0.1:${port}/vocalia`);
      expect(embedded.description).toContain(`embedded PostgreSQL on 127.0.0.1:${port}`);
      expect(await serverVersion(embedded.url)).toMatch(/^18\./);
    });

    it('when a server lets us in on the local port, then that server is used with the vocalia database', async () => {
      const startEmbedded = jest.fn();
      const r = await resolvePostgres({ local: { port, user: 'postgres', password: 'vocalia-embedded' }, startEmbedded });
      expect(r).toMatchObject({ source: 'local', url: `postgresql://postgres:vocalia-embedded@127.0.0.1:${port}/vocalia` });
      expect(startEmbedded).not.toHaveBeenCalled();
    });

    it('when the local server refuses our credentials, then an embedded one is used and the reason is said', async () => {
      const startEmbedded = jest.fn().mockResolvedValue({ url: 'postgresql://postgres:x@127.0.0.1:1/vocalia', port: 1, dataDir: '/tmp/x', stop: async () => undefined });
      const r = await resolvePostgres({ local: { port, user: 'postgres', password: 'wrong' }, startEmbedded });
      expect(r.source).toBe('embedded');
      expect(r.description).toContain(`the server on 127.0.0.1:${port} refused user postgres`);
    });
  });
});
