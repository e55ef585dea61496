import { migrationUnderTest, type MigrationUnderTest } from './migration-under-test';

describe('phone_numbers migration', () => {
  let migration: MigrationUnderTest;
  beforeAll(async () => {
    migration = await migrationUnderTest('_phone_numbers_call_settings');
  });
  afterAll(async () => {
    await migration.close();
  });

  test('when tenants listed numbers in the former free list, then each valid number becomes one row of the tenant that listed it first', async () => {
    await migration.migrateToBefore();
    await migration.query(`
      INSERT INTO tenants (id, slug, name, phone_numbers, created_at, updated_at) VALUES
        ('older', 'older', 'Older', ARRAY['+212522000001', ' +212522000002 ', '0522000003'], '2026-01-01', now()),
        ('newer', 'newer', 'Newer', ARRAY['+212522000001', '+33180000004', '+33180000004'], '2026-06-01', now()),
        ('none', 'none', 'None', ARRAY[]::text[], '2026-07-01', now());`);

    expect(await migration.migrateRest()).toEqual(migration.rest);
    const rows = await migration.query<{ tenant_id: string; number: string; twilio_sid: string | null }>('SELECT tenant_id, number, twilio_sid FROM phone_numbers ORDER BY number');
    expect(rows).toEqual([
      { tenant_id: 'older', number: '+212522000001', twilio_sid: null },
      { tenant_id: 'older', number: '+212522000002', twilio_sid: null },
      { tenant_id: 'newer', number: '+33180000004', twilio_sid: null },
    ]);
    const columns = await migration.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'tenants' AND column_name = 'phone_numbers'");
    expect(columns).toEqual([]);
  });
});
