import type { InboundEventJob } from '@vocalia/contracts';
import type { InboundEvent } from '@vocalia/db';
import type { Deps } from '../deps';

/** The stored event a job names, when it has a tenant and is not processed yet (a redelivered job finds it processed). */
export async function unprocessedEvent(deps: Deps, job: InboundEventJob): Promise<(InboundEvent & { tenantId: string }) | null> {
  const row = await deps.prisma.inboundEvent.findUnique({ where: { id: job.inboundEventId } });
  if (!row || row.provider !== job.provider || row.processedAt || !row.tenantId) return null;
  return row as InboundEvent & { tenantId: string };
}

/** Last step of processing: every step before it is idempotent, so a crash before this line only repeats them. */
export async function markProcessed(deps: Deps, id: string): Promise<void> {
  await deps.prisma.inboundEvent.updateMany({ where: { id, processedAt: null }, data: { processedAt: deps.clock() } });
}
