import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS_DIR, migrateDatabase } from '../src';
import { listMigrations } from '../src/migration-files';
import { freshDatabase } from './fresh-database';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('audit_head migration', () => {
  let db: { url: string; drop: () => Promise<void> };
  let before: string;
  beforeAll(async () => {
    db = await freshDatabase();
    before = await mkdtemp(join(tmpdir(), 'vocalia-migrations-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(before, { recursive: true, force: true });
  });

  test('when audit rows exist before the migration, then each chain gets a head at its newest row with its row count', async () => {
    const all = await listMigrations(MIGRATIONS_DIR);
    const index = all.findIndex((name) => name.endsWith('_audit_head'));
    for (const name of all.slice(0, index)) await cp(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
    await migrateDatabase(db.url, { migrationsDir: before });
    await query(db.url, `
      INSERT INTO tenants (id, slug, name, updated_at) VALUES ('t1', 't1', 'T1', now()), ('t2', 't2', 'T2', now());
      INSERT INTO audit_logs (id, tenant_id, actor, action, hash) VALUES
        ('a', 't1', 'system', 'x', 'h1'), ('b', NULL, 'system', 'x', 'h2'), ('c', 't1', 'system', 'x', 'h3'), ('d', NULL, 'system', 'x', 'h4'), ('e', 't1', 'system', 'x', 'h5');`);

    expect((await migrateDatabase(db.url)).applied).toEqual(all.slice(index));
    const heads = await query(db.url, 'SELECT chain_key, tenant_id, hash, count::int AS count FROM audit_heads ORDER BY chain_key');
    expect(heads).toEqual([
      { chain_key: 'platform', tenant_id: null, hash: 'h4', count: 2 },
      { chain_key: 't1', tenant_id: 't1', hash: 'h5', count: 3 },
    ]);
  });
});
