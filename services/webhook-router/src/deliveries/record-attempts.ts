import { randomUUID } from 'node:crypto';
import type { PgPool } from '@vocalia/db';

/** What one attempt changes: its log line, its delivery, and what it says about the endpoint. */
export interface AttemptRecord {
  tenantId: string;
  deliveryId: string;
  endpointId: string;
  attempt: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  response: string | null;
  status: 'pending' | 'delivered' | 'failed';
  lastError: string | null;
  nextAttemptAt: Date | null;
  /** clear: it answered 2xx; fail: failing since now unless already; gone / failing: disable it for that reason. */
  endpoint: 'clear' | 'fail' | 'gone' | 'failing';
}

/**
 * One statement for a batch: inserts the attempts, moves the deliveries, and changes only the endpoints
 * whose state changes (a healthy endpoint's row is not written). Rows are locked in id order so
 * concurrent batches cannot deadlock.
 */
const RECORD_SQL = `
WITH v AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::delivery_status[], $10::text[], $11::timestamptz[])
    AS v(attempt_id, tenant_id, delivery_id, attempt, status_code, latency_ms, error, response, status, last_error, next_attempt_at)
), locked_deliveries AS (
  SELECT d.id FROM webhook_deliveries d WHERE d.id = ANY($3::text[]) ORDER BY d.id FOR UPDATE
), attempts AS (
  INSERT INTO webhook_attempts (id, tenant_id, delivery_id, attempt, status_code, latency_ms, error, response, created_at)
  SELECT attempt_id, tenant_id, delivery_id, attempt, status_code, latency_ms, error, response, $12 FROM v
  ON CONFLICT (delivery_id, attempt) DO NOTHING
), deliveries AS (
  UPDATE webhook_deliveries d
  SET status = v.status, last_status_code = v.status_code, last_error = v.last_error, next_attempt_at = v.next_attempt_at, lease_until = NULL,
      delivered_at = CASE WHEN v.status = 'delivered' THEN $12 ELSE d.delivered_at END, updated_at = $12
  FROM v JOIN locked_deliveries l ON l.id = v.delivery_id
  WHERE d.id = v.delivery_id
), ev AS (
  SELECT * FROM unnest($13::text[], $14::text[], $15::text[]) AS ev(id, tenant_id, action)
), locked_endpoints AS (
  SELECT e.id, ev.action FROM webhook_endpoints e JOIN ev ON ev.id = e.id AND ev.tenant_id = e.tenant_id
  WHERE (ev.action = 'clear' AND e.failing_since IS NOT NULL) OR (ev.action = 'fail' AND e.failing_since IS NULL) OR ev.action IN ('gone', 'failing')
  ORDER BY e.id FOR UPDATE OF e
)
UPDATE webhook_endpoints e
SET failing_since = CASE l.action WHEN 'clear' THEN NULL WHEN 'fail' THEN $12 ELSE e.failing_since END,
    enabled = CASE WHEN l.action IN ('gone', 'failing') THEN false ELSE e.enabled END,
    disabled_at = CASE WHEN l.action IN ('gone', 'failing') THEN $12 ELSE e.disabled_at END,
    disabled_reason = CASE WHEN l.action IN ('gone', 'failing') THEN l.action::webhook_disable_reason ELSE e.disabled_reason END,
    updated_at = $12
FROM locked_endpoints l WHERE e.id = l.id`;

/** One endpoint change per endpoint in a batch: a disable wins, otherwise its latest attempt decides. */
function endpointChanges(records: AttemptRecord[]): Map<string, { tenantId: string; action: AttemptRecord['endpoint'] }> {
  const changes = new Map<string, { tenantId: string; action: AttemptRecord['endpoint'] }>();
  for (const r of records) {
    const seen = changes.get(r.endpointId);
    if (seen && (seen.action === 'gone' || seen.action === 'failing')) continue;
    changes.set(r.endpointId, { tenantId: r.tenantId, action: r.endpoint });
  }
  return changes;
}

/** PostgreSQL text cannot hold NUL: an endpoint answering one must not fail the whole batch. */
const storable = (s: string | null) => (s === null ? null : s.replaceAll('\u0000', ''));

/** Records a batch of attempts and their deliveries' outcomes in one statement (`name`: prepared once per connection, or undefined). */
export async function recordAttempts(pool: PgPool, records: AttemptRecord[], now: Date, name: string | undefined): Promise<void> {
  const column = <T>(pick: (r: AttemptRecord) => T) => records.map(pick);
  const endpoints = [...endpointChanges(records)];
  await pool.query({
    name,
    text: RECORD_SQL,
    values: [
      column(() => randomUUID()),
      column((r) => r.tenantId),
      column((r) => r.deliveryId),
      column((r) => r.attempt),
      column((r) => r.statusCode),
      column((r) => r.latencyMs),
      column((r) => storable(r.error)),
      column((r) => storable(r.response)),
      column((r) => r.status),
      column((r) => storable(r.lastError)),
      column((r) => r.nextAttemptAt),
      now,
      endpoints.map(([id]) => id),
      endpoints.map(([, c]) => c.tenantId),
      endpoints.map(([, c]) => c.action),
    ],
  });
}
