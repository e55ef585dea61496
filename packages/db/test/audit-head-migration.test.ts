import { migrationUnderTest, type MigrationUnderTest } from './migration-under-test';

describe('audit_head migration', () => {
  let migration: MigrationUnderTest;
  beforeAll(async () => {
    migration = await migrationUnderTest('_audit_head');
  });
  afterAll(async () => {
    await migration.close();
  });

  test('when audit rows exist before the migration, then each chain gets a head at its newest row with its row count', async () => {
    await migration.migrateToBefore();
    await migration.query(`
      INSERT INTO tenants (id, slug, name, updated_at) VALUES ('t1', 't1', 'T1', now()), ('t2', 't2', 'T2', now());
      INSERT INTO audit_logs (id, tenant_id, actor, action, hash) VALUES
        ('a', 't1', 'system', 'x', 'h1'), ('b', NULL, 'system', 'x', 'h2'), ('c', 't1', 'system', 'x', 'h3'), ('d', NULL, 'system', 'x', 'h4'), ('e', 't1', 'system', 'x', 'h5');`);

    expect(await migration.migrateRest()).toEqual(migration.rest);
    const heads = await migration.query('SELECT chain_key, tenant_id, hash, count::int AS count FROM audit_heads ORDER BY chain_key');
    expect(heads).toEqual([
      { chain_key: 'platform', tenant_id: null, hash: 'h4', count: 2 },
      { chain_key: 't1', tenant_id: 't1', hash: 'h5', count: 3 },
    ]);
  });
});
