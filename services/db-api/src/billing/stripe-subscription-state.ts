import { PlanId } from '@vocalia/contracts';
import type { SubscriptionStatus } from '@vocalia/db';
import type Stripe from 'stripe';
import type { SubscriptionState } from './apply-paid-plan';
import { planOfLookupKey } from './stripe-prices';

const STATUSES: SubscriptionStatus[] = ['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'];
const date = (sec: number | null | undefined) => (typeof sec === 'number' ? new Date(sec * 1000) : null);

/**
 * What a Stripe subscription object says: plan (the lookup key of its plan price, else our metadata), status,
 * period, cancellation. Null if no plan is recognised. The plan item is found among the metered ones by its key.
 */
export function subscriptionState(sub: Stripe.Subscription): SubscriptionState | null {
  const items = sub.items?.data ?? [];
  const item = items.find((i) => planOfLookupKey(i.price?.lookup_key) !== null) ?? items[0];
  const plan = planOfLookupKey(item?.price?.lookup_key) ?? PlanId.safeParse(sub.metadata?.plan).data ?? null;
  const status = STATUSES.find((s) => s === sub.status);
  if (!plan || !status) return null;
  return {
    plan,
    status,
    stripeSubscriptionId: sub.id,
    currentPeriodStart: date(item?.current_period_start),
    currentPeriodEnd: date(item?.current_period_end),
    cancelAt: date(sub.cancel_at) ?? (sub.cancel_at_period_end ? date(item?.current_period_end) : null),
  };
}
