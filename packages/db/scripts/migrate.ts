// Applies pending migrations to DATABASE_URL (creating the database if missing), offline.
// Usage: DATABASE_URL=postgresql://... pnpm --filter @vocalia/db migrate
import { ensureDatabase, migrateDatabase } from '../src';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('db migrate: DATABASE_URL is not set. Fix: export DATABASE_URL=postgresql://user@host:5432/vocalia');
    process.exit(1);
  }
  const { created } = await ensureDatabase(databaseUrl);
  if (created) console.log('db migrate: created the database');
  const { applied } = await migrateDatabase(databaseUrl);
  console.log(applied.length ? `db migrate: applied ${applied.join(', ')}` : 'db migrate: up to date');
}

main().catch((err: unknown) => {
  console.error(`db migrate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
