import type { CreditEntryList } from '@vocalia/contracts';
import type { Deps } from '../deps';

const LIMIT = 100;

/** The newest credit ledger entries of the tenant (grants and burns), newest first. */
export async function listCreditEntries(deps: Deps, tenantId: string): Promise<CreditEntryList> {
  const rows = await deps.prisma.creditLedger.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LIMIT });
  return { items: rows.map((r) => ({ id: r.id, deltaCents: r.deltaCents, reason: r.reason, balanceAfterCents: r.balanceAfterCents, createdAt: r.createdAt.toISOString() })) };
}
