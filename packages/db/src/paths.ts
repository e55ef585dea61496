import { join } from 'node:path';

/** The package root, resolved from this file so it works from src/ under tsx, jest and node alike. */
export const PACKAGE_DIR = join(__dirname, '..');
export const SCHEMA_PATH = join(PACKAGE_DIR, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = join(PACKAGE_DIR, 'prisma', 'migrations');
/** Each migration folder keeps the schema it was generated from, so the next one can be diffed offline. */
export const MIGRATION_SCHEMA_FILE = 'schema.prisma';
