import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, migrateDatabase } from '../src';
import { listMigrations } from '../src/migration-files';
import { MIGRATIONS_DIR } from '../src/paths';
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

describe('migrateDatabase', () => {
  const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];
  const tmpDirs: string[] = [];
  const fresh = async () => {
    const db = await freshDatabase();
    dbs.push(db);
    return db.url;
  };
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
    await Promise.all(tmpDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test('when run twice, then the second run applies nothing and the history is what prisma migrate deploy writes', async () => {
    const url = await fresh();
    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(await listMigrations(MIGRATIONS_DIR));
    expect(await migrateDatabase(url)).toEqual({ applied: [] });
    const rows = await query<{ migration_name: string; finished: boolean; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual(first.applied.map((name) => ({ migration_name: name, finished: true, rolled_back_at: null })));
  });

  test('when the database is missing, then ensureDatabase creates it once', async () => {
    const url = await fresh();
    const missing = url.replace(/vocalia_test_(\w+)$/, 'vocalia_test_$1_b');
    dbs.push({ url: missing, drop: () => dropDatabase(missing) });
    expect(await ensureDatabase(missing)).toEqual({ created: true });
    expect(await ensureDatabase(missing)).toEqual({ created: false });
    expect(await migrateDatabase(missing)).toEqual({ applied: await listMigrations(MIGRATIONS_DIR) });
  });

  test('when a migration fails halfway, then none of its statements remain and the failure is recorded', async () => {
    const url = await fresh();
    const dir = await mkdtemp(join(tmpdir(), 'vocalia-migrations-'));
    tmpDirs.push(dir);
    await mkdir(join(dir, '20260101000000_broken'));
    await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await writeFile(join(dir, '20260101000000_broken', 'migration.sql'), 'CREATE TABLE "kept" (id INT);\nSELECT no_such_function();\n');

    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/no_such_function/);
    expect(await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'kept'")).toEqual([]);
    const rows = await query<{ finished: boolean }>(url, 'SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations');
    expect(rows).toEqual([{ finished: false }]);
  });

  test('when the database already has tables but no migration history, then it is refused', async () => {
    const url = await fresh();
    await query(url, 'CREATE TABLE legacy (id INT)');
    await expect(migrateDatabase(url)).rejects.toThrow(/not empty|P3005/i);
  });
});
