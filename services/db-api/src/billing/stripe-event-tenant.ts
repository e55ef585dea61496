import type { Deps } from '../deps';

interface StripeObject {
  customer?: unknown;
  metadata?: Record<string, string> | null;
  client_reference_id?: string | null;
}

const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value && typeof value.id === 'string' ? value.id : null;

/**
 * The tenant an event concerns: the one whose Stripe customer it names. A tenant named in our own
 * metadata counts only while it has no other customer (its first checkout), never across customers.
 */
export async function stripeEventTenant(deps: Deps, object: StripeObject): Promise<string | null> {
  const customer = idOf(object.customer);
  if (customer) {
    const byCustomer = await deps.prisma.tenant.findUnique({ where: { stripeCustomerId: customer }, select: { id: true } });
    if (byCustomer) return byCustomer.id;
  }
  const named = object.metadata?.tenantId ?? object.client_reference_id ?? null;
  if (!named || !customer) return null;
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: named }, select: { id: true, stripeCustomerId: true } });
  if (!tenant || tenant.stripeCustomerId !== null) return null;
  await deps.prisma.tenant.updateMany({ where: { id: tenant.id, stripeCustomerId: null }, data: { stripeCustomerId: customer } });
  return tenant.id;
}
