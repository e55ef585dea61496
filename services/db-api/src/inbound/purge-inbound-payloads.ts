import type { Deps } from '../deps';

const DAY_MS = 86_400_000;
/** Rows cleared per statement: each batch is a short transaction, whatever the backlog. */
const BATCH = 1000;

/**
 * Clears the provider bodies (Stripe, Shopify, HubSpot, Klaviyo: names, emails, full phone numbers) of
 * inbound events processed more than INBOUND_PAYLOAD_RETENTION_DAYS ago. The row stays, with its provider
 * event id, so a late re-delivery is still recognised and acknowledged without being processed again.
 * Events never processed keep their body. Returns how many bodies were cleared.
 */
export async function purgeInboundPayloads(deps: Pick<Deps, 'prisma' | 'env' | 'clock'>): Promise<number> {
  const cutoff = new Date(deps.clock().getTime() - deps.env.INBOUND_PAYLOAD_RETENTION_DAYS * DAY_MS);
  let cleared = 0;
  for (;;) {
    const count = await deps.prisma.$executeRaw`
      UPDATE inbound_events SET payload = '{}'::jsonb WHERE id IN (
        SELECT id FROM inbound_events WHERE processed_at < ${cutoff} AND payload <> '{}'::jsonb LIMIT ${BATCH})`;
    cleared += count;
    if (count < BATCH) return cleared;
  }
}
