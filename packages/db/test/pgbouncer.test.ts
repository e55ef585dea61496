import { createPrisma, migrateDatabase, type Db } from '../src';
import { startPgBouncer, type PgBouncer } from '../testing';
import { freshDatabase } from './fresh-database';

/**
 * docs/operations.md: past a few db-api replicas, PgBouncer in transaction mode goes between them and
 * PostgreSQL, and before PgBouncer 1.21 (Debian 12 ships 1.18) DB_PREPARED_STATEMENTS=false. Each
 * transaction may run on another server connection there, so a statement prepared in one is unknown, or
 * already known, in the next.
 */
describe('Prisma through PgBouncer in transaction mode', () => {
  let database: { url: string; drop: () => Promise<void> };
  let pooler: PgBouncer;
  const clients: Db[] = [];
  beforeAll(async () => {
    database = await freshDatabase();
    await migrateDatabase(database.url);
    pooler = await startPgBouncer({ poolSize: 1 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await pooler?.stop();
    await database.drop();
  });

  /** Concurrent lookups (several client connections, one server connection) and locked interactive transactions, as db-api's writes take them. */
  async function workload(db: Db, slug: string) {
    const tenant = await db.tenant.create({ data: { name: 'Riad', slug } });
    const found = await Promise.all(Array.from({ length: 12 }, () => db.tenant.findUnique({ where: { slug } })));
    const renamed = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(42, hashtext(${tenant.id}))`;
          return tx.tenant.update({ where: { id: tenant.id }, data: { name: `Riad ${i}` } });
        }),
      ),
    );
    return { found: found.map((t) => t?.id), renamed: renamed.length, tenantId: tenant.id };
  }

  test('when prepared statements are off, then concurrent queries and interactive transactions all answer', async () => {
    const db = createPrisma(pooler.urlFor(database.url), { poolSize: 4, preparedStatements: false });
    clients.push(db);
    const result = await workload(db, 'riad-unprepared');
    expect(result.found).toEqual(Array(12).fill(result.tenantId));
    expect(result.renamed).toBe(6);
  });

  test('when prepared statements are on (the default, for PostgreSQL or PgBouncer 1.21+), then this pooler breaks them: the switch is needed', async () => {
    const db = createPrisma(pooler.urlFor(database.url), { poolSize: 4 });
    clients.push(db);
    await expect(workload(db, 'riad-prepared')).rejects.toThrow(/prepared statement/);
  });
});
