import type { Prisma } from '@vocalia/db';

export interface CreditEntryInput {
  tenantId: string;
  deltaCents: number;
  reason: string;
  /** Idempotency key of the cause (`trial:<tenant>`, `usage:<usage event>`): a second entry with it changes nothing. */
  eventId: string;
}

/**
 * In the caller's transaction: one ledger entry and the balance it leaves. The balance row is locked
 * first, so concurrent entries of one tenant are serialised and `balanceAfterCents` is exact.
 */
export async function applyCredit(tx: Prisma.TransactionClient, entry: CreditEntryInput): Promise<{ applied: boolean; balanceCents: number }> {
  const locked = await tx.creditBalance.upsert({
    where: { tenantId: entry.tenantId },
    create: { tenantId: entry.tenantId, balanceCents: 0 },
    update: { balanceCents: { increment: 0 } },
  });
  if (await tx.creditLedger.findUnique({ where: { eventId: entry.eventId }, select: { id: true } })) {
    return { applied: false, balanceCents: locked.balanceCents };
  }
  const balance = await tx.creditBalance.update({ where: { tenantId: entry.tenantId }, data: { balanceCents: { increment: entry.deltaCents } } });
  await tx.creditLedger.create({
    data: { tenantId: entry.tenantId, deltaCents: entry.deltaCents, reason: entry.reason, balanceAfterCents: balance.balanceCents, eventId: entry.eventId },
  });
  return { applied: true, balanceCents: balance.balanceCents };
}
