import { randomUUID } from 'node:crypto';
import { PLANS, type UsageEventJob } from '@vocalia/contracts';
import { startPgBouncer, type PgBouncer } from '@vocalia/db/testing';
import type { Producer } from '@vocalia/service-kit';
import { jobsSettled, queueProducers, startTestApp, type QueueProducers, type TestApp } from './support';

// telephony_seconds burn 0.4 cent a second: a 60 s call costs 24 cents.
const CALL_CENTS = 24;

/**
 * The usage ledger's exactly-once write (rows, credit burns, the balance, under a per-tenant lock)
 * through PgBouncer in transaction mode with one server connection for the whole worker pool, as
 * docs/operations.md deploys db-api past a few replicas: a lock or statement kept in a session would
 * show here as a lost, doubled or failed event.
 */
describe('usage-events worker through PgBouncer in transaction mode', () => {
  let pooler: PgBouncer;
  let t: TestApp;
  let producers: QueueProducers;
  let usage: Producer<'usage-events'>;
  beforeAll(async () => {
    pooler = await startPgBouncer({ poolSize: 1 });
    t = await startTestApp({ env: { DB_PREPARED_STATEMENTS: 'false' }, databaseVia: (url) => pooler.urlFor(url) });
    producers = queueProducers(t);
    usage = producers.producer('usage-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
    await pooler.stop();
  });

  it('when a burst of events for two tenants arrives with copies of some, then each is counted and burned once and every job completes', async () => {
    const [a, b] = [await t.register(), await t.register()];
    const call = (tenantId: string): UsageEventJob => ({ v: 1, eventId: `call-${randomUUID()}`, tenantId, requestId: randomUUID(), at: new Date().toISOString(), kind: 'telephony_seconds', quantity: 60 });
    const events = [...Array.from({ length: 30 }, () => call(a.tenantId)), ...Array.from({ length: 20 }, () => call(b.tenantId))];
    const sent = [...events.map((data) => ({ data, jobId: data.eventId })), ...events.filter((_, i) => i % 4 === 0).map((data) => ({ data, jobId: `${data.eventId}-copy` }))];
    const added = await usage.queue.addBulk(sent.map(({ data, jobId }) => ({ name: 'usage-events', data, opts: { jobId } })));
    await jobsSettled(usage.queue, added.map((j) => j.id!));
    expect(await usage.queue.getFailedCount()).toBe(0);
    for (const [tenant, n] of [[a, 30], [b, 20]] as const) {
      const rows = await t.deps.prisma.usageRecord.count({ where: { tenantId: tenant.tenantId } });
      const burns = await t.deps.prisma.creditLedger.count({ where: { tenantId: tenant.tenantId, eventId: { startsWith: 'usage:' } } });
      const { balanceCents } = await t.deps.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.tenantId } });
      expect({ rows, burns, balanceCents }).toEqual({ rows: n, burns: n, balanceCents: PLANS.starter.trialCreditCents - n * CALL_CENTS });
    }
  });
});
