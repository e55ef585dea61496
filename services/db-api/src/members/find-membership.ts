import type { Membership, Prisma } from '@vocalia/db';
import { notFound } from '@vocalia/service-kit';

/** The membership of `userId` in this tenant; a user of another tenant is "not found". */
export async function findMembership(db: Prisma.TransactionClient, tenantId: string, userId: string): Promise<Membership> {
  const membership = await db.membership.findFirst({ where: { tenantId, userId } });
  if (!membership) throw notFound('Member');
  return membership;
}

/** Inside a transaction: locks the tenant row so two concurrent demotions cannot both leave it without an owner. */
export async function lockTenantMembers(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM tenants WHERE id = ${tenantId} FOR UPDATE`;
}

export async function countOwners(tx: Prisma.TransactionClient, tenantId: string): Promise<number> {
  return tx.membership.count({ where: { tenantId, role: 'owner' } });
}
