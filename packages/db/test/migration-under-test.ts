import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS_DIR, migrateDatabase } from '../src';
import { listMigrations } from '../src/migration-files';
import { freshDatabase } from './fresh-database';

export interface MigrationUnderTest {
  /** Runs SQL against the database and returns its rows. */
  query<T extends object>(sql: string): Promise<T[]>;
  /** Applies every migration before the one under test (a fresh database each time). */
  migrateToBefore(): Promise<void>;
  /** Applies the one under test and every later one; returns the names applied. */
  migrateRest(): Promise<string[]>;
  /** The names from the one under test to the newest. */
  readonly rest: string[];
  close(): Promise<void>;
}

/** A fresh database brought up to just before the migration whose folder name ends with `suffix`. */
export async function migrationUnderTest(suffix: string): Promise<MigrationUnderTest> {
  const db = await freshDatabase();
  const before = await mkdtemp(join(tmpdir(), 'vocalia-migrations-'));
  const all = await listMigrations(MIGRATIONS_DIR);
  const index = all.findIndex((name) => name.endsWith(suffix));
  if (index < 0) throw new Error(`no migration ends with ${suffix}`);
  return {
    async query<T extends object>(sql: string): Promise<T[]> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async migrateToBefore() {
      for (const name of all.slice(0, index)) await cp(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
      await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
      await migrateDatabase(db.url, { migrationsDir: before });
    },
    async migrateRest() {
      return (await migrateDatabase(db.url)).applied;
    },
    rest: all.slice(index),
    async close() {
      await db.drop();
      await rm(before, { recursive: true, force: true });
    },
  };
}
