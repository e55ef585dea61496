import { KlaviyoWebhookBody } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import { badSignature } from './bad-signature';
import { hmacSha256, signatureMatches } from './hmac-match';
import type { InboundDeps } from './inbound-deps';
import { parseJsonBody } from './parse-json-body';
import { storeInboundEvents } from './store-inbound-event';

const MAX_AGE_MS = 5 * 60_000;

export interface KlaviyoHeaders {
  signature?: string;
  timestamp?: string;
  webhookId?: string;
}

/** `Klaviyo-Timestamp` as an ISO date, or Unix seconds or milliseconds. */
function sentAtMs(timestamp: string): number {
  if (/^\d+$/.test(timestamp)) return timestamp.length > 11 ? Number(timestamp) : Number(timestamp) * 1000;
  return Date.parse(timestamp);
}

/**
 * `Klaviyo-Signature` = hex(HMAC-SHA256(webhook secret, raw body + `Klaviyo-Timestamp`)), refused when the timestamp is
 * more than 5 minutes away or `meta.klaviyo_webhook_id` differs from `Klaviyo-Webhook-Id`. The account
 * (`meta.klaviyo_account_id`) names the tenant's connection; each event is stored once (its `external_id`).
 */
export async function receiveKlaviyoEvents(deps: InboundDeps, raw: Buffer, headers: KlaviyoHeaders): Promise<{ duplicate: boolean }> {
  if (!deps.integrationSecrets) throw new AppError('UNAVAILABLE', 'Klaviyo webhooks are not configured');
  if (!headers.signature) throw badSignature('headers.klaviyo-signature', 'required');
  if (!headers.webhookId) throw badSignature('headers.klaviyo-webhook-id', 'required');
  const sentAt = headers.timestamp ? sentAtMs(headers.timestamp) : NaN;
  if (!Number.isFinite(sentAt)) throw badSignature('headers.klaviyo-timestamp', 'required (a date)');
  if (Math.abs(deps.clock().getTime() - sentAt) > MAX_AGE_MS) throw badSignature('headers.klaviyo-timestamp', 'more than 5 minutes away');
  const body = parseJsonBody(KlaviyoWebhookBody, raw);
  if (body.meta.klaviyo_webhook_id !== headers.webhookId) throw badSignature('body.meta.klaviyo_webhook_id', 'differs from Klaviyo-Webhook-Id');
  const connection = await deps.integrationSecrets.find('klaviyo', body.meta.klaviyo_account_id);
  if (!connection) throw badSignature('body.meta.klaviyo_account_id', 'no VocalIA workspace connected this account');
  if (!signatureMatches(headers.signature.toLowerCase(), hmacSha256(connection.secret, [raw, headers.timestamp!], 'hex'))) throw badSignature('headers.klaviyo-signature', 'does not match the body');
  const items = (JSON.parse(raw.toString('utf8')) as { data: object[] }).data;
  return storeInboundEvents(
    deps,
    body.data.map((e, i) => ({ provider: 'klaviyo', providerEventId: e.external_id, type: e.topic, tenantId: connection.tenantId, payload: items[i]! })),
  );
}
