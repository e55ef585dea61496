import type { ShopifyOrder } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/record-audit';
import { maskPhoneNumber } from '../calls/mask-phone';
import { findLeadByContact } from '../leads/find-lead-by-contact';
import { cancelCartRecovery } from './cancel-cart-recovery';
import { shopContact } from './shopify-contact';

/** `gid://shopify/Order/5678901234567` keeps every digit; the numeric `id` may lose some past 2^53 in JSON. */
const orderIdOf = (order: ShopifyOrder) => (typeof order.admin_graphql_api_id === 'string' ? order.admin_graphql_api_id.split('/').pop()! : order.id);

/**
 * `orders/create`: the order is recorded once (unique per shop order id) against the lead with the same email or
 * phone, which is marked won; the abandoned checkout it completes is marked recovered and its pending call dropped.
 */
export async function recordShopOrder(deps: Deps, tenantId: string, order: ShopifyOrder): Promise<'recorded' | 'duplicate'> {
  const contact = shopContact(order);
  const lead = await findLeadByContact(deps, tenantId, contact);
  const externalId = orderIdOf(order);
  const { count } = await deps.prisma.shopOrder.createMany({
    data: [{
      tenantId, externalId, name: order.name, email: contact.email, phone: contact.phone ? maskPhoneNumber(contact.phone) : null, totalPrice: order.total_price,
      currency: order.currency, checkoutToken: order.checkout_token ?? null, leadId: lead?.id ?? null, orderedAt: new Date(order.created_at),
    }],
    skipDuplicates: true,
  });
  if (order.checkout_token) await cancelCartRecovery(deps, tenantId, order.checkout_token);
  if (!count) return 'duplicate';
  if (lead && lead.status !== 'won') {
    await deps.prisma.lead.updateMany({ where: { id: lead.id, tenantId }, data: { status: 'won' } });
    await recordAudit(deps, { tenantId, actor: 'shopify', action: 'lead.status_changed', target: `lead:${lead.id}`, meta: { status: 'won', order: order.name } });
  }
  return 'recorded';
}
