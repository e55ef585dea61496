import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { dropDatabase } from '@vocalia/db';
import { startOtlpReceiver, type OtlpReceiver } from '@vocalia/service-kit/testing';
import { bundleService, type BundleResult } from '../src/bundle-service';
import { startBundle } from '../src/start-bundle';
import { freePort, privateRedis, rsaKeys } from './support';

// Outside the repository: nothing above the bundle directory holds a node_modules to fall back on.
const out = mkdtempSync(join(tmpdir(), 'vocalia-bundle-'));
const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
base.pathname = `/vocalia_bundle_${randomBytes(6).toString('hex')}`;
const databaseUrl = base.toString();
const INTERNAL_API_TOKEN = randomBytes(24).toString('hex');
const DEV_TOOLS = ['typescript', 'tsx', 'jest', 'esbuild', 'prisma', '@types', 'eslint', 'supertest', 'turbo'];

let redis: Awaited<ReturnType<typeof privateRedis>>;
let collector: OtlpReceiver;
const bundles: Record<string, BundleResult> = {};
/** A real SMTP server: the bundled nodemailer must reach it (db-api refuses production without SMTP_URL). */
const mailedTo: string[] = [];
let mailArrived: () => void = () => undefined;
const firstMail = new Promise<void>((resolve) => (mailArrived = resolve));
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    stream.resume().on('end', () => {
      mailedTo.push(...session.envelope.rcptTo.map((r) => r.address));
      mailArrived();
      done();
    });
  },
});

beforeAll(async () => {
  redis = await privateRedis();
  collector = await startOtlpReceiver();
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  for (const service of ['db-api', 'voice-api']) bundles[service] = await bundleService(service, join(out, service));
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await redis.stop();
  await collector.close();
  await dropDatabase(databaseUrl);
  rmSync(out, { recursive: true, force: true });
});

/**
 * /ready of a service that just answered /health: its first checks may still wait on a cold first query
 * (each check times out at 1.5 s), so ask until it is ready or 20 s passed, and give the last answer.
 */
async function readyAnswer(url: string): Promise<unknown> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const body: unknown = await (await fetch(`${url}/ready`)).json();
    if ((body as { status?: unknown }).status === 'ready' || Date.now() > deadline) return body;
    await sleep(250);
  }
}

const production = () => ({ NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL: redis.url, PUBLIC_BASE_URL: 'https://vocalia.example', INTERNAL_API_TOKEN });

describe('production bundles', () => {
  it('when db-api is bundled, then main.js runs alone with only the packages it cannot inline', () => {
    const db = bundles['db-api']!;
    expect(Object.keys(db.externals)).toEqual(expect.arrayContaining(['argon2', '@prisma/schema-engine-wasm']));
    const installed = readdirSync(join(db.outDir, 'node_modules'));
    for (const tool of DEV_TOOLS) expect({ tool, shipped: installed.includes(tool) }).toEqual({ tool, shipped: false });
    expect(existsSync(join(db.outDir, 'packages', 'db', 'prisma', 'migrations'))).toBe(true);
    expect(existsSync(join(db.outDir, 'packages', 'db', 'src', 'engine', 'schema-engine-worker.mjs'))).toBe(true);
    expect(readdirSync(db.outDir).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('when the db-api bundle starts in production on an empty database, then it migrates, is ready, hashes a password with argon2, mails through SMTP, serves the dashboard, sends express, Redis and PostgreSQL spans to the collector and stops cleanly', async () => {
    const port = await freePort();
    const svc = await startBundle(bundles['db-api']!.outDir, port, {
      ...production(),
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: '3',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      INTEGRATION_SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
      ...rsaKeys(),
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    });
    try {
      expect(await readyAnswer(svc.url)).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
      const registered = await fetch(`${svc.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@bundle.example', password: 'correct horse battery staple', company: 'Bundle Co' }),
      });
      expect(registered.status).toBe(201);
      await firstMail;
      expect(mailedTo).toEqual(['owner@bundle.example']);
      expect(svc.output()).toContain('database migrated');
      const dashboard = await fetch(`${svc.url}/app/`);
      expect([dashboard.status, dashboard.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(await dashboard.text())?.[1] as string;
      expect((await fetch(`${svc.url}${script}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const metrics = await (await fetch(`${svc.url}/metrics`)).text();
      expect(metrics).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/auth\/register",status="201"\} 1/);
      process.stdout.write(`db-api bundle: cold start ${svc.coldStartMs.toFixed(0)} ms to /health (migrations included), main.js ${bundles['db-api']!.mainBytes} B, total ${bundles['db-api']!.totalBytes} B\n`);
    } finally {
      expect(await svc.stop()).toBe(0);
    }
    // Sent on SIGTERM: the spans of the registration, one per instrumentation that patched its package at require time.
    const registration = collector.spans.find((s) => s.name === 'POST /api/v1/auth/register')!;
    const scopes = new Set(collector.spans.filter((s) => s.traceId === registration.traceId).map((s) => s.scope));
    expect(['express', 'ioredis', 'pg'].filter((p) => !scopes.has(`@opentelemetry/instrumentation-${p}`))).toEqual([]);
  }, 90_000);

  it('when the voice-api bundle starts in production, then it answers /health and serves the prebuilt widget', async () => {
    const port = await freePort();
    const svc = await startBundle(bundles['voice-api']!.outDir, port, { ...production(), WIDGET_TOKEN_SECRET: randomBytes(32).toString('hex'), DB_API_INTERNAL_URL: 'http://127.0.0.1:9' });
    try {
      const widget = await fetch(`${svc.url}/widget/v1/vocalia.js`);
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toMatch(/javascript/);
      expect((await widget.text()).length).toBeGreaterThan(1000);
      process.stdout.write(`voice-api bundle: cold start ${svc.coldStartMs.toFixed(0)} ms to /health, main.js ${bundles['voice-api']!.mainBytes} B, total ${bundles['voice-api']!.totalBytes} B\n`);
    } finally {
      expect(await svc.stop()).toBe(0);
    }
  }, 60_000);
});
