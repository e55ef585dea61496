import type { ShopifyCheckout } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { maskPhoneNumber } from '../calls/mask-phone';
import { scheduleCartRecovery, type CartRecoveryOutcome } from './schedule-cart-recovery';
import { shopContact } from './shopify-contact';

export type CheckoutOutcome = 'completed' | 'already_ordered' | CartRecoveryOutcome;

/**
 * `checkouts/update` with no `completed_at`: the cart is recorded (one row per checkout token, kept current) and,
 * the first time, a cart-recovery call is scheduled when the tenant can call and the checkout has a phone.
 */
export async function recordAbandonedCheckout(deps: Deps, tenantId: string, checkout: ShopifyCheckout): Promise<CheckoutOutcome> {
  if (checkout.completed_at) return 'completed';
  if (await deps.prisma.shopOrder.findFirst({ where: { tenantId, checkoutToken: checkout.token }, select: { id: true } })) return 'already_ordered';
  const contact = shopContact(checkout);
  const fields = {
    email: contact.email, phone: contact.phone ? maskPhoneNumber(contact.phone) : null, totalPrice: checkout.total_price, currency: checkout.currency,
    recoveryUrl: checkout.abandoned_checkout_url ?? null,
  };
  const row = await deps.prisma.abandonedCheckout.upsert({
    where: { tenantId_token: { tenantId, token: checkout.token } },
    create: { tenantId, token: checkout.token, ...fields },
    update: fields,
  });
  if (row.callId || row.recoveredAt) return 'recorded';
  return scheduleCartRecovery(deps, tenantId, row.id, contact.phone);
}
