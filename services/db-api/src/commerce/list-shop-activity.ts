import type { AbandonedCheckoutList, ShopOrderList } from '@vocalia/contracts';
import type { Deps } from '../deps';

const LIMIT = 100;

/** The newest orders Shopify sent, each with the lead it converted (same email or phone), if any. */
export async function listShopOrders(deps: Deps, tenantId: string): Promise<ShopOrderList> {
  const rows = await deps.prisma.shopOrder.findMany({ where: { tenantId }, orderBy: { orderedAt: 'desc' }, take: LIMIT });
  return {
    items: rows.map((r) => ({ id: r.id, externalId: r.externalId, name: r.name, email: r.email, phone: r.phone, totalPrice: r.totalPrice.toNumber(), currency: r.currency, leadId: r.leadId, orderedAt: r.orderedAt.toISOString() })),
  };
}

/** The newest checkouts left without an order, with their cart-recovery call and whether an order followed. */
export async function listAbandonedCheckouts(deps: Deps, tenantId: string): Promise<AbandonedCheckoutList> {
  const rows = await deps.prisma.abandonedCheckout.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take: LIMIT });
  return {
    items: rows.map((r) => ({
      id: r.id, email: r.email, phone: r.phone, totalPrice: r.totalPrice.toNumber(), currency: r.currency, recoveryUrl: r.recoveryUrl, callId: r.callId?.startsWith('claim:') ? null : r.callId,
      recoveredAt: r.recoveredAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
