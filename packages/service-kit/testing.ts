import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import { createRedis, type Redis } from './src';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on now, found by the kernel (a fixed or pid-derived port may be some connection's ephemeral port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/**
 * What every service must do from its first day: health, readiness naming a lost Redis and
 * recovering by itself, problem+json 404s, and a clean exit on SIGTERM from its real entry point.
 */
export function describeServiceBasics(service: string, mainPath: string, build: (redis: Redis) => Express): void {
  describe(`${service} basics`, () => {
    const redis = createRedis(REDIS_URL, 'client');
    const deadRedis = createRedis('redis://127.0.0.1:1', 'client', { retryStrategy: () => null });
    afterAll(async () => {
      redis.disconnect();
      if (deadRedis.status !== 'end') await new Promise((resolve) => deadRedis.once('end', resolve));
    });

    it('when asked for /health, then it answers ok with its name', async () => {
      const res = await request(build(redis)).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', service });
    });

    it('when Redis answers, then /ready is 200', async () => {
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      const res = await request(build(redis)).get('/ready');
      expect(res.status).toBe(200);
    });

    it('when Redis is unreachable, then /ready is 503 naming it', async () => {
      const res = await request(build(deadRedis)).get('/ready');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).detail).toMatch(/^redis down/);
    });

    it('when a route is unknown, then it answers 404 problem+json', async () => {
      const res = await request(build(redis)).get('/no-such-route');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('when the real process gets SIGTERM, then it stops cleanly with exit 0', async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
        env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', REDIS_URL },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await waitForHealth(`http://127.0.0.1:${port}/health`, 20000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
}

export interface ReceivedSpan {
  service: string;
  /** The instrumentation that recorded it (`@opentelemetry/instrumentation-pg`...), or the tracer's name. */
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string } }[];
}

/** OTLP span kinds as the JSON encoding numbers them. */
export const SpanKinds = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

interface OtlpJson {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { scope?: { name?: string }; spans: Omit<ReceivedSpan, 'service' | 'scope'>[] }[] }[];
}

export interface OtlpReceiver {
  /** OTEL_EXPORTER_OTLP_ENDPOINT for the exporters: spans arrive on `<url>/v1/traces`. */
  url: string;
  spans: ReceivedSpan[];
  /** `<method> <path> <content-type>` of each export request. */
  paths: string[];
  close(): Promise<void>;
}

/** A local OTLP/HTTP receiver: the JSON the OpenTelemetry exporter posts to /v1/traces, flattened to spans. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const paths: string[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      if (req.url !== '/v1/traces') return void res.writeHead(404).end();
      for (const rs of (JSON.parse(body.toString()) as OtlpJson).resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service, scope: ss.scope?.name ?? '', parentSpanId: s.parentSpanId || undefined });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, paths, close: () => new Promise((r) => server.close(() => r())) };
}
