import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../src';

/** Server and credentials from DATABASE_URL (local trust auth by default); a new database name per call. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
  url.pathname = `/vocalia_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}
