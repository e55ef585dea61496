import type { BillingLink } from '@vocalia/contracts';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { requireStripe } from './require-stripe';

/** Owner only. A Stripe customer-portal link: invoices, payment method, plan changes and cancellation. */
export async function openPortal(deps: Deps, auth: AuthContext): Promise<BillingLink> {
  const stripe = requireStripe(deps);
  const customer = await ensureStripeCustomer(deps, stripe, auth.tenantId);
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: `${deps.env.PUBLIC_BASE_URL}/app/billing` });
  return { url: session.url };
}
