import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreatePrismaOptions {
  /** Maximum connections in this process's pool (pg's `max`); default 10. */
  poolSize?: number;
}

/** A PrismaClient on node-postgres through the driver adapter: no native query engine, no download. */
export function createPrisma(databaseUrl: string, opts: CreatePrismaOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
