import type Stripe from 'stripe';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { ownerAddresses } from '../access/owner-addresses';

/** The tenant's Stripe customer, created once (idempotency key per tenant, id stored only if still unset). */
export async function ensureStripeCustomer(deps: Deps, stripe: Stripe, tenantId: string): Promise<string> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true, stripeCustomerId: true } });
  if (!tenant) throw notFound('Tenant');
  if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
  const [email] = await ownerAddresses(deps, tenantId);
  const customer = await stripe.customers.create({ name: tenant.name, ...(email ? { email } : {}), metadata: { tenantId } }, { idempotencyKey: `vocalia-customer-${tenantId}` });
  await deps.prisma.tenant.updateMany({ where: { id: tenantId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}
