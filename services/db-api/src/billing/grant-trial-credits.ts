import { PLANS, type PlanId } from '@vocalia/contracts';
import type { Prisma } from '@vocalia/db';
import { applyCredit } from './apply-credit';

/** In the registration transaction: the plan's trial credits, once per tenant (event id `trial:<tenant>`). */
export async function grantTrialCredits(tx: Prisma.TransactionClient, tenantId: string, plan: PlanId): Promise<void> {
  const cents = PLANS[plan].trialCreditCents;
  if (cents > 0) await applyCredit(tx, { tenantId, deltaCents: cents, reason: 'trial_grant', eventId: `trial:${tenantId}` });
}
