import type { Deps } from '../deps';

/** The tenant's numbers (E.164), oldest first: what snapshots and tenant settings show. */
export async function tenantPhoneNumbers(deps: Pick<Deps, 'prisma'>, tenantId: string): Promise<string[]> {
  const rows = await deps.prisma.phoneNumber.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { number: true } });
  return rows.map((r) => r.number);
}
