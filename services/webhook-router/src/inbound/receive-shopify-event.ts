import { AppError } from '@vocalia/service-kit';
import { badSignature } from './bad-signature';
import { hmacSha256, signatureMatches } from './hmac-match';
import type { InboundDeps } from './inbound-deps';
import { storeInboundEvent } from './store-inbound-event';

export interface ShopifyHeaders {
  shopDomain?: string;
  hmac?: string;
  webhookId?: string;
  topic?: string;
}

/**
 * `X-Shopify-Hmac-Sha256` = base64(HMAC-SHA256(the shop's secret, raw body)), checked in constant time; the shop
 * (`X-Shopify-Shop-Domain`) names the tenant's connection. Stored once per `X-Shopify-Webhook-Id`.
 */
export async function receiveShopifyEvent(deps: InboundDeps, raw: Buffer, headers: ShopifyHeaders): Promise<{ duplicate: boolean }> {
  if (!deps.integrationSecrets) throw new AppError('UNAVAILABLE', 'Shopify webhooks are not configured');
  for (const [name, value] of [['x-shopify-shop-domain', headers.shopDomain], ['x-shopify-hmac-sha256', headers.hmac], ['x-shopify-webhook-id', headers.webhookId], ['x-shopify-topic', headers.topic]] as const) {
    if (!value) throw badSignature(`headers.${name}`, 'required');
  }
  const connection = await deps.integrationSecrets.find('shopify', headers.shopDomain!.toLowerCase());
  if (!connection) throw badSignature('headers.x-shopify-shop-domain', 'no VocalIA workspace connected this shop');
  if (!signatureMatches(headers.hmac!, hmacSha256(connection.secret, [raw], 'base64'))) throw badSignature('headers.x-shopify-hmac-sha256', 'does not match the body');
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badSignature('body', 'must be JSON');
  }
  return storeInboundEvent(deps, { provider: 'shopify', providerEventId: headers.webhookId!, type: headers.topic!, tenantId: connection.tenantId, payload: payload as object });
}
