import { AppError } from '@vocalia/service-kit';
import type Stripe from 'stripe';
import type { Deps } from '../deps';

/** The Stripe client, or 409 saying payments are not configured on this platform. */
export function requireStripe(deps: Deps): Stripe {
  if (!deps.stripe) throw new AppError('CONFLICT', 'Payments are not configured on this platform (no STRIPE_SECRET_KEY): ask the operator to change your plan');
  return deps.stripe;
}
