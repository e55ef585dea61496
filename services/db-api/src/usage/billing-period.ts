import type { Subscription } from '@vocalia/db';

export interface BillingPeriod {
  start: Date;
  end: Date;
  basis: 'subscription' | 'calendar_month';
}

/** The subscription's current period when it covers `now`, else the calendar month (UTC). */
export function billingPeriod(now: Date, subscription: Pick<Subscription, 'currentPeriodStart' | 'currentPeriodEnd'> | null): BillingPeriod {
  const start = subscription?.currentPeriodStart;
  const end = subscription?.currentPeriodEnd;
  if (start && end && start <= now && now < end) return { start, end, basis: 'subscription' };
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
    basis: 'calendar_month',
  };
}
