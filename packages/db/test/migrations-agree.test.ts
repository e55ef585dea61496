import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { MIGRATIONS_DIR, SCHEMA_PATH, migrateDatabase } from '../src';
import { runSchemaEngine } from '../src/engine/run-schema-engine';
import { lastMigration } from '../src/migration-files';
import { MIGRATION_SCHEMA_FILE } from '../src/paths';
import { freshDatabase } from './fresh-database';

// Objects the migrations add by hand because Prisma cannot express them (functions, triggers, partial indexes).
const HAND_WRITTEN = ['knowledge_search_config', 'knowledge_chunks_search_update', 'webhook_deliveries_pending_idx'];
const NOT_COMPARED = ['_prisma_migrations', ...HAND_WRITTEN];
// Table storage parameters the migrations set by hand: compared without them, then checked on their own.
const HAND_WRITTEN_STORAGE = [{ table: 'webhook_deliveries', clause: "WITH (fillfactor='80')" }];
const withoutStorage = (block: string) => HAND_WRITTEN_STORAGE.reduce((b, s) => b.replace(`\n${s.clause};`, ';'), block);

async function schemaDump(url: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--dbname', url]);
  // pg_dump heads every object with "-- Name: <name>; Type: <type>; ...": one block per object.
  // Session settings land in whichever block precedes them, and \restrict keys are random: drop both.
  const noise = /^(SET |SELECT pg_catalog\.set_config|\\(un)?restrict )/;
  const blocks = stdout.split(/\n--\n-- (?=Name: )/).slice(1);
  return blocks.map((block) => block.split('\n').filter((line) => !noise.test(line)).join('\n').trim());
}

const blockName = (block: string): string => block.slice(0, block.indexOf(';'));
const compared = (blocks: string[]) => blocks.filter((b) => !NOT_COMPARED.some((n) => blockName(b).includes(n))).map(withoutStorage);

async function schemaDiff(from: string | null, to: string, databaseUrl: string) {
  return runSchemaEngine({ op: 'diff', databaseUrl, from, to });
}

describe('migrations and schema.prisma', () => {
  const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];
  let schema: string;

  beforeAll(async () => {
    dbs.push(await freshDatabase(), await freshDatabase());
    schema = await readFile(SCHEMA_PATH, 'utf8');
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
  });

  test('when the migrations and the schema are each applied to an empty database, then both databases have the same schema', async () => {
    const [viaMigrations, viaSchema] = [dbs[0]!, dbs[1]!];
    await migrateDatabase(viaMigrations.url);
    const { sql } = await schemaDiff(null, schema, viaSchema.url);
    const client = new Client({ connectionString: viaSchema.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());

    const [a, b] = await Promise.all([schemaDump(viaMigrations.url), schemaDump(viaSchema.url)]);
    expect(compared(a)).toEqual(compared(b));
    expect(compared(a).length).toBeGreaterThan(100);
    for (const name of HAND_WRITTEN) expect(a.some((block) => blockName(block).includes(name))).toBe(true);
    for (const { table, clause } of HAND_WRITTEN_STORAGE) expect(a.find((block) => blockName(block) === `Name: ${table}`)).toContain(clause);
  });

  test('when schema.prisma is diffed against the schema saved with the last migration, then nothing differs', async () => {
    const last = await lastMigration(MIGRATIONS_DIR);
    expect(last).not.toBeNull();
    const saved = await readFile(join(MIGRATIONS_DIR, last ?? '', MIGRATION_SCHEMA_FILE), 'utf8');
    const diff = await schemaDiff(saved, schema, dbs[0]!.url);
    expect({ changed: diff.changed, sql: diff.sql.trim() }).toEqual({ changed: false, sql: '-- This is an empty migration.' });
  });

  test('when schema.prisma gains a field with no migration, then the diff reports it', async () => {
    const edited = schema.replace(/(model Tenant \{\n)/, '$1  nickname String?\n');
    const diff = await schemaDiff(schema, edited, dbs[0]!.url);
    expect(diff.changed).toBe(true);
    expect(diff.sql).toContain('ALTER TABLE "tenants" ADD COLUMN     "nickname" TEXT');
  });
});
