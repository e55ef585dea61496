import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { UsageEventJob } from '@vocalia/contracts';
import { createApp, createLogger, createProducer, createRedis, createWorker } from '../src';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-metrics-${randomUUID()}`;
const logger = createLogger('test', 'silent');

const app = createApp({
  service: 'test',
  logger,
  routes: (r) => {
    r.get('/items/:id', (req, res) => void res.json({ id: req.params.id }));
  },
});

/** The value of one sample of the exposition text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

const scrape = async () => (await request(app).get('/metrics').expect(200)).text;

function usage(overrides: Partial<UsageEventJob> = {}): UsageEventJob {
  return { v: 1, eventId: `evt_${randomUUID()}`, tenantId: 't1', requestId: 'req-1', at: new Date().toISOString(), kind: 'api_call', quantity: 1, ...overrides };
}

/** Resolves when the scrape shows `predicate` true: the counters move on worker events, after the job settles. */
async function scrapeUntil(predicate: (text: string) => boolean, ms = 20000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = await scrape();
    if (predicate(text) || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Prometheus metrics', () => {
  it('when a route with a parameter is requested, then the latency histogram counts it under the route template, never the raw path', async () => {
    const before = await scrape();
    const labels = { method: 'GET', route: '/items/:id', status: '200' };
    await request(app).get('/items/42').expect(200);
    await request(app).get('/items/43').expect(200);
    await request(app).get('/nope/44').expect(404);
    const after = await scrape();
    expect(sample(after, 'http_request_duration_seconds_count', labels) - sample(before, 'http_request_duration_seconds_count', labels)).toBe(2);
    expect(sample(after, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(sample(after, 'http_request_duration_seconds_count', labels));
    expect(sample(after, 'http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBeGreaterThan(0);
    expect(after).not.toMatch(/route="[^"]*4[234]"/);
  });

  it('when /metrics is scraped, then it answers the Prometheus text format with process metrics, and is not itself timed', async () => {
    const res = await request(app).get('/metrics');
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^process_cpu_seconds_total /m);
    expect(res.text).not.toMatch(/route="\/metrics"/);
  });

  describe('with a worker on real Redis', () => {
    const producerConn = createRedis(REDIS_URL, 'producer');
    const workerConn = createRedis(REDIS_URL, 'worker');
    const producer = createProducer('usage-events', { connection: producerConn, prefix });

    afterAll(async () => {
      await producer.queue.obliterate({ force: true });
      await producer.close();
      await Promise.all([producerConn.quit(), workerConn.quit()]);
    });

    it('when a job is processed, then the completed counter and the duration histogram count it', async () => {
      const queue = { queue: 'usage-events' };
      const before = await scrape();
      const worker = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger });
      await producer.add(usage());
      const after = await scrapeUntil((t) => sample(t, 'queue_jobs_completed_total', queue) > sample(before, 'queue_jobs_completed_total', queue));
      await worker.close();
      expect(sample(after, 'queue_jobs_completed_total', queue) - sample(before, 'queue_jobs_completed_total', queue)).toBe(1);
      const done = { ...queue, outcome: 'completed' };
      expect(sample(after, 'queue_job_duration_seconds_count', done) - sample(before, 'queue_job_duration_seconds_count', done)).toBe(1);
    });

    it('when a job cannot succeed, then it counts as a failure, a dead letter and in the failed depth', async () => {
      const queue = { queue: 'usage-events' };
      const before = await scrape();
      const worker = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger });
      await producer.queue.add('usage-events', { v: 1, nonsense: true }, { jobId: `bad-${randomUUID()}` });
      const after = await scrapeUntil((t) => sample(t, 'queue_dead_letters', queue) > sample(before, 'queue_dead_letters', queue));
      await worker.close();
      expect(sample(after, 'queue_jobs_failed_total', queue) - sample(before, 'queue_jobs_failed_total', queue)).toBe(1);
      expect(sample(after, 'queue_dead_letters', queue) - sample(before, 'queue_dead_letters', queue)).toBe(1);
      expect(sample(after, 'queue_jobs', { ...queue, state: 'failed' })).toBe(sample(after, 'queue_dead_letters', queue));
    });

    it('when jobs wait with no worker running, then the waiting depth shows them', async () => {
      const worker = createWorker('usage-events', async () => undefined, { connection: workerConn, prefix, logger, autorun: false });
      await producer.add(usage());
      await producer.add(usage());
      const text = await scrape();
      await worker.close();
      expect(sample(text, 'queue_jobs', { queue: 'usage-events', state: 'waiting' })).toBe(2);
      await producer.queue.drain();
    });
  });
});
