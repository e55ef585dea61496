import { PLAN_IDS, PLANS, PlanId } from '@vocalia/contracts';
import type Stripe from 'stripe';

/** The lookup key of a plan's monthly price: how checkout finds it and how events name the plan. */
export const priceLookupKey = (plan: PlanId): string => `vocalia_${plan}_monthly`;

export function planOfLookupKey(key: string | null | undefined): PlanId | null {
  const found = PLAN_IDS.find((id) => priceLookupKey(id) === key);
  return found ?? null;
}

export async function findPlanPrice(stripe: Stripe, plan: PlanId): Promise<Stripe.Price | null> {
  const prices = await stripe.prices.list({ lookup_keys: [priceLookupKey(plan)], active: true, limit: 1 });
  return prices.data[0] ?? null;
}

/**
 * Creates, once, a product and a monthly EUR price per plan (lookup key per plan): a plan whose price
 * exists is left alone, so running it again changes nothing. Returns what it did per plan.
 */
export async function setupStripePrices(stripe: Stripe): Promise<Record<PlanId, 'exists' | 'created'>> {
  const done = {} as Record<PlanId, 'exists' | 'created'>;
  for (const id of PLAN_IDS) {
    if (await findPlanPrice(stripe, id)) {
      done[id] = 'exists';
      continue;
    }
    const plan = PLANS[id];
    const product = await stripe.products.create({ name: `VocalIA ${plan.name}`, metadata: { plan: id } }, { idempotencyKey: `vocalia-product-${id}` });
    await stripe.prices.create(
      { product: product.id, currency: 'eur', unit_amount: Math.round(plan.priceEurMonthly * 100), recurring: { interval: 'month' }, lookup_key: priceLookupKey(id), metadata: { plan: id } },
      { idempotencyKey: `vocalia-price-${id}-${plan.priceEurMonthly}` },
    );
    done[id] = 'created';
  }
  return done;
}
