import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Job } from 'bullmq';
import winston from 'winston';
import type { Payload, UsageEventJob } from '@vocalia/contracts';
import { BaseEnv, createLogger, createProducer, createRedis, createWorker, parseEnv, stalledJobRecovery } from '../src';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-kit-${randomUUID()}`;
const logger = createLogger('test', 'silent');

function usage(overrides: Partial<UsageEventJob> = {}): UsageEventJob {
  return { v: 1, eventId: `evt_${randomUUID()}`, tenantId: 't1', requestId: 'req-1', at: new Date().toISOString(), kind: 'api_call', quantity: 1, ...overrides };
}

/** Polls the job's state: no event subscription to race with. */
async function settled(job: Job | undefined, ms = 20000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const state = job ? await job.getState() : 'missing';
    if (state === 'completed' || state === 'failed' || Date.now() > until) return state;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('queues over real Redis', () => {
  const producerConn = createRedis(REDIS_URL, 'worker');
  const workerConn = createRedis(REDIS_URL, 'worker');
  const producer = createProducer('usage-events', { connection: producerConn, prefix });

  afterAll(async () => {
    await producer.queue.obliterate({ force: true });
    await producer.close();
    await Promise.all([producerConn.quit(), workerConn.quit()]);
  });

  it("when the env sets the lock and the stalled-check interval, then the worker uses them; unset, 20 s and 10 s (BullMQ's own are 30 s and 30 s)", async () => {
    const env = parseEnv('svc', BaseEnv, { QUEUE_LOCK_DURATION_MS: '5000', QUEUE_STALLED_INTERVAL_MS: '1000' });
    const tuned = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger, autorun: false, stalledJobs: stalledJobRecovery(env) });
    const defaults = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger, autorun: false });
    try {
      expect([tuned.opts.lockDuration, tuned.opts.stalledInterval]).toEqual([5000, 1000]);
      expect([defaults.opts.lockDuration, defaults.opts.stalledInterval]).toEqual([20_000, 10_000]);
      expect(stalledJobRecovery(parseEnv('svc', BaseEnv, {}))).toEqual({ lockDurationMs: 20_000, stalledIntervalMs: 10_000 });
      expect(() => parseEnv('svc', BaseEnv, { QUEUE_LOCK_DURATION_MS: '10' })).toThrow(/QUEUE_LOCK_DURATION_MS/);
    } finally {
      await Promise.all([tuned.close(), defaults.close()]);
    }
  });

  it('when a job is added, then a worker receives the validated payload', async () => {
    const seen: Payload<'usage-events'>[] = [];
    const worker = createWorker('usage-events', async (p) => void seen.push(p), { connection: workerConn, prefix, logger });
    const job = usage({ quantity: 3 });
    const id = await producer.add(job);
    const state = await settled(await producer.queue.getJob(id));
    await worker.close();
    expect(state).toBe('completed');
    expect(id).toBe(job.eventId);
    expect(seen).toEqual([job]);
  });

  it('when the same event id is added twice, then it is queued once', async () => {
    const job = usage();
    await producer.add(job);
    await producer.add(job);
    expect(await producer.queue.getJobCountByTypes('waiting')).toBe(1);
    await producer.queue.drain();
  });

  it('when a payload has the wrong shape, then the producer refuses it before Redis', async () => {
    await expect(producer.add({ ...usage(), quantity: -1 })).rejects.toThrow(/quantity/);
  });

  it('when a job has the wrong shape, then it fails once and is not retried', async () => {
    const bad = await producer.queue.add('usage-events', { v: 1, nonsense: true }, { jobId: `bad-${randomUUID()}`, attempts: 5 });
    const worker = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger });
    const state = await settled(bad);
    await worker.close();
    expect(state).toBe('failed');
    const failed = await producer.queue.getJob(bad.id!);
    expect(failed?.failedReason).toMatch(/bad payload/);
    expect(failed?.attemptsMade).toBe(1);
    expect(await failed?.getState()).toBe('failed');
  });

  it('when a processor error is permanent, then the job fails once and is logged as a dead letter with its reason; other errors are retried', async () => {
    const lines: { message: string; reason?: string; queue?: string }[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const captured = winston.createLogger({ level: 'warn', format: winston.format.json(), transports: [new winston.transports.Stream({ stream: sink })] });
    let transientFailures = 0;
    const worker = createWorker('usage-events', async (payload) => {
      if (payload.tenantId === 'broken') throw new Error('value refused');
      if (transientFailures++ === 0) throw new Error('connection reset');
    }, { connection: workerConn, prefix, logger: captured, permanentError: (err) => (err instanceof Error && err.message === 'value refused' ? 'the data is refused' : undefined) });
    const retry = { attempts: 3, backoff: { type: 'fixed', delay: 10 } };
    const broken = await producer.queue.getJob(await producer.add(usage({ tenantId: 'broken' }), retry));
    const flaky = await producer.queue.getJob(await producer.add(usage({ tenantId: 'flaky' }), retry));
    const states = [await settled(broken), await settled(flaky)];
    await worker.close();
    expect(states).toEqual(['failed', 'completed']);
    const dead = await producer.queue.getJob(broken!.id!);
    expect({ attempts: dead?.attemptsMade, reason: dead?.failedReason }).toEqual({ attempts: 1, reason: 'the data is refused' });
    expect((await producer.queue.getJob(flaky!.id!))?.attemptsMade).toBe(2);
    expect(lines).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^job dead-lettered/), queue: 'usage-events', reason: 'the data is refused' }));
    expect(lines).toContainEqual(expect.objectContaining({ message: 'job failed, will retry', reason: 'connection reset' }));
  });

  it('when more jobs fail than the dead-letter retention count, then only the newest are kept', async () => {
    const bounded = `${prefix}-bounded`;
    const small = createProducer('usage-events', { connection: producerConn, prefix: bounded, deadLetters: { count: 2, ageSec: 3600 } });
    const worker = createWorker('usage-events', async () => {
      throw new Error('value refused');
    }, { connection: workerConn, prefix: bounded, logger, permanentError: () => 'the data is refused' });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        ids.push(await small.add(usage()));
        expect(await settled(await small.queue.getJob(ids[i]!))).toBe('failed');
      }
      expect(await small.queue.getJobCounts('failed')).toEqual({ failed: 2 });
      expect((await small.queue.getFailed()).map((j) => j.id).sort()).toEqual(ids.slice(2).sort());
    } finally {
      await worker.close();
      await small.queue.obliterate({ force: true });
      await small.close();
    }
  });
});
