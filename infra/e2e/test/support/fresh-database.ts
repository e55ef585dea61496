import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateDatabase } from '@vocalia/db';
import { BASE_DATABASE_URL } from './test-env';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new PostgreSQL database (`vocalia_e2e_<random>`) with every migration applied. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/vocalia_e2e_${randomBytes(6).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

/** Every migration applied to the database named in `url` (created if missing); the caller owns the server, so nothing is dropped. */
export async function migratedDatabase(url: string): Promise<FreshDatabase> {
  await ensureDatabase(url);
  await migrateDatabase(url);
  return { url, drop: () => Promise.resolve() };
}
