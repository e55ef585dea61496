import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Prisma's migration folder prefix: UTC yyyyMMddHHmmss. */
export function migrationTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Names of the migration folders, oldest first (they sort by timestamp). */
export async function listMigrations(migrationsDir: string): Promise<string[]> {
  const names = await readdir(migrationsDir).catch(() => [] as string[]);
  const dirs: string[] = [];
  for (const name of names) {
    if ((await stat(join(migrationsDir, name))).isDirectory()) dirs.push(name);
  }
  return dirs.sort();
}

/** Name of the newest migration folder, or null when there is none. */
export async function lastMigration(migrationsDir: string): Promise<string | null> {
  return (await listMigrations(migrationsDir)).at(-1) ?? null;
}
