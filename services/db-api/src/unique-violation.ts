import { Prisma } from '@vocalia/db';

/** True when a write failed on a unique index (Prisma P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
