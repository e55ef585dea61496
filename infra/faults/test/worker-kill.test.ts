import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { USAGE_CREDIT_CENTS, type UsageEventJob } from '@vocalia/contracts';
import { eventually } from '@vocalia/e2e/test/support';
import { createProducer, createRedis, type Producer, type Redis } from '@vocalia/service-kit';
import { startDbApiProcess, type DbApiProcess } from './support/db-api-process';
import { ownServices } from './support/services';

const EVENTS = 24;
// A 60 s call burns 24 cents of trial credit.
const CALL_SECONDS = 60;
const CALL_CENTS = Math.ceil(CALL_SECONDS * USAGE_CREDIT_CENTS.telephony_seconds);
// Short lock and check interval: a dead worker's jobs come back within about 5 s (20-40 s in production); a lock
// shorter than 5 s expires on this shared, loaded machine while the worker is alive, and its jobs stall falsely.
const RECOVERY_ENV = { QUEUE_LOCK_DURATION_MS: '5000', QUEUE_STALLED_INTERVAL_MS: '1000' };
// From the second db-api's readiness to every job completed (BullMQ's own 30 s lock would take 30-90 s).
const RECOVERY_BOUND_MS = 10_000;

describe('A db-api worker killed with SIGKILL mid-job (after its ledger rows committed, before the ack)', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let first: DbApiProcess | undefined;
  let second: DbApiProcess | undefined;
  let connection: Redis;
  let usage: Producer<'usage-events'>;
  let db: Client;

  beforeAll(async () => {
    const url = new URL(ownServices().postgres.url);
    url.pathname = '/vocalia_worker_kill';
    databaseUrl = url.toString();
    env = { ...RECOVERY_ENV, DATABASE_URL: databaseUrl, REDIS_URL: ownServices().redis.url };
    first = await startDbApiProcess(env);
    connection = createRedis(ownServices().redis.url, 'worker');
    usage = createProducer('usage-events', { connection });
    db = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000, query_timeout: 10_000 });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([first?.kill('SIGKILL'), second?.kill('SIGKILL')]);
    await usage?.close();
    await connection?.quit();
    await db?.end();
  });

  const state = async (tenantId: string) => {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_records WHERE tenant_id = $1', [tenantId]);
    const burns = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM credit_ledger WHERE tenant_id = $1 AND event_id LIKE 'usage:%'", [tenantId]);
    const balance = await db.query<{ cents: number }>('SELECT balance_cents AS cents FROM credit_balances WHERE tenant_id = $1', [tenantId]);
    return { rows: rows.rows[0]!.n, burns: burns.rows[0]!.n, balance: balance.rows[0]!.cents };
  };

  it('then another db-api picks the jobs up through BullMQ stalled-job recovery within seconds, and each event is counted and its credit burned once', async () => {
    const registered = await fetch(`${first!.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `owner.${randomUUID()}@worker-kill.example`, password: 'Correct-Horse-Battery-42', company: 'Worker Kill' }),
    });
    expect(registered.status).toBe(201);
    const tenantId = ((await registered.json()) as { tenant: { id: string } }).tenant.id;
    const trial = await state(tenantId);

    // Holding the tenant's credit balance row: the worker's batch commits its ledger rows, then waits to burn credits.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM credit_balances WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
    const events: UsageEventJob[] = Array.from({ length: EVENTS }, () => ({ v: 1, eventId: `call-${randomUUID()}`, tenantId, requestId: randomUUID(), at: new Date().toISOString(), kind: 'telephony_seconds', quantity: CALL_SECONDS }));
    for (const event of events) await usage.add(event);

    await eventually(async () => {
      expect(await usage.queue.getActiveCount()).toBe(EVENTS);
      expect((await state(tenantId)).rows).toBeGreaterThan(0);
    }, 30_000, 100);
    await first!.kill('SIGKILL');
    await holder.query('ROLLBACK');
    await holder.end();
    const left = await state(tenantId);
    expect(left.burns).toBe(0);
    expect(left.balance).toBe(trial.balance);
    expect(await usage.queue.getActiveCount()).toBe(EVENTS);

    second = await startDbApiProcess(env);
    await eventually(async () => expect(await usage.queue.getCompletedCount()).toBe(EVENTS), RECOVERY_BOUND_MS, 100);

    expect(await usage.queue.getFailedCount()).toBe(0);
    expect(await state(tenantId)).toEqual({ rows: EVENTS, burns: EVENTS, balance: trial.balance - EVENTS * CALL_CENTS });
    const jobs = await Promise.all(events.map((e) => usage.queue.getJob(e.eventId)));
    expect(jobs.map((j) => j?.stalledCounter)).toEqual(events.map(() => 1));
  }, 120_000);
});
