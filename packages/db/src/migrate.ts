import { runSchemaEngine } from './engine/run-schema-engine';
import { MIGRATIONS_DIR } from './paths';

/**
 * Applies the pending migrations of prisma/migrations, recording them in `_prisma_migrations` exactly
 * as `prisma migrate deploy` does. Idempotent: a second run applies nothing. The database must exist
 * (see ensureDatabase); a non-empty database without `_prisma_migrations` is refused.
 */
export async function migrateDatabase(databaseUrl: string, opts: { migrationsDir?: string } = {}): Promise<{ applied: string[] }> {
  const { applied } = await runSchemaEngine({ op: 'apply', databaseUrl, migrationsDir: opts.migrationsDir ?? MIGRATIONS_DIR });
  return { applied };
}
