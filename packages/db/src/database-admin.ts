import { Client } from 'pg';

const DUPLICATE_DATABASE = '42P04';

function split(databaseUrl: string): { name: string; maintenanceUrl: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('database URL names no database');
  url.pathname = '/postgres';
  return { name, maintenanceUrl: url.toString() };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withMaintenance<T>(maintenanceUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL (through the `postgres` maintenance database) if it is missing. */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const { name, maintenanceUrl } = split(databaseUrl);
  return withMaintenance(maintenanceUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return { created: true };
    } catch (err) {
      // Another process created it between the check and the CREATE.
      if ((err as { code?: string }).code === DUPLICATE_DATABASE) return { created: false };
      throw err;
    }
  });
}

/** Drops the database named in the URL, disconnecting its sessions; for tests and throwaway databases. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { name, maintenanceUrl } = split(databaseUrl);
  await withMaintenance(maintenanceUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
