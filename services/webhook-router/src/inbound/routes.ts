import express, { type Express } from 'express';
import type { InboundDeps } from './inbound-deps';
import { receiveStripeEvent } from './receive-stripe-event';

/** 1 MB, as raw bytes: signatures are checked on exactly what the provider sent. */
const rawBody = express.raw({ type: () => true, limit: '1mb' });

/** Mounted before the JSON parser (service kit `before`). Unknown providers fall through to the 404. */
export function registerInboundRoutes(app: Express, deps: InboundDeps): void {
  app.post('/webhooks/stripe', rawBody, async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await receiveStripeEvent(deps, raw, req.get('stripe-signature'));
    res.json({ received: true, duplicate: result.duplicate });
  });
}
