import { z } from 'zod';

/**
 * The parts of providers' webhook payloads VocalIA reads. webhook-router checks the envelope before storing an
 * event (inbound_events.payload keeps the provider's body verbatim); db-api parses the same shapes to process it.
 * Loose: providers add fields freely.
 */

const Text = z.string().trim().min(1);
const Money = z.union([z.string(), z.number()]).transform((v) => Number(v)).pipe(z.number().nonnegative());

const ShopifyCustomer = z.looseObject({ email: Text.nullish(), phone: Text.nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() });
const ShopifyAddress = z.looseObject({ phone: Text.nullish() });

/** `orders/create`. */
export const ShopifyOrder = z.looseObject({
  id: z.union([z.number(), z.string()]).transform(String),
  name: z.string(),
  email: Text.nullish(),
  phone: Text.nullish(),
  total_price: Money,
  currency: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  checkout_token: z.string().nullish(),
  customer: ShopifyCustomer.nullish(),
  billing_address: ShopifyAddress.nullish(),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;

/** `checkouts/update` (an abandoned cart while `completed_at` is null). */
export const ShopifyCheckout = z.looseObject({
  token: Text,
  email: Text.nullish(),
  phone: Text.nullish(),
  total_price: Money,
  currency: z.string(),
  completed_at: z.string().nullish(),
  abandoned_checkout_url: z.string().nullish(),
  customer: ShopifyCustomer.nullish(),
  shipping_address: ShopifyAddress.nullish(),
  billing_address: ShopifyAddress.nullish(),
});
export type ShopifyCheckout = z.infer<typeof ShopifyCheckout>;

/** One event of a HubSpot webhook request (the body is an array of them). */
export const HubSpotEvent = z.looseObject({
  eventId: z.union([z.number(), z.string()]).transform(String),
  portalId: z.union([z.number(), z.string()]).transform(String),
  subscriptionType: z.string().min(1),
  objectId: z.union([z.number(), z.string()]).transform(String).optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
  occurredAt: z.number().optional(),
});
export type HubSpotEvent = z.infer<typeof HubSpotEvent>;
export const HubSpotBatch = z.array(HubSpotEvent).min(1).max(1000);

/** One event of a Klaviyo system webhook: `payload` has the shape of Klaviyo's Get Event answer. */
export const KlaviyoWebhookEvent = z.looseObject({
  external_id: Text,
  topic: Text,
  payload: z.looseObject({}),
});
export type KlaviyoWebhookEvent = z.infer<typeof KlaviyoWebhookEvent>;

export const KlaviyoWebhookBody = z.looseObject({
  data: z.array(KlaviyoWebhookEvent).min(1).max(1000),
  meta: z.looseObject({ klaviyo_account_id: Text, klaviyo_webhook_id: Text, timestamp: z.string().optional() }),
});
export type KlaviyoWebhookBody = z.infer<typeof KlaviyoWebhookBody>;
