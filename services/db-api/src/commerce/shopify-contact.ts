import type { ShopifyCheckout, ShopifyOrder } from '@vocalia/contracts';

export interface ShopContact {
  email: string | null;
  /** E.164 (`+212661234599`) when the shop gave a number in international form, else null. */
  phone: string | null;
  name: string | null;
}

/** `+212 6 61-23 45 67` -> `+212661234567`; numbers without a country code cannot be dialled and give null. */
export function toE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/** Who bought or left the cart: the order's or checkout's own fields first, then the customer's, then the addresses'. */
export function shopContact(p: ShopifyOrder | ShopifyCheckout): ShopContact {
  const addressPhone = (p as ShopifyCheckout).shipping_address?.phone ?? p.billing_address?.phone;
  const rawPhone = [p.phone, p.customer?.phone, addressPhone].find((v) => toE164(v));
  const name = [p.customer?.first_name, p.customer?.last_name].filter(Boolean).join(' ');
  return { email: (p.email ?? p.customer?.email ?? null)?.toLowerCase() ?? null, phone: toE164(rawPhone), name: name || null };
}
