import type { UsageRecord } from '@vocalia/db';
import type { Deps } from '../deps';

const BATCH = 100;
/** Stripe refuses meter events older than 35 days: older rows are left alone instead of failing every pass. */
const MAX_AGE_MS = 35 * 86_400_000;

/** The meter a ledger row is billed on: telephony seconds, or a conversation past a quota that bills overage. */
const eventNameOf = (deps: Deps, record: UsageRecord) => (record.kind === 'conversation' ? deps.env.STRIPE_OVERAGE_METER_EVENT_NAME : deps.env.STRIPE_METER_EVENT_NAME);

/**
 * One pass of the meter reporter: telephony seconds and conversation overage not yet reported, of tenants
 * with a Stripe customer, each sent as one Billing Meter event whose `identifier` is our usage event id
 * (and the same idempotency key on every retry), so a retry after a timeout never bills twice;
 * `reportedAt` is set only once Stripe accepted it. A failure leaves the row for the next pass.
 */
export async function reportMeteredUsage(deps: Deps): Promise<{ reported: number; failed: number }> {
  if (!deps.stripe) return { reported: 0, failed: 0 };
  const backlog = await deps.prisma.usageRecord.findMany({
    where: {
      reportedAt: null,
      at: { gte: new Date(deps.clock().getTime() - MAX_AGE_MS) },
      OR: [{ kind: 'telephony_seconds' }, { kind: 'conversation', overage: true }],
      tenant: { stripeCustomerId: { not: null } },
    },
    orderBy: { at: 'asc' },
    take: BATCH,
    include: { tenant: { select: { stripeCustomerId: true } } },
  });
  let reported = 0;
  let failed = 0;
  for (const record of backlog) {
    try {
      await deps.stripe.billing.meterEvents.create(
        {
          event_name: eventNameOf(deps, record),
          identifier: record.eventId,
          timestamp: Math.floor(record.at.getTime() / 1000),
          payload: { stripe_customer_id: record.tenant.stripeCustomerId!, value: String(Math.ceil(Number(record.quantity.toString()))) },
        },
        { idempotencyKey: `vocalia-meter-${record.eventId}` },
      );
      await deps.prisma.usageRecord.updateMany({ where: { id: record.id, reportedAt: null }, data: { reportedAt: deps.clock() } });
      reported += 1;
    } catch (err) {
      failed += 1;
      deps.logger.warn('meter event not reported; retried next pass', { eventId: record.eventId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { reported, failed };
}
