import { ensureDatabase, migrateDatabase } from '@vocalia/db';
import type { Logger } from '@vocalia/service-kit';
import type { ResolvedPostgres } from './resolve-postgres';

/**
 * Create the database when missing (on a DATABASE_URL too, where the user may lack the right:
 * then the migration below says whether the database is there), then apply pending migrations.
 */
export async function prepareDatabase(pg: ResolvedPostgres, logger: Logger): Promise<{ applied: string[] }> {
  try {
    const { created } = await ensureDatabase(pg.url);
    if (created) logger.info('database created', { source: pg.source });
  } catch (err) {
    if (pg.source !== 'env') throw err;
    logger.warn('could not check or create the database named in DATABASE_URL', { error: err instanceof Error ? err.message : String(err) });
  }
  const { applied } = await migrateDatabase(pg.url);
  logger.info(applied.length ? 'migrations applied' : 'database schema up to date', { applied });
  return { applied };
}
