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

describe('phone_numbers migration', () => {
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

  test('when tenants listed numbers in the former free list, then each valid number becomes one row of the tenant that listed it first', async () => {
    const all = await listMigrations(MIGRATIONS_DIR);
    const index = all.findIndex((name) => name.endsWith('_phone_numbers_call_settings'));
    for (const name of all.slice(0, index)) await cp(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    await cp(join(MIGRATIONS_DIR, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
    await migrateDatabase(db.url, { migrationsDir: before });
    await query(db.url, `
      INSERT INTO tenants (id, slug, name, phone_numbers, created_at, updated_at) VALUES
        ('older', 'older', 'Older', ARRAY['+212522000001', ' +212522000002 ', '0522000003'], '2026-01-01', now()),
        ('newer', 'newer', 'Newer', ARRAY['+212522000001', '+33180000004', '+33180000004'], '2026-06-01', now()),
        ('none', 'none', 'None', ARRAY[]::text[], '2026-07-01', now());`);

    expect((await migrateDatabase(db.url)).applied).toEqual(all.slice(index));
    const rows = await query<{ tenant_id: string; number: string; twilio_sid: string | null }>(db.url, 'SELECT tenant_id, number, twilio_sid FROM phone_numbers ORDER BY number');
    expect(rows).toEqual([
      { tenant_id: 'older', number: '+212522000001', twilio_sid: null },
      { tenant_id: 'older', number: '+212522000002', twilio_sid: null },
      { tenant_id: 'newer', number: '+33180000004', twilio_sid: null },
    ]);
    const columns = await query<{ column_name: string }>(db.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'tenants' AND column_name = 'phone_numbers'");
    expect(columns).toEqual([]);
  });
});
