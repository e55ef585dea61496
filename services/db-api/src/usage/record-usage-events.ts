import type { UsageEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';

/**
 * The usage ledger rows of a batch of events in one multi-row INSERT ... ON CONFLICT (event id) DO NOTHING
 * RETURNING: the unique event id makes a redelivery (or a copy in the same batch) a no-op. Events of an
 * unknown tenant are dropped. Tells, per event in order, whether this call wrote its row.
 */
export async function recordUsageEvents(deps: Deps, jobs: UsageEventJob[]): Promise<{ recorded: boolean }[]> {
  const tenantIds = [...new Set(jobs.map((j) => j.tenantId))];
  const known = new Set((await deps.prisma.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true } })).map((t) => t.id));
  for (const job of jobs) if (!known.has(job.tenantId)) deps.logger.warn('usage event for an unknown tenant dropped', { eventId: job.eventId, tenantId: job.tenantId });
  const rows = jobs.filter((j) => known.has(j.tenantId)).map((j) => ({ tenantId: j.tenantId, eventId: j.eventId, kind: j.kind, quantity: j.quantity, at: new Date(j.at) }));
  const written = rows.length ? await deps.prisma.usageRecord.createManyAndReturn({ data: rows, skipDuplicates: true, select: { eventId: true } }) : [];
  const fresh = new Set(written.map((r) => r.eventId));
  // A copy of an event inside the batch: only its first occurrence wrote the row.
  return jobs.map((j) => ({ recorded: fresh.delete(j.eventId) }));
}
