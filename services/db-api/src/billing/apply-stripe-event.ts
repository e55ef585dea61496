import { PlanId, type InboundEventJob } from '@vocalia/contracts';
import type Stripe from 'stripe';
import type { Deps } from '../deps';
import { applyPaidPlan } from './apply-paid-plan';
import { toActive, toGrace } from './billing-moves';
import { moveTenantStatus } from './move-tenant-status';
import { stripeEventTenant } from './stripe-event-tenant';
import { subscriptionState } from './stripe-subscription-state';

const ACTOR = 'stripe';
export type StripeEventOutcome = 'applied' | 'ignored' | 'unknown_customer' | 'out_of_order' | 'already_processed';

async function apply(deps: Deps, tenantId: string, event: Stripe.Event): Promise<boolean> {
  const now = deps.clock();
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const plan = PlanId.safeParse(session.metadata?.plan).data;
      const subscription = typeof session.subscription === 'string' ? session.subscription : session.subscription?.id;
      if (!plan || session.status !== 'complete') return false;
      await applyPaidPlan(deps, tenantId, { plan, status: 'active', ...(subscription ? { stripeSubscriptionId: subscription } : {}) }, ACTOR);
      await moveTenantStatus(deps, tenantId, toActive(ACTOR));
      return true;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated': {
      const state = subscriptionState(event.data.object);
      if (!state) return false;
      await applyPaidPlan(deps, tenantId, state, ACTOR);
      if (state.status === 'active' || state.status === 'trialing') await moveTenantStatus(deps, tenantId, toActive(ACTOR));
      if (state.status === 'past_due' || state.status === 'unpaid') await moveTenantStatus(deps, tenantId, toGrace(now, 'payment_failed', ACTOR));
      return true;
    }
    case 'customer.subscription.deleted': {
      await deps.prisma.subscription.updateMany({ where: { tenantId }, data: { status: 'canceled' } });
      await moveTenantStatus(deps, tenantId, toGrace(now, 'subscription_canceled', ACTOR));
      return true;
    }
    case 'invoice.paid':
      await moveTenantStatus(deps, tenantId, toActive(ACTOR));
      return true;
    case 'invoice.payment_failed':
      await moveTenantStatus(deps, tenantId, toGrace(now, 'payment_failed', ACTOR));
      return true;
    default:
      return false;
  }
}

/**
 * One stored Stripe event (webhook-router verified and stored it), applied once: a processed event is
 * skipped, an event older than the newest one applied to the tenant's subscription changes nothing, an
 * event for a customer we do not know stays stored and is marked processed.
 */
export async function applyStripeEvent(deps: Deps, job: InboundEventJob): Promise<StripeEventOutcome> {
  const row = await deps.prisma.inboundEvent.findUnique({ where: { id: job.inboundEventId } });
  if (!row || row.provider !== 'stripe') return 'ignored';
  if (row.processedAt) return 'already_processed';
  const event = row.payload as unknown as Stripe.Event;
  const done = async (outcome: StripeEventOutcome, tenantId: string | null = row.tenantId) => {
    await deps.prisma.inboundEvent.updateMany({ where: { id: row.id, processedAt: null }, data: { processedAt: deps.clock(), tenantId } });
    return outcome;
  };
  const tenantId = row.tenantId ?? (await stripeEventTenant(deps, event.data.object as Parameters<typeof stripeEventTenant>[1]));
  if (!tenantId) {
    deps.logger.warn('stripe event for an unknown customer stored and ignored', { providerEventId: row.providerEventId, type: row.type });
    return done('unknown_customer', null);
  }
  const at = new Date(event.created * 1000);
  const subscription = await deps.prisma.subscription.findUnique({ where: { tenantId }, select: { stripeEventAt: true } });
  if (subscription?.stripeEventAt && at < subscription.stripeEventAt) return done('out_of_order', tenantId);
  const applied = await apply(deps, tenantId, event);
  if (applied) await deps.prisma.subscription.updateMany({ where: { tenantId }, data: { stripeEventAt: at } });
  return done(applied ? 'applied' : 'ignored', tenantId);
}
