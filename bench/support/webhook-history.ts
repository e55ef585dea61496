import type { PgPool } from '@vocalia/db';

/**
 * The delivery tables as a deployment has them after some time in service: `perEndpoint` delivered
 * deliveries per endpoint, each with its one attempt, then ANALYZE, as autovacuum does on its own (a
 * fresh, never-analyzed table makes PostgreSQL cache sequential-scan plans for the worker's statements).
 */
export async function seedDeliveryHistory(pool: PgPool, endpoints: { tenantId: string; endpointId: string }[], perEndpoint: number): Promise<void> {
  if (perEndpoint <= 0) return;
  await pool.query(
    `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, status, attempts, last_status_code, delivered_at, created_at, updated_at)
     SELECT 'hist_' || e.n || '_' || g, e.tenant_id, e.id, 'evt_hist_' || e.n || '_' || g, 'lead.qualified',
            jsonb_build_object('type', 'lead.qualified', 'timestamp', now(), 'data', jsonb_build_object('score', 80, 'n', g)),
            'delivered', 1, 204, now() - g * interval '1 second', now() - g * interval '1 second', now()
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS e(id, tenant_id, n), generate_series(1, $3::int) AS g`,
    [endpoints.map((e) => e.endpointId), endpoints.map((e) => e.tenantId), perEndpoint],
  );
  await pool.query(
    `INSERT INTO webhook_attempts (id, tenant_id, delivery_id, attempt, status_code, latency_ms, response, created_at)
     SELECT 'att_' || d.id, d.tenant_id, d.id, 1, 204, 5, '', d.created_at FROM webhook_deliveries d WHERE d.id LIKE 'hist\\_%'`,
  );
  await pool.query('ANALYZE webhook_deliveries, webhook_attempts, webhook_endpoints, tenants');
}
