import type { BillingStatus } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { actorOf, type AuthContext } from '../access/auth-context';
import { recordAudit } from '../audit/record-audit';
import { getBillingStatus } from './get-billing-status';
import { requireStripe } from './require-stripe';

/** Owner only. Cancels the Stripe subscription at the end of the paid period; the plan holds until then. */
export async function cancelSubscription(deps: Deps, auth: AuthContext): Promise<BillingStatus> {
  const stripe = requireStripe(deps);
  const subscription = await deps.prisma.subscription.findUnique({ where: { tenantId: auth.tenantId } });
  if (!subscription?.stripeSubscriptionId || subscription.status === 'canceled') throw new AppError('CONFLICT', 'There is no running subscription to cancel');
  const updated = await stripe.subscriptions.update(subscription.stripeSubscriptionId, { cancel_at_period_end: true }, { idempotencyKey: `vocalia-cancel-${subscription.stripeSubscriptionId}` });
  const cancelAt = updated.cancel_at ?? updated.items.data[0]?.current_period_end ?? null;
  await deps.prisma.subscription.update({ where: { tenantId: auth.tenantId }, data: { cancelAt: cancelAt ? new Date(cancelAt * 1000) : null } });
  await recordAudit(deps, { tenantId: auth.tenantId, actor: actorOf(auth), action: 'billing.cancel_requested', target: `tenant:${auth.tenantId}`, meta: { cancelAt } });
  return getBillingStatus(deps, auth.tenantId);
}
