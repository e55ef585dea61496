import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreatePrismaOptions {
  /** Maximum connections in this process's pool (pg's `max`); default 10. */
  poolSize?: number;
  /** Run on this pg pool instead of one of its own (a service that also sends raw SQL shares its connections). */
  pool?: Pool;
}

/** A PrismaClient on node-postgres through the driver adapter: no native query engine, no download. */
export function createPrisma(databaseUrl: string, opts: CreatePrismaOptions = {}): Db {
  const adapter = new PrismaPg(opts.pool ?? { connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
