import { GRACE_DAYS, type BillingStatusReason } from '@vocalia/contracts';
import type { StatusMove } from './move-tenant-status';

const DAY_MS = 86_400_000;

/** Trial over, credits used up, a payment failed or the subscription ended: the tenant keeps working for GRACE_DAYS. */
export function toGrace(now: Date, reason: BillingStatusReason, actor: string): StatusMove {
  const paidBefore = reason === 'payment_failed' || reason === 'subscription_canceled';
  const from: StatusMove['from'] = paidBefore ? ['trialing', 'active'] : ['trialing'];
  return { from, to: 'past_due', reason, graceEndsAt: new Date(now.getTime() + GRACE_DAYS * DAY_MS), actor };
}

/** Grace over without payment: the widget answers that the assistant is unavailable. */
export const toRestricted = (actor: string): StatusMove => ({ from: ['past_due'], to: 'suspended', actor });

/** Payment confirmed (or the operator's command): back to normal from any state. */
export const toActive = (actor: string): StatusMove => ({ from: ['trialing', 'past_due', 'suspended'], to: 'active', reason: null, graceEndsAt: null, actor });
