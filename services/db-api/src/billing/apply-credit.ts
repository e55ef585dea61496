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
  const { applied, balanceCents } = await applyCredits(tx, entry.tenantId, [entry]);
  return { applied: applied > 0, balanceCents };
}

/**
 * In the caller's transaction: the entries of one tenant whose event ids are not in the ledger yet (each
 * once, in order, each with the balance it leaves) and the balance after them, with one lock of the
 * balance row, one look-up of the ids, one balance update and one multi-row insert.
 */
export async function applyCredits(
  tx: Prisma.TransactionClient,
  tenantId: string,
  entries: Omit<CreditEntryInput, 'tenantId'>[],
): Promise<{ applied: number; balanceCents: number }> {
  const locked = await tx.creditBalance.upsert({
    where: { tenantId },
    create: { tenantId, balanceCents: 0 },
    update: { balanceCents: { increment: 0 } },
  });
  const known = await tx.creditLedger.findMany({ where: { eventId: { in: entries.map((e) => e.eventId) } }, select: { eventId: true } });
  const seen = new Set(known.map((k) => k.eventId));
  let balanceCents = locked.balanceCents;
  const rows = [];
  for (const entry of entries) {
    if (seen.has(entry.eventId)) continue;
    seen.add(entry.eventId);
    balanceCents += entry.deltaCents;
    rows.push({ tenantId, deltaCents: entry.deltaCents, reason: entry.reason, balanceAfterCents: balanceCents, eventId: entry.eventId });
  }
  if (!rows.length) return { applied: 0, balanceCents };
  await tx.creditBalance.update({ where: { tenantId }, data: { balanceCents: { increment: balanceCents - locked.balanceCents } } });
  await tx.creditLedger.createMany({ data: rows });
  return { applied: rows.length, balanceCents };
}
