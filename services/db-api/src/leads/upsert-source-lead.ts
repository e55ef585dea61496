import type { IntegrationProvider } from '@vocalia/contracts';
import type { Lead, Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { isUniqueViolation } from '../unique-violation';

/** The lead mirroring a provider's contact (one per provider id), created new with score 0, then changed by `data`. */
export async function upsertSourceLead(deps: Deps, tenantId: string, source: { provider: IntegrationProvider; id: string }, data: (lead: Lead | null) => Prisma.LeadUpdateInput): Promise<Lead> {
  const where = { tenantId, sourceProvider: source.provider, sourceId: source.id };
  const existing = await deps.prisma.lead.findFirst({ where });
  if (existing) return deps.prisma.lead.update({ where: { id: existing.id }, data: data(existing) });
  try {
    return await deps.prisma.lead.create({ data: { ...where, score: 0, ...(data(null) as Omit<Prisma.LeadUncheckedCreateInput, 'score' | 'tenantId'>) } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const raced = await deps.prisma.lead.findFirstOrThrow({ where });
    return deps.prisma.lead.update({ where: { id: raced.id }, data: data(raced) });
  }
}
