import type Stripe from 'stripe';

/** The two Billing Meters db-api reports to (their event names come from the environment). */
export interface MeterEventNames {
  telephony: string;
  overage: string;
}

async function findMeter(stripe: Stripe, eventName: string): Promise<Stripe.Billing.Meter | null> {
  for await (const meter of stripe.billing.meters.list({ status: 'active', limit: 100 })) {
    if (meter.event_name === eventName) return meter;
  }
  return null;
}

/**
 * The active Billing Meter receiving `eventName` events, created once: summing `value` per customer,
 * mapped by `stripe_customer_id` (what report-metered-usage sends). Only active meters are looked at:
 * one the operator deactivated is not reused.
 */
export async function ensureMeter(stripe: Stripe, eventName: string, displayName: string): Promise<{ meter: Stripe.Billing.Meter; done: 'exists' | 'created' }> {
  const found = await findMeter(stripe, eventName);
  if (found) return { meter: found, done: 'exists' };
  const meter = await stripe.billing.meters.create(
    {
      display_name: displayName,
      event_name: eventName,
      default_aggregation: { formula: 'sum' },
      customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
      value_settings: { event_payload_key: 'value' },
    },
    { idempotencyKey: `vocalia-meter-${eventName}` },
  );
  return { meter, done: 'created' };
}
