import type { Prisma } from '@vocalia/db';

// Namespace of the advisory locks serialising quota-checked writes per tenant (first key of pg_advisory_xact_lock(int, int)).
const QUOTA_LOCK_SPACE = 7_310_002;

/**
 * Inside a transaction: waits for the tenant's other quota-checked writes (agents, knowledge) to commit,
 * so a count-then-insert cannot overshoot a plan quota under concurrent requests, across replicas.
 */
export async function lockTenantWrites(tx: Prisma.TransactionClient, tenantId: string, what: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK_SPACE}::int, hashtext(${`${tenantId}:${what}`}))`;
}
