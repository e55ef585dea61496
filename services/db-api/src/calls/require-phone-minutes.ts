import { PLANS } from '@vocalia/contracts';
import type { Subscription } from '@vocalia/db';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { stoppedQuotas } from '../usage/monthly-quotas';

/** 402 QUOTA_EXCEEDED before anything is queued or dialled when this period's phone minutes are used up. */
export async function requirePhoneMinutes(deps: Deps, tenant: { id: string; plan: keyof typeof PLANS; subscription: Subscription | null }, now: Date): Promise<void> {
  const stopped = await stoppedQuotas(deps.prisma, tenant, tenant.subscription, now);
  if (!stopped.telephonyMinutesPerMonth) return;
  const limit = PLANS[tenant.plan].quotas.telephonyMinutesPerMonth;
  throw new AppError('QUOTA_EXCEEDED', `This period's ${limit} phone minutes are used up; calls resume at the next billing period`);
}
