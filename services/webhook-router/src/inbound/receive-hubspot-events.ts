import { HubSpotBatch } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import { badSignature } from './bad-signature';
import { hmacSha256, signatureMatches } from './hmac-match';
import type { InboundDeps } from './inbound-deps';
import { parseJsonBody } from './parse-json-body';
import { storeInboundEvents } from './store-inbound-event';

const MAX_AGE_MS = 5 * 60_000;
/** HubSpot signs the URI with these escapes decoded (its v3 validation guide). */
const DECODED: Record<string, string> = { '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';' };

export interface HubSpotRequest {
  method: string;
  /** Path and query as received (`req.originalUrl`). */
  originalUrl: string;
  signature?: string;
  timestamp?: string;
}

/** The public URL HubSpot called: the edge's base URL (PUBLIC_BASE_URL) and the path, escapes decoded as HubSpot does. */
function signedUri(publicBaseUrl: string, originalUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${originalUrl}`.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()]!);
}

/**
 * `X-HubSpot-Signature-v3` = base64(HMAC-SHA256(app secret, method + URI + body + `X-HubSpot-Request-Timestamp`)),
 * refused when the timestamp is more than 5 minutes away. Every event of the batch must come from the one portal
 * whose connection names the tenant; each is stored once (`<portal id>-<event id>`: BullMQ job ids take no colon).
 */
export async function receiveHubSpotEvents(deps: InboundDeps, raw: Buffer, req: HubSpotRequest): Promise<{ duplicate: boolean }> {
  if (!deps.integrationSecrets) throw new AppError('UNAVAILABLE', 'HubSpot webhooks are not configured');
  if (!req.signature) throw badSignature('headers.x-hubspot-signature-v3', 'required');
  const sentAt = Number(req.timestamp);
  if (!req.timestamp || !Number.isFinite(sentAt)) throw badSignature('headers.x-hubspot-request-timestamp', 'required (milliseconds since the epoch)');
  if (Math.abs(deps.clock().getTime() - sentAt) > MAX_AGE_MS) throw badSignature('headers.x-hubspot-request-timestamp', 'more than 5 minutes away');
  const events = parseJsonBody(HubSpotBatch, raw);
  const portalId = events[0]!.portalId;
  if (events.some((e) => e.portalId !== portalId)) throw badSignature('body', 'events from more than one portal');
  const connection = await deps.integrationSecrets.find('hubspot', portalId);
  if (!connection) throw badSignature('body.0.portalId', 'no VocalIA workspace connected this portal');
  const expected = hmacSha256(connection.secret, [req.method.toUpperCase(), signedUri(deps.publicBaseUrl, req.originalUrl), raw, req.timestamp], 'base64');
  if (!signatureMatches(req.signature, expected)) throw badSignature('headers.x-hubspot-signature-v3', 'does not match the request');
  const payloads = JSON.parse(raw.toString('utf8')) as object[];
  return storeInboundEvents(
    deps,
    events.map((e, i) => ({ provider: 'hubspot', providerEventId: `${portalId}-${e.eventId}`, type: e.subscriptionType, tenantId: connection.tenantId, payload: payloads[i]! })),
  );
}
