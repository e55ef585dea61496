import { createPrisma, migrateDatabase, type Db } from '../src';
import { statementNames } from '../src/statement-names';
import { freshDatabase } from './fresh-database';

describe('statement names', () => {
  test('when a shape comes again, then it has the same name, within PostgreSQL identifier length; a bulk statement or a shape past the limit stays unnamed', () => {
    const name = statementNames({ shapes: 2, parameters: 3 });
    const first = name({ sql: 'SELECT 1 WHERE $1', args: [1] });
    expect(first).toMatch(/^p[0-9a-f]{40}$/);
    expect(name({ sql: 'SELECT 1 WHERE $1', args: [2] })).toBe(first);
    expect(name({ sql: 'SELECT 2', args: [] })).not.toBe(first);
    expect(name({ sql: 'INSERT ($1), ($2), ($3), ($4)', args: [1, 2, 3, 4] })).toBe('');
    expect(name({ sql: 'SELECT 3', args: [] })).toBe('');
    expect(name({ sql: 'SELECT 1 WHERE $1', args: [3] })).toBe(first);
  });
});

describe('Prisma on PostgreSQL with prepared statements', () => {
  let database: { url: string; drop: () => Promise<void> };
  const clients: Db[] = [];
  beforeAll(async () => {
    database = await freshDatabase();
    await migrateDatabase(database.url);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await database.drop();
  });

  /** The statements prepared in the session of a one-connection client (read on that same connection). */
  const prepared = (db: Db) => db.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;

  test('when the same query runs again, then its statement was prepared once in the connection and answers each time; switched off, nothing is prepared', async () => {
    const db = createPrisma(database.url, { poolSize: 1 });
    const unprepared = createPrisma(database.url, { poolSize: 1, preparedStatements: false });
    clients.push(db, unprepared);
    const tenant = await db.tenant.create({ data: { name: 'Riad', slug: 'riad-prepared' } });
    for (const client of [db, db, unprepared]) expect(await client.tenant.findUnique({ where: { slug: 'riad-prepared' } })).toMatchObject({ id: tenant.id });

    const lookups = (await prepared(db)).filter((s) => s.statement.includes('"tenants"') && s.statement.startsWith('SELECT'));
    expect(lookups).toHaveLength(1);
    expect(await prepared(unprepared)).toEqual([]);
  });
});
