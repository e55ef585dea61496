import { TRIAL_DAYS } from '@vocalia/contracts';
import type { Prisma, Tenant } from '@vocalia/db';
import { grantTrialCredits } from './grant-trial-credits';

const DAY_MS = 86_400_000;

export interface OpenTrialTenantInput {
  ownerId: string;
  company: string;
  slug: string;
  now: Date;
}

/** A new tenant (starter, 14-day trial), its owner membership, its subscription and its trial credits, inside the caller's transaction. */
export async function openTrialTenant(tx: Prisma.TransactionClient, input: OpenTrialTenantInput): Promise<Tenant> {
  const trialEndsAt = new Date(input.now.getTime() + TRIAL_DAYS * DAY_MS);
  const tenant = await tx.tenant.create({ data: { name: input.company, slug: input.slug, plan: 'starter', status: 'trialing', trialEndsAt } });
  await tx.membership.create({ data: { userId: input.ownerId, tenantId: tenant.id, role: 'owner' } });
  await tx.subscription.create({ data: { tenantId: tenant.id, plan: 'starter', status: 'trialing', currentPeriodStart: input.now, currentPeriodEnd: trialEndsAt } });
  await grantTrialCredits(tx, tenant.id, tenant.plan);
  return tenant;
}
