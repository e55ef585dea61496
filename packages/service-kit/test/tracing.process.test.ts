import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createRedis } from '../src';
import { freePort, SpanKinds, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-trace-${randomUUID()}`;


interface Fixture {
  child: ChildProcess;
  output: () => string;
  base: string;
}

async function startFixture(role: 'api' | 'worker', extraEnv: Record<string, string>): Promise<Fixture> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'traced-service.ts')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: String(port), ROLE: role, REDIS_URL, QUEUE_PREFIX: prefix, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${role} exited ${child.exitCode}: ${out}`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { child, output: () => out, base };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(f: Fixture | undefined): Promise<void> {
  if (!f || f.child.exitCode !== null) return;
  f.child.kill('SIGTERM');
  await once(f.child, 'exit');
}

async function until<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const postUsage = (base: string, eventId: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/usage?token=secret-token-value`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ eventId }) });

afterAll(async () => {
  const redis = createRedis(REDIS_URL, 'worker');
  const queue = new Queue('usage-events', { connection: redis, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.quit();
});

describe('when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  let receiver: OtlpReceiver;
  let api: Fixture | undefined;
  let worker: Fixture | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    [api, worker] = await Promise.all([startFixture('api', otel), startFixture('worker', otel)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stop(api), stop(worker)]);
    await receiver.close();
  });

  it('then a request that enqueues a job, and the worker in another process that runs it, give one trace under the edge traceparent', async () => {
    const traceId = randomBytes(16).toString('hex');
    const edgeSpanId = randomBytes(8).toString('hex');
    const res = await postUsage(api!.base, `evt_${randomUUID()}`, { traceparent: `00-${traceId}-${edgeSpanId}-01` });
    expect(res.status).toBe(202);

    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    // Each process exports on its own schedule: the worker's spans may arrive before the API's.
    const consumer = await until(() => inTrace().find((s) => s.kind === SpanKinds.CONSUMER));
    const redisGet = await until(() => inTrace().find((s) => s.parentSpanId === consumer.spanId));
    const producer = await until(() => inTrace().find((s) => s.kind === SpanKinds.PRODUCER));
    // The server span ends last in the API, so once it is in, the API's other spans are too.
    const server = await until(() => inTrace().find((s) => s.kind === SpanKinds.SERVER));
    const spans = inTrace();

    expect(api!.output()).toContain('sdk-loaded true');
    expect(receiver.paths[0]).toBe('POST /v1/traces application/json');
    expect(server).toMatchObject({ service: 'traced-api', parentSpanId: edgeSpanId });
    expect(spans.some((s) => s.service === 'traced-api' && s.name.includes('/usage') && s.kind !== SpanKinds.SERVER)).toBe(true);
    expect(producer).toMatchObject({ service: 'traced-api', name: 'usage-events publish' });
    const ancestors = (span: ReceivedSpan): string[] => {
      const parent = spans.find((s) => s.spanId === span.parentSpanId);
      return parent ? [parent.spanId, ...ancestors(parent)] : [];
    };
    expect(ancestors(producer)).toContain(server.spanId);
    expect(consumer).toMatchObject({ service: 'traced-worker', name: 'usage-events process', parentSpanId: producer.spanId });
    expect(redisGet).toMatchObject({ service: 'traced-worker', name: 'get' });
    // Neither the query's token nor Redis keys and arguments reach the collector.
    const recorded = JSON.stringify(spans.flatMap((s) => s.attributes));
    expect(recorded).toContain('REDACTED');
    expect(recorded).not.toContain('secret-token-value');
    expect(recorded).not.toContain(`${prefix}:seen`);
  }, 30_000);
});

describe('when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
  let api: Fixture | undefined;

  beforeAll(async () => {
    api = await startFixture('api', {});
  }, 60_000);

  afterAll(() => stop(api));

  it('then the SDK is never loaded and jobs carry no trace context, even under an edge traceparent', async () => {
    const eventId = `evt_${randomUUID()}`;
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    expect((await postUsage(api!.base, eventId, { traceparent })).status).toBe(202);

    const redis = createRedis(REDIS_URL, 'worker');
    const queue = new Queue('usage-events', { connection: redis, prefix });
    const job = await queue.getJob(eventId);
    await queue.close();
    await redis.quit();
    expect(api!.output()).toContain('sdk-loaded false');
    expect(job?.data).toMatchObject({ eventId });
    expect(job?.data).not.toHaveProperty('trace');
  });
});
