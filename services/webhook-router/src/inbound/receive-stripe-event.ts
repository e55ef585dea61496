import Stripe from 'stripe';
import { AppError } from '@vocalia/service-kit';
import type { InboundDeps } from './inbound-deps';
import { storeInboundEvent } from './store-inbound-event';

const TOLERANCE_SEC = 300;

function customerOf(event: Stripe.Event): string | null {
  const customer = (event.data.object as { customer?: unknown }).customer;
  if (typeof customer === 'string') return customer;
  return customer && typeof customer === 'object' && 'id' in customer && typeof customer.id === 'string' ? customer.id : null;
}

/** Verifies `Stripe-Signature` on the raw bytes (300 s tolerance), then stores and enqueues the event once. */
export async function receiveStripeEvent(deps: InboundDeps, raw: Buffer, signature: string | undefined): Promise<{ duplicate: boolean }> {
  if (!deps.stripeWebhookSecret) throw new AppError('UNAVAILABLE', 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
  if (!signature) throw new AppError('VALIDATION_FAILED', 'Stripe-Signature header is missing', { errors: [{ path: 'headers.stripe-signature', message: 'required' }] });
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(raw, signature, deps.stripeWebhookSecret, TOLERANCE_SEC);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Stripe-Signature does not match the body', { errors: [{ path: 'headers.stripe-signature', message: 'invalid signature' }] });
  }
  const customer = customerOf(event);
  const tenant = customer ? await deps.prisma.tenant.findUnique({ where: { stripeCustomerId: customer }, select: { id: true } }) : null;
  return storeInboundEvent(deps, { provider: 'stripe', providerEventId: event.id, type: event.type, tenantId: tenant?.id ?? null, payload: JSON.parse(raw.toString('utf8')) });
}
