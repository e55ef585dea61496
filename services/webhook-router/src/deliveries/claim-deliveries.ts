import type { PgPool } from '@vocalia/db';
import type { SigningSecrets } from './sign-delivery';

/** A delivery whose next attempt this worker now owns, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** The event as sent: the stored jsonb's text, read as is (never parsed and serialised again). */
  body: string;
  /** This attempt's number (attempts made, including this one). */
  attempts: number;
  /** How long ago the delivery was recorded, at its claim (read on PostgreSQL's clock alone). */
  ageMs: number;
  endpoint: SigningSecrets & { id: string; url: string; failingSince: Date | null };
}

export type Claim = { kind: 'claimed'; delivery: ClaimedDelivery } | { kind: 'endpoint-disabled' } | { kind: 'skipped' };

export interface ClaimTimes {
  /** next_attempt_at up to this is due (a job fires a little before its row says). */
  dueBy: Date;
  /** The claimed rows' lease_until: neither a claim nor the sweeper takes them until then. */
  leaseUntil: Date;
  now: Date;
}

/**
 * One statement for a batch: locks the pending, due, unleased rows (in id order, so concurrent batches
 * cannot deadlock), fails those whose endpoint is disabled, and claims the rest by moving `attempts` to n+1
 * and leasing them. A row another batch claimed first is re-checked after its lock is released and is
 * leased. The claim writes no indexed column (attempts, lease_until, updated_at): a HOT update.
 */
const CLAIM_SQL = `
WITH candidate AS (
  SELECT d.id, e.enabled
  FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
  WHERE d.id = ANY($1::text[]) AND d.status = 'pending' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= $2)
    AND (d.lease_until IS NULL OR d.lease_until <= $4)
  ORDER BY d.id
  FOR UPDATE OF d
), disabled AS (
  UPDATE webhook_deliveries d SET status = 'failed', last_error = 'endpoint disabled', next_attempt_at = NULL, lease_until = NULL, updated_at = $4
  FROM candidate c WHERE d.id = c.id AND NOT c.enabled
  RETURNING d.id
), claimed AS (
  UPDATE webhook_deliveries d SET attempts = d.attempts + 1, lease_until = $3, updated_at = $4
  FROM candidate c WHERE d.id = c.id AND c.enabled
  RETURNING d.id, d.tenant_id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, d.created_at
)
SELECT c.id, c.tenant_id, c.endpoint_id, c.event_id, c.event_type, c.payload::text AS body, c.attempts,
       (extract(epoch FROM clock_timestamp() - c.created_at) * 1000)::float8 AS age_ms, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at, e.failing_since, false AS endpoint_disabled
FROM claimed c JOIN webhook_endpoints e ON e.id = c.endpoint_id
UNION ALL
SELECT id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true FROM disabled`;

interface ClaimRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  attempts: number;
  age_ms: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  endpoint_disabled: boolean;
}

function toClaim(r: ClaimRow): Claim {
  if (r.endpoint_disabled) return { kind: 'endpoint-disabled' };
  return {
    kind: 'claimed',
    delivery: {
      id: r.id,
      tenantId: r.tenant_id,
      endpointId: r.endpoint_id,
      eventId: r.event_id,
      eventType: r.event_type,
      body: r.body,
      attempts: r.attempts,
      ageMs: r.age_ms,
      endpoint: { id: r.endpoint_id, url: r.url, secret: r.secret, previousSecret: r.previous_secret, previousSecretExpiresAt: r.previous_secret_expires_at, failingSince: r.failing_since },
    },
  };
}

/**
 * Claims the next attempt of each delivery id, answering in the order asked; an id asked twice is claimed
 * once. `name` prepares the statement once per connection (undefined: parsed every time).
 */
export async function claimDeliveries(pool: PgPool, ids: string[], times: ClaimTimes, name: string | undefined): Promise<Claim[]> {
  const { rows } = await pool.query<ClaimRow>({ name, text: CLAIM_SQL, values: [[...new Set(ids)], times.dueBy, times.leaseUntil, times.now] });
  const byId = new Map(rows.map((r) => [r.id, toClaim(r)]));
  return ids.map((id) => {
    const claim = byId.get(id);
    byId.delete(id);
    return claim ?? { kind: 'skipped' };
  });
}
