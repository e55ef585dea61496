import type Stripe from 'stripe';
import { subscriptionState } from '../src/billing/stripe-subscription-state';

const item = (lookupKey: string, periodStart = 1_700_000_000) => ({ id: `si_${lookupKey}`, price: { id: `price_${lookupKey}`, lookup_key: lookupKey }, current_period_start: periodStart, current_period_end: periodStart + 30 * 86_400 });
const subscription = (items: ReturnType<typeof item>[]) =>
  ({ id: 'sub_1', object: 'subscription', status: 'active', metadata: {}, cancel_at: null, cancel_at_period_end: false, items: { object: 'list', data: items } }) as unknown as Stripe.Subscription;

describe('subscriptionState', () => {
  it('when the metered items come before the plan item, then the plan is read from the plan price', () => {
    const state = subscriptionState(subscription([item('vocalia_telephony_seconds', 1), item('vocalia_telephony_conversation_overage', 1), item('vocalia_telephony_monthly')]));
    expect(state).toMatchObject({ plan: 'telephony', status: 'active', currentPeriodStart: new Date(1_700_000_000_000) });
  });
});
