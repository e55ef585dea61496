import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE } from '@vocalia/contracts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@vocalia/launcher';
import { freePort } from '@vocalia/launcher/src/ports';
import { eventually } from './support';
import { PASSWORD } from './support/integrator';
import { deleteKeys } from './support/redis-keys';
import { reserveServer } from './support/reserved-server';
import { startDbApi } from './support/start-db-api';
import { Teardown } from './support/teardown';
import { uniquePrefix } from './support/test-env';

async function expectStatus(url: string, status: number): Promise<Response> {
  const res = await fetch(url);
  if (res.status !== status) throw new Error(`GET ${url}: ${res.status}, expected ${status}: ${await res.text()}`);
  return res;
}

describe('db-api readiness across a PostgreSQL restart', () => {
  it('when PostgreSQL goes away, then /ready is 503 naming it, and it recovers by itself when PostgreSQL returns', async () => {
    const teardown = new Teardown();
    const prefix = uniquePrefix('pg-restart');
    const port = await freePort();
    const dataDir = join(tmpdir(), `vocalia-e2e-pg-${randomBytes(5).toString('hex')}`);
    // One slot, refilled on restart: whatever PostgreSQL runs when the test ends is stopped, then its files go.
    let pg: EmbeddedPostgres | undefined;
    teardown.add('storage', { close: async () => void rmSync(dataDir, { recursive: true, force: true }) });
    teardown.add('storage', { close: async () => void (await pg?.stop()) });
    teardown.add('storage', { close: () => deleteKeys(prefix) });
    try {
      pg = await startEmbeddedPostgres({ port, database: 'vocalia', dataDir });
      const server = teardown.add('servers', await reserveServer());
      const dbApi = teardown.add('services', await startDbApi({ publicBaseUrl: server.url, queuePrefix: prefix, databaseUrl: pg.url }));
      server.serve(dbApi.handler);
      const ready = `${server.url}/ready`;
      // Ready once its first PostgreSQL and Redis connections answer, which a busy machine may take a while to give.
      await eventually(() => expectStatus(ready, 200), 30_000);

      await pg.stop();
      pg = undefined;
      const down = await eventually(() => expectStatus(ready, 503), 10_000);
      expect(down.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      const problem = (await down.json()) as { detail: string };
      expect(problem.detail).toMatch(/^postgres down: /);
      expect(problem.detail).not.toContain('redis');

      pg = await startEmbeddedPostgres({ port, database: 'vocalia', dataDir });
      await eventually(() => expectStatus(ready, 200), 15_000);
      const register = await fetch(`${server.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `owner.${randomBytes(5).toString('hex')}@pg-restart.example`, password: PASSWORD, company: 'Cabinet Atlas' }),
      });
      expect(register.status).toBe(201);
    } finally {
      await teardown.run();
    }
  }, 120_000);
});
