import { randomUUID } from 'node:crypto';
import type { UsageEventJob } from '@vocalia/contracts';
import type { Deps } from '../deps';

/**
 * The usage ledger rows of a batch of events in one round trip: a multi-row INSERT ... ON CONFLICT
 * (event id) DO NOTHING RETURNING over the events of known tenants, so a redelivery (or a copy in the same
 * batch) writes nothing and an event of an unknown tenant is dropped. Tells, per event in order, whether
 * this call wrote its row.
 */
export async function recordUsageEvents(deps: Deps, jobs: UsageEventJob[]): Promise<{ recorded: boolean }[]> {
  const [result] = await deps.prisma.$queryRaw<{ written: string[] | null; known: string[] | null }[]>`
    WITH e AS (
      SELECT * FROM unnest(${jobs.map(() => randomUUID())}::text[], ${jobs.map((j) => j.tenantId)}::text[], ${jobs.map((j) => j.eventId)}::text[],
        ${jobs.map((j) => j.kind)}::text[], ${jobs.map((j) => j.quantity)}::numeric[], ${jobs.map((j) => j.at)}::timestamptz[]) AS e(id, tenant_id, event_id, kind, quantity, at)
    ), known AS (
      SELECT id FROM tenants WHERE id IN (SELECT tenant_id FROM e)
    ), written AS (
      INSERT INTO usage_records (id, tenant_id, event_id, kind, quantity, at)
      SELECT e.id, e.tenant_id, e.event_id, e.kind::usage_kind, e.quantity, e.at FROM e JOIN known ON known.id = e.tenant_id
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id
    )
    SELECT (SELECT array_agg(event_id) FROM written) AS written, (SELECT array_agg(id) FROM known) AS known`;
  const known = new Set(result?.known ?? []);
  for (const job of jobs) if (!known.has(job.tenantId)) deps.logger.warn('usage event for an unknown tenant dropped', { eventId: job.eventId, tenantId: job.tenantId });
  const fresh = new Set(result?.written ?? []);
  // A copy of an event inside the batch: only its first occurrence wrote the row.
  return jobs.map((j) => ({ recorded: fresh.delete(j.eventId) }));
}
