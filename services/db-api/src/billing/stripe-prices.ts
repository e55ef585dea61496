import { PLAN_IDS, PLANS, planHasFeature, TELEPHONY_EUR_PER_MINUTE, type PlanId } from '@vocalia/contracts';
import type Stripe from 'stripe';
import { ensureMeter, type MeterEventNames } from './stripe-meters';

/** The lookup key of a plan's monthly price: how checkout finds it and how events name the plan. */
export const priceLookupKey = (plan: PlanId): string => `vocalia_${plan}_monthly`;
/** The metered price of telephony, per second (the meter receives seconds), shared by the plans with `telephony`. */
export const TELEPHONY_PRICE_LOOKUP_KEY = 'vocalia_telephony_seconds';
/** The metered price of a conversation past the plan's monthly quota, on plans that bill overage. */
export const overagePriceLookupKey = (plan: PlanId): string => `vocalia_${plan}_conversation_overage`;

/** Cents of EUR as Stripe's `unit_amount_decimal` (at most 12 decimals), without float noise: 0.24 EUR/min -> "0.4" per second. */
const centsDecimal = (cents: number): string => String(Number(cents.toFixed(12)));
const TELEPHONY_CENTS_PER_SECOND = centsDecimal((TELEPHONY_EUR_PER_MINUTE * 100) / 60);

export function planOfLookupKey(key: string | null | undefined): PlanId | null {
  const found = PLAN_IDS.find((id) => priceLookupKey(id) === key);
  return found ?? null;
}

async function findPrice(stripe: Stripe, lookupKey: string): Promise<Stripe.Price | null> {
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  return prices.data[0] ?? null;
}

export const findPlanPrice = (stripe: Stripe, plan: PlanId): Promise<Stripe.Price | null> => findPrice(stripe, priceLookupKey(plan));

/** The lookup keys of the metered prices a subscription to `plan` carries besides its monthly price. */
export function meteredLookupKeys(plan: PlanId): string[] {
  return [...(planHasFeature(plan, 'telephony') ? [TELEPHONY_PRICE_LOOKUP_KEY] : []), ...(PLANS[plan].conversationOverageEur === null ? [] : [overagePriceLookupKey(plan)])];
}

/** The metered prices of `plan`, all of them or null when the setup command has not created them yet. */
export async function findMeteredPrices(stripe: Stripe, plan: PlanId): Promise<Stripe.Price[] | null> {
  const prices: Stripe.Price[] = [];
  for (const key of meteredLookupKeys(plan)) {
    const price = await findPrice(stripe, key);
    if (!price) return null;
    prices.push(price);
  }
  return prices;
}

type Done = 'exists' | 'created';

/** A price found by its lookup key, else created once (with its own product) by `create`. */
async function ensurePrice(stripe: Stripe, lookupKey: string, productName: string, price: Omit<Stripe.PriceCreateParams, 'product' | 'lookup_key'>): Promise<Done> {
  if (await findPrice(stripe, lookupKey)) return 'exists';
  const product = await stripe.products.create({ name: productName, metadata: { lookupKey } }, { idempotencyKey: `vocalia-product-${lookupKey}` });
  await stripe.prices.create({ ...price, product: product.id, lookup_key: lookupKey }, { idempotencyKey: `vocalia-price-${lookupKey}-${price.unit_amount ?? price.unit_amount_decimal}` });
  return 'created';
}

/**
 * Creates, once, everything checkout and the meter reporter need in Stripe: a monthly EUR price per plan,
 * the two Billing Meters (telephony seconds, conversation overage), the telephony price per second on the
 * telephony meter and a conversation overage price per plan that bills overage on the overage meter, each
 * found again by lookup key (meters by event name), so running it again creates nothing. Returns what it did per item.
 */
export async function setupStripePrices(stripe: Stripe, meters: MeterEventNames): Promise<Record<string, Done>> {
  const done: Record<string, Done> = {};
  for (const id of PLAN_IDS) {
    const plan = PLANS[id];
    done[priceLookupKey(id)] = await ensurePrice(stripe, priceLookupKey(id), `VocalIA ${plan.name}`, {
      currency: 'eur',
      unit_amount: Math.round(plan.priceEurMonthly * 100),
      recurring: { interval: 'month' },
      metadata: { plan: id },
    });
  }
  const telephony = await ensureMeter(stripe, meters.telephony, 'VocalIA telephony seconds');
  done[`meter ${meters.telephony}`] = telephony.done;
  const overage = await ensureMeter(stripe, meters.overage, 'VocalIA conversation overage');
  done[`meter ${meters.overage}`] = overage.done;
  done[TELEPHONY_PRICE_LOOKUP_KEY] = await ensurePrice(stripe, TELEPHONY_PRICE_LOOKUP_KEY, 'VocalIA telephony minutes', {
    currency: 'eur',
    unit_amount_decimal: TELEPHONY_CENTS_PER_SECOND,
    recurring: { interval: 'month', usage_type: 'metered', meter: telephony.meter.id },
  });
  for (const id of PLAN_IDS) {
    const eur = PLANS[id].conversationOverageEur;
    if (eur === null) continue;
    done[overagePriceLookupKey(id)] = await ensurePrice(stripe, overagePriceLookupKey(id), `VocalIA ${PLANS[id].name} conversation overage`, {
      currency: 'eur',
      unit_amount_decimal: centsDecimal(eur * 100),
      recurring: { interval: 'month', usage_type: 'metered', meter: overage.meter.id },
      metadata: { plan: id },
    });
  }
  return done;
}
