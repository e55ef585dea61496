export { createPgPool, createPrisma, statementName, type CreatePrismaOptions, type Db, type PgPool } from './client';
export { migrateDatabase } from './migrate';
export { ensureDatabase, dropDatabase } from './database-admin';
export { searchKnowledge, type KnowledgeSearch, type KnowledgeHit } from './knowledge-search';
export { normalizeEmail } from './email';
export { MIGRATIONS_DIR, SCHEMA_PATH } from './paths';
export * from './generated/prisma/client';
