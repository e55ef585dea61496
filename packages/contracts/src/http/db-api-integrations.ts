import { z } from 'zod';
import { IsoDateTime } from './db-api-common';

/** Providers whose webhooks a tenant connects (`/webhooks/<provider>` on webhook-router). */
export const IntegrationProvider = z.enum(['shopify', 'hubspot', 'klaviyo']);
export type IntegrationProvider = z.infer<typeof IntegrationProvider>;

/** The provider's signing secret (Shopify app secret, HubSpot app client secret, Klaviyo webhook secret): stored encrypted, never shown again. */
const ProviderSecret = z.string().trim().min(16, 'at least 16 characters').max(256);

/** `POST /api/v1/integrations`: connect a provider (again: replaces the account and secret of that provider). */
export const ConnectIntegrationRequest = z.discriminatedUnion('provider', [
  z.strictObject({
    provider: z.literal('shopify'),
    /** The shop's permanent domain, as Shopify sends it in `X-Shopify-Shop-Domain`. */
    accountId: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/, "must be the shop's <name>.myshopify.com domain"),
    secret: ProviderSecret,
  }),
  z.strictObject({
    provider: z.literal('hubspot'),
    /** The HubSpot account (portal) id, as events carry it in `portalId`. */
    accountId: z.string().trim().regex(/^\d{1,20}$/, 'must be the HubSpot portal id (digits)'),
    secret: ProviderSecret,
  }),
  z.strictObject({
    provider: z.literal('klaviyo'),
    /** The Klaviyo account id (its public API key), as webhooks carry it in `meta.klaviyo_account_id`. */
    accountId: z.string().trim().regex(/^[A-Za-z0-9]{4,32}$/, 'must be the Klaviyo account id (letters and digits)'),
    secret: ProviderSecret,
  }),
]);
export type ConnectIntegrationRequest = z.infer<typeof ConnectIntegrationRequest>;

export const IntegrationView = z.object({
  id: z.string(),
  provider: IntegrationProvider,
  accountId: z.string(),
  /** Where to point the provider's webhooks. */
  webhookUrl: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type IntegrationView = z.infer<typeof IntegrationView>;

export const IntegrationList = z.object({ items: z.array(IntegrationView) });
export type IntegrationList = z.infer<typeof IntegrationList>;

export const ShopOrderView = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** Masked (`+2126****1234`). */
  phone: z.string().nullable(),
  totalPrice: z.number(),
  currency: z.string(),
  leadId: z.string().nullable(),
  orderedAt: IsoDateTime,
});
export type ShopOrderView = z.infer<typeof ShopOrderView>;

export const ShopOrderList = z.object({ items: z.array(ShopOrderView) });
export type ShopOrderList = z.infer<typeof ShopOrderList>;

export const AbandonedCheckoutView = z.object({
  id: z.string(),
  email: z.string().nullable(),
  /** Masked (`+2126****1234`). */
  phone: z.string().nullable(),
  totalPrice: z.number(),
  currency: z.string(),
  recoveryUrl: z.string().nullable(),
  /** The cart-recovery call queued for it (`/api/v1/calls/:id`), if any. */
  callId: z.string().nullable(),
  recoveredAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type AbandonedCheckoutView = z.infer<typeof AbandonedCheckoutView>;

export const AbandonedCheckoutList = z.object({ items: z.array(AbandonedCheckoutView) });
export type AbandonedCheckoutList = z.infer<typeof AbandonedCheckoutList>;
