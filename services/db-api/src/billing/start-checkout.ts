import { PLANS, type BillingLink, type CheckoutRequest } from '@vocalia/contracts';
import { AppError, notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { requireStripe } from './require-stripe';
import { findMeteredPrices, findPlanPrice } from './stripe-prices';

/**
 * Owner only. A Stripe Checkout Session for a subscription to `plan`; the plan changes only when Stripe
 * confirms it (checkout.session.completed / customer.subscription.*), never here. The subscription also
 * carries the plan's metered prices, billed from the Billing Meter events the reporter sends.
 */
export async function startCheckout(deps: Deps, auth: AuthContext, input: CheckoutRequest): Promise<BillingLink> {
  const stripe = requireStripe(deps);
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: auth.tenantId }, select: { plan: true, status: true, subscription: true } });
  if (!tenant) throw notFound('Tenant');
  const paid = tenant.subscription?.stripeSubscriptionId && ['active', 'trialing', 'past_due'].includes(tenant.subscription.status);
  if (paid && tenant.plan === input.plan) throw new AppError('CONFLICT', `The ${PLANS[input.plan].name} plan is already the subscribed plan`);
  if (paid) throw new AppError('CONFLICT', 'A subscription is running: change or cancel it from the customer portal (POST /api/v1/billing/portal)');
  const price = await findPlanPrice(stripe, input.plan);
  const metered = await findMeteredPrices(stripe, input.plan);
  if (!price || !metered) throw new AppError('UNAVAILABLE', `No Stripe price for the ${input.plan} plan yet: the operator runs the price setup command`);
  const customer = await ensureStripeCustomer(deps, stripe, auth.tenantId);
  const back = `${deps.env.PUBLIC_BASE_URL}/app/billing`;
  const metadata = { tenantId: auth.tenantId, plan: input.plan };
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: auth.tenantId,
    // Metered prices (telephony seconds, conversation overage) take no quantity: the meters bill them.
    line_items: [{ price: price.id, quantity: 1 }, ...metered.map((m) => ({ price: m.id }))],
    success_url: `${back}?checkout=success`,
    cancel_url: `${back}?checkout=cancelled`,
    metadata,
    subscription_data: { metadata },
  });
  if (!session.url) throw new AppError('UPSTREAM_FAILED', 'Stripe returned a Checkout Session without a URL');
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'billing.checkout_started', target: `tenant:${auth.tenantId}`, meta: { plan: input.plan, session: session.id } });
  return { url: session.url };
}
