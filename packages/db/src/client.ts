import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { statementNames } from './statement-names';

export type Db = PrismaClient;
export type PgPool = Pool;

export interface CreatePrismaOptions {
  /** Maximum connections in this process's pool (pg's `max`); default 10. */
  poolSize?: number;
  /** Run on this pg pool instead of one of its own (a service that also sends raw SQL shares its connections). */
  pool?: Pool;
  /**
   * Prepare each query shape once per connection (named statements; default true). Off for a pooler that
   * cannot keep them across transactions (PgBouncer in transaction mode before 1.21, or without
   * `max_prepared_statements`): each statement is then parsed and planned every time.
   */
  preparedStatements?: boolean;
}

/**
 * A PrismaClient on node-postgres through the driver adapter: no native query engine, no download.
 * `errorFormat: 'minimal'`: otherwise Prisma captures a stack trace on every query to point its error
 * messages at the caller's line (about 30 % of its client-side CPU for a raw query here); errors keep
 * their message and code, and the services' logs carry their own stacks.
 */
export function createPrisma(databaseUrl: string, opts: CreatePrismaOptions = {}): Db {
  const named = opts.preparedStatements ?? true;
  const adapter = new PrismaPg(opts.pool ?? { connectionString: databaseUrl, max: opts.poolSize ?? 10 }, named ? { statementNameGenerator: statementNames() } : {});
  return new PrismaClient({ adapter, errorFormat: 'minimal' });
}

/**
 * A raw statement's node-postgres `name` under DB_PREPARED_STATEMENTS: the name (prepared once per
 * connection) or undefined (parsed and planned every time, as a pooler without prepared statements needs).
 */
export const statementName =
  (prepared: boolean) =>
  (name: string): string | undefined =>
    prepared ? name : undefined;

/** A node-postgres pool for raw SQL beside Prisma on the same connections (pass it to createPrisma as `pool`). */
export function createPgPool(databaseUrl: string, opts: { poolSize?: number } = {}): PgPool {
  return new Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
}
