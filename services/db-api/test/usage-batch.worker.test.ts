import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PLANS, type UsageEventBatchJob, type UsageEventJob } from '@vocalia/contracts';
import type { Producer } from '@vocalia/service-kit';
import { recordUsageEvents } from '../src/usage/record-usage-events';
import { ingestUsageEvents } from '../src/workers/usage-events.worker';
import { jobsSettled, queueProducers, startTestApp, type QueueProducers, type TestApp } from './support';

// telephony_seconds burn 0.4 cent a second: a 60 s call costs 24 cents.
const CALL_CENTS = 24;

describe('usage-events worker in batches', () => {
  let t: TestApp;
  let producers: QueueProducers;
  let usage: Producer<'usage-events'>;
  beforeAll(async () => {
    t = await startTestApp();
    producers = queueProducers(t);
    usage = producers.producer('usage-events');
  });
  afterAll(async () => {
    await producers.close();
    await t.close();
  });

  const call = (tenantId: string): UsageEventJob => ({ v: 1, eventId: `call-${randomUUID()}`, tenantId, requestId: randomUUID(), at: new Date().toISOString(), kind: 'telephony_seconds', quantity: 60 });
  const state = async (tenantId: string) => ({
    rows: await t.deps.prisma.usageRecord.count({ where: { tenantId } }),
    burns: await t.deps.prisma.creditLedger.count({ where: { tenantId, eventId: { startsWith: 'usage:' } } }),
    balance: (await t.deps.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } })).balanceCents,
  });
  /** Events as producers send them: one job per event (`perJob` 1, as before batches) or jobs of `perJob` events. */
  const jobsOf = (events: UsageEventJob[], perJob: number) => {
    if (perJob === 1) return events.map((data) => ({ name: 'usage-events', data: data as UsageEventJob | UsageEventBatchJob, opts: { jobId: data.eventId } }));
    const jobs = [];
    for (let i = 0; i < events.length; i += perJob) {
      const data: UsageEventBatchJob = { v: 1, eventId: `usage-batch-${randomUUID()}`, tenantId: null, requestId: randomUUID(), at: new Date().toISOString(), events: events.slice(i, i + perJob) };
      jobs.push({ name: 'usage-events', data, opts: { jobId: data.eventId } });
    }
    return jobs;
  };
  /** Each event under its own job id (a copy under another one), in one burst. */
  const deliver = async (jobs: UsageEventJob[], copies: UsageEventJob[] = []) => {
    const sent = [...jobs.map((data) => ({ data, jobId: data.eventId })), ...copies.map((data) => ({ data, jobId: `${data.eventId}-copy` }))];
    const added = await usage.queue.addBulk(sent.map(({ data, jobId }) => ({ name: 'usage-events', data, opts: { jobId } })));
    await jobsSettled(usage.queue, added.map((j) => j.id!));
    return Promise.all(added.map(async (j) => (await usage.queue.getJob(j.id!))?.returnvalue as { recorded: boolean } | undefined));
  };

  it('when a burst of events for two tenants arrives with copies of some and an unknown tenant, then each is counted and burned once and every job completes', async () => {
    const [a, b] = [await t.register(), await t.register()];
    const events = [...Array.from({ length: 40 }, () => call(a.tenantId)), ...Array.from({ length: 25 }, () => call(b.tenantId))];
    const copies = events.filter((_, i) => i % 5 === 0);
    const stranger = call(randomUUID());
    const results = await deliver([...events, stranger], copies);
    expect(results.filter((r) => r?.recorded)).toHaveLength(events.length);
    expect(await state(a.tenantId)).toEqual({ rows: 40, burns: 40, balance: PLANS.starter.trialCreditCents - 40 * CALL_CENTS });
    expect(await state(b.tenantId)).toEqual({ rows: 25, burns: 25, balance: PLANS.starter.trialCreditCents - 25 * CALL_CENTS });
    expect(await t.deps.prisma.usageRecord.count({ where: { eventId: stranger.eventId } })).toBe(0);
    expect(await usage.queue.getFailedCount()).toBe(0);
  });

  it('when jobs of several events (of two tenants each) arrive beside one-event jobs, with copies of some in other jobs, then each event is counted and burned once and every job completes', async () => {
    const [a, b] = [await t.register(), await t.register()];
    const events = Array.from({ length: 60 }, (_, i) => call(i % 2 ? a.tenantId : b.tenantId));
    const copies = events.filter((_, i) => i % 4 === 0);
    const jobs = [...jobsOf(events.slice(0, 50), 10), ...jobsOf(events.slice(50), 1), ...jobsOf(copies, 5)];
    const added = await usage.queue.addBulk(jobs);
    await jobsSettled(usage.queue, added.map((j) => j.id!));
    const results = await Promise.all(added.map(async (j) => (await usage.queue.getJob(j.id!))?.returnvalue as { recorded: number | boolean }));
    expect(results.reduce((n, r) => n + Number(r.recorded), 0)).toBe(events.length);
    expect(await state(a.tenantId)).toEqual({ rows: 30, burns: 30, balance: PLANS.starter.trialCreditCents - 30 * CALL_CENTS });
    expect(await state(b.tenantId)).toEqual({ rows: 30, burns: 30, balance: PLANS.starter.trialCreditCents - 30 * CALL_CENTS });
    expect(await usage.queue.getFailedCount()).toBe(0);
  });

  it.each([
    ['one job per event', 1],
    ['jobs of 5 events', 5],
  ])('when the worker process is killed (SIGKILL) after its batch committed the ledger rows and before the ack (%s), then delivering the events again counts and burns each once', async (_shape, perJob) => {
    const s = await t.register();
    const prefix = `${t.deps.queuePrefix}-killed-${perJob}`;
    // Credit entries wait 3 s: the killed worker is then between its committed ledger insert and its ack.
    await t.deps.prisma.$executeRawUnsafe('CREATE OR REPLACE FUNCTION slow_credit() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$ LANGUAGE plpgsql');
    await t.deps.prisma.$executeRawUnsafe('CREATE TRIGGER slow_credit BEFORE INSERT ON credit_ledger FOR EACH STATEMENT EXECUTE FUNCTION slow_credit()');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/usage-worker.child.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: t.databaseUrl, REDIS_URL: t.deps.env.REDIS_URL, QUEUE_PREFIX: prefix },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const killed = producers.producer('usage-events', prefix);
    try {
      const events = Array.from({ length: 20 }, () => call(s.tenantId));
      await killed.queue.addBulk(jobsOf(events, perJob));
      const until = Date.now() + 60_000;
      while ((await t.deps.prisma.usageRecord.count({ where: { tenantId: s.tenantId } })) < events.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      await exited;
      expect(await state(s.tenantId)).toEqual({ rows: 20, burns: 0, balance: PLANS.starter.trialCreditCents });
      expect(await killed.queue.getCompletedCount()).toBe(0);
      await t.deps.prisma.$executeRawUnsafe('DROP TRIGGER slow_credit ON credit_ledger');
      const results = await deliver(events);
      expect(results.every((r) => r?.recorded === false)).toBe(true);
      expect(await state(s.tenantId)).toEqual({ rows: 20, burns: 20, balance: PLANS.starter.trialCreditCents - 20 * CALL_CENTS });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await killed.queue.obliterate({ force: true });
      await killed.close();
    }
  }, 90_000);

  it('when a worker crashed after writing the ledger rows and before settling and acknowledging, then the redelivered jobs write no row twice and burn each credit once', async () => {
    const s = await t.register();
    const events = Array.from({ length: 30 }, () => call(s.tenantId));
    // What the crashed worker left: its batch's rows committed, no credit burned, the jobs still to deliver.
    await recordUsageEvents(t.deps, events);
    expect(await state(s.tenantId)).toEqual({ rows: 30, burns: 0, balance: PLANS.starter.trialCreditCents });
    const results = await deliver(events);
    expect(results.every((r) => r?.recorded === false)).toBe(true);
    expect(await state(s.tenantId)).toEqual({ rows: 30, burns: 30, balance: PLANS.starter.trialCreditCents - 30 * CALL_CENTS });
  });

  it('when a worker crashed after settling a batch and before acknowledging it, then the redelivery changes nothing', async () => {
    const s = await t.register();
    const events = Array.from({ length: 20 }, () => call(s.tenantId));
    await ingestUsageEvents(t.deps, events);
    const settled = await state(s.tenantId);
    await deliver(events);
    expect(await state(s.tenantId)).toEqual(settled);
    expect(settled).toEqual({ rows: 20, burns: 20, balance: PLANS.starter.trialCreditCents - 20 * CALL_CENTS });
  });

  it('when one event of a job of several can never be stored, then that job fails and every other event, of its job and the others, is counted once', async () => {
    const s = await t.register();
    const events = Array.from({ length: 11 }, () => call(s.tenantId));
    const bad = { ...call(s.tenantId), eventId: `bad-${'x'.repeat(20)}\u0000` };
    const jobs = jobsOf([...events.slice(0, 3), bad, ...events.slice(3)], 4);
    const added = await usage.queue.addBulk(jobs);
    await jobsSettled(usage.queue, added.map((j) => j.id!));
    expect(await Promise.all(added.map((j) => usage.queue.getJobState(j.id!)))).toEqual(['failed', 'completed', 'completed']);
    expect(await state(s.tenantId)).toMatchObject({ rows: 11, burns: 11 });
  });

  it('when one event of a batch can never be stored, then only its job fails and the others of its batch are counted', async () => {
    const s = await t.register();
    const events = Array.from({ length: 10 }, () => call(s.tenantId));
    const bad = { ...call(s.tenantId), eventId: `bad-${'x'.repeat(20)}\u0000` };
    const added = await usage.queue.addBulk([...events, bad].map((data) => ({ name: 'usage-events', data, opts: { jobId: data.eventId.replace('\u0000', '') } })));
    await jobsSettled(usage.queue, added.map((j) => j.id!));
    expect(await usage.queue.getJobState(bad.eventId.replace('\u0000', ''))).toBe('failed');
    expect(await state(s.tenantId)).toMatchObject({ rows: 10, burns: 10 });
  });
});
