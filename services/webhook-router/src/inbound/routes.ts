import express, { type Express, type Request } from 'express';
import type { InboundDeps } from './inbound-deps';
import { receiveHubSpotEvents } from './receive-hubspot-events';
import { receiveKlaviyoEvents } from './receive-klaviyo-events';
import { receiveShopifyEvent } from './receive-shopify-event';
import { receiveStripeEvent } from './receive-stripe-event';

/** 1 MB, as raw bytes: signatures are checked on exactly what the provider sent. */
const rawBody = express.raw({ type: () => true, limit: '1mb' });
const bytesOf = (req: Request) => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/** Mounted before the JSON parser (service kit `before`). Unknown providers fall through to the 404. */
export function registerInboundRoutes(app: Express, deps: InboundDeps): void {
  app.post('/webhooks/stripe', rawBody, async (req, res) => {
    const result = await receiveStripeEvent(deps, bytesOf(req), req.get('stripe-signature'));
    res.json({ received: true, duplicate: result.duplicate });
  });
  app.post('/webhooks/shopify', rawBody, async (req, res) => {
    const headers = { shopDomain: req.get('x-shopify-shop-domain'), hmac: req.get('x-shopify-hmac-sha256'), webhookId: req.get('x-shopify-webhook-id'), topic: req.get('x-shopify-topic') };
    const result = await receiveShopifyEvent(deps, bytesOf(req), headers);
    res.json({ received: true, duplicate: result.duplicate });
  });
  app.post('/webhooks/hubspot', rawBody, async (req, res) => {
    const signed = { method: req.method, originalUrl: req.originalUrl, signature: req.get('x-hubspot-signature-v3'), timestamp: req.get('x-hubspot-request-timestamp') };
    const result = await receiveHubSpotEvents(deps, bytesOf(req), signed);
    res.json({ received: true, duplicate: result.duplicate });
  });
  app.post('/webhooks/klaviyo', rawBody, async (req, res) => {
    const headers = { signature: req.get('klaviyo-signature'), timestamp: req.get('klaviyo-timestamp'), webhookId: req.get('klaviyo-webhook-id') };
    const result = await receiveKlaviyoEvents(deps, bytesOf(req), headers);
    res.json({ received: true, duplicate: result.duplicate });
  });
}
