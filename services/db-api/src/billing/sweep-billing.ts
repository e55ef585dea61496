import type { Deps } from '../deps';
import { toGrace, toRestricted } from './billing-moves';
import { moveTenantStatus } from './move-tenant-status';

const BATCH = 200;
const ACTOR = 'system:billing-sweeper';

/** One pass: trials past their end -> grace; grace past its end -> restricted. Safe to run on every replica at once. */
export async function sweepBilling(deps: Deps): Promise<{ toGrace: number; restricted: number }> {
  const now = deps.clock();
  const trialsOver = await deps.prisma.tenant.findMany({ where: { status: 'trialing', trialEndsAt: { lte: now } }, select: { id: true }, take: BATCH });
  let graced = 0;
  for (const t of trialsOver) if (await moveTenantStatus(deps, t.id, toGrace(now, 'trial_ended', ACTOR))) graced += 1;
  const graceOver = await deps.prisma.tenant.findMany({ where: { status: 'past_due', graceEndsAt: { lte: now } }, select: { id: true }, take: BATCH });
  let restricted = 0;
  for (const t of graceOver) if (await moveTenantStatus(deps, t.id, toRestricted(ACTOR))) restricted += 1;
  return { toGrace: graced, restricted };
}
