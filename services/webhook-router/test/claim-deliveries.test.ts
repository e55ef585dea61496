import { createPgPool } from '@vocalia/db';
import { claimDeliveries } from '../src/deliveries/claim-deliveries';
import { recordAttempts } from '../src/deliveries/record-attempts';
import { startDeliveryTestApp, type DeliveryTestApp } from './support/delivery-app';

describe('claiming deliveries in batches', () => {
  let t: DeliveryTestApp;
  beforeAll(async () => {
    t = await startDeliveryTestApp();
  });
  afterAll(() => t.stop());

  it('when two jobs of one delivery ask for it in the same batch, then only one claims it', async () => {
    const ep = await t.endpoint('http://127.0.0.1:9');
    const d = await t.delivery(ep, { enqueue: false });
    const claims = await Promise.all([t.deps.store.claim(d.id), t.deps.store.claim(d.id)]);
    expect(claims.map((c) => c.kind).sort()).toEqual(['claimed', 'skipped']);
    expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ attempts: 1, status: 'pending' });
  });

  it('when a batch mixes claimable, disabled-endpoint and unknown deliveries, then each gets its own answer', async () => {
    const ep = await t.endpoint('http://127.0.0.1:9');
    const off = await t.endpoint('http://127.0.0.1:9');
    await t.deps.prisma.webhookEndpoint.update({ where: { id: off.endpointId }, data: { enabled: false } });
    const [a, b] = [await t.delivery(ep, { enqueue: false }), await t.delivery(off, { enqueue: false })];
    const claims = await Promise.all([a.id, b.id, 'dlv_unknown'].map((id) => t.deps.store.claim(id)));
    expect(claims.map((c) => c.kind)).toEqual(['claimed', 'endpoint-disabled', 'skipped']);
    expect(claims[0]).toMatchObject({ delivery: { id: a.id, attempts: 1, eventId: a.eventId, endpoint: { id: ep.endpointId, secret: ep.secret } } });
    expect(claims[0]?.kind === 'claimed' && JSON.parse(claims[0].delivery.body)).toEqual(a.payload);
    expect(await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: 'failed', lastError: 'endpoint disabled', attempts: 0 });
  });

  it('when the same endpoint fails and is disabled in one recorded batch, then the disable wins', async () => {
    const ep = await t.endpoint('http://127.0.0.1:9');
    const [a, b] = [await t.delivery(ep, { enqueue: false }), await t.delivery(ep, { enqueue: false })];
    await Promise.all([a.id, b.id].map((id) => t.deps.store.claim(id)));
    const base = { tenantId: ep.tenantId, endpointId: ep.endpointId, attempt: 1, latencyMs: 3, error: null, nextAttemptAt: null };
    await Promise.all([
      t.deps.store.record({ ...base, deliveryId: a.id, statusCode: 410, response: 'gone\u0000', status: 'failed', lastError: 'HTTP 410', endpoint: 'gone' }),
      t.deps.store.record({ ...base, deliveryId: b.id, statusCode: 500, response: null, status: 'pending', lastError: 'HTTP 500', nextAttemptAt: new Date(Date.now() + 5000), endpoint: 'fail' }),
    ]);
    expect(await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).toMatchObject({ enabled: false, disabledReason: 'gone', failingSince: null });
    const attempts = await t.deps.prisma.webhookAttempt.findMany({ where: { deliveryId: { in: [a.id, b.id] } }, orderBy: { statusCode: 'asc' } });
    expect(attempts.map((x) => [x.statusCode, x.response])).toEqual([[410, 'gone'], [500, null]]);
  });

  it('when a delivery is claimed and then recorded for a retry, then neither update writes an index entry (both are HOT)', async () => {
    const ep = await t.endpoint('http://127.0.0.1:9');
    const d = await t.delivery(ep, { enqueue: false });
    // One connection, one transaction: the transaction's own counters say how each update was written.
    const pool = createPgPool(t.databaseUrl, { poolSize: 1 });
    try {
      await pool.query('BEGIN');
      const now = new Date();
      const [claim] = await claimDeliveries(pool, [d.id], { now, dueBy: now, leaseUntil: new Date(now.getTime() + 75_000) }, 'webhook-claim');
      expect(claim?.kind).toBe('claimed');
      const retry = { tenantId: ep.tenantId, deliveryId: d.id, endpointId: ep.endpointId, attempt: 1, statusCode: 500, latencyMs: 3, error: null, response: null, lastError: 'HTTP 500' };
      await recordAttempts(pool, [{ ...retry, status: 'pending', nextAttemptAt: new Date(now.getTime() + 5000), endpoint: 'fail' }], now, 'webhook-record');
      const { rows } = await pool.query<{ updated: string; hot: string }>(
        "SELECT pg_stat_get_xact_tuples_updated('webhook_deliveries'::regclass) AS updated, pg_stat_get_xact_tuples_hot_updated('webhook_deliveries'::regclass) AS hot",
      );
      expect(rows[0]).toEqual({ updated: '2', hot: '2' });
    } finally {
      await pool.query('ROLLBACK');
      await pool.end();
    }
  });
});
