import type { Prisma } from '@vocalia/db';

/** Statuses of a call that holds a line (or is about to). */
const ACTIVE_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress'];
/** A call row left active past its maximum length plus this margin is a lost status callback, not a live call. */
const STALE_MARGIN_MS = 5 * 60_000;

/** The tenant's calls holding a line now, inbound and outbound (a stale row, its end never heard of, excluded). */
export function activeCallsWhere(tenant: { id: string; maxCallSeconds: number }, now: Date): Prisma.CallWhereInput {
  return { tenantId: tenant.id, endedAt: null, status: { in: ACTIVE_STATUSES }, startedAt: { lte: now, gt: new Date(now.getTime() - tenant.maxCallSeconds * 1000 - STALE_MARGIN_MS) } };
}
