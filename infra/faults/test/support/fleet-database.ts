import { Client } from 'pg';
import { ownServices } from './services';

/**
 * A pg client on the database db-api created for this file's fleet: the file's own PostgreSQL
 * holds exactly one `vocalia_e2e_*` database, so it is found by name.
 */
export async function connectFleetDatabase(): Promise<Client> {
  const admin = new Client({ connectionString: ownServices().postgres.url, connectionTimeoutMillis: 5000 });
  await admin.connect();
  let name: string | undefined;
  try {
    const rows = (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'vocalia_e2e_%'")).rows;
    if (rows.length !== 1) throw new Error(`expected one fleet database, found ${rows.length}`);
    name = rows[0]!.datname;
  } finally {
    await admin.end();
  }
  const url = new URL(ownServices().postgres.url);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000, query_timeout: 10_000 });
  await client.connect();
  return client;
}
