import { spawnDbApi } from './support/spawn-db-api';

describe('db-api as a process', () => {
  it('when started on an empty database, then it migrates, reports ready, serves, and stops cleanly on SIGTERM', async () => {
    const db = await spawnDbApi({ logLevel: 'info' });
    try {
      const ready = await fetch(`${db.baseUrl}/ready`);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
      const plans = await fetch(`${db.baseUrl}/api/v1/plans`);
      expect(plans.status).toBe(200);
      expect(db.output()).toContain('database migrated');
      expect(db.output()).toMatch(/ephemeral RS256 key pair/);
      db.child.kill('SIGTERM');
      expect(await db.exited).toBe(0);
      expect(db.output()).toContain('"message":"stopped"');
    } finally {
      await db.stop();
    }
  }, 60_000);
});
