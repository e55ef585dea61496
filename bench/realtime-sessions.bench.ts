/**
 * Browser voice through the edge (the launcher's, routing `/realtime` as routes.yml does) to
 * services/realtime: N concurrent sessions sending PCM16 at real-time rate (a 20 ms frame each every
 * 20 ms), against a local server speaking the OpenAI realtime protocol that answers after every 0.5 s
 * of speech, BENCH_MODEL_DELAY_MS after hearing it. Per N: memory per session and added latency
 * p50/p99 (the frame that ends the speech -> the first audio byte back, minus the model's own delay),
 * beside a bare `ws` echo server driven the same way in the same run (frame -> its echo). Client,
 * edge, server and fake model share this process: the figures include the client's and the fake's
 * work, like the baseline's.
 * Run: `pnpm bench:realtime` (BENCH_SESSIONS=100,500, BENCH_DURATION_SEC=4, BENCH_MODEL_DELAY_MS=50). Prints, asserts nothing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import WebSocket, { WebSocketServer } from 'ws';
import { PLAN_IDS, type PlanId, type VoiceSessionLimits } from '@vocalia/contracts';
import { createEdge } from '@vocalia/launcher';
import { createRedis, listen, type Redis } from '@vocalia/service-kit';
import { createSessionTokens } from '@vocalia/widget-auth';
import { composeRealtime, createApp, realtimeModel } from '@vocalia/realtime';
import { FakeRealtimeModel } from '@vocalia/realtime/testing';
import { BENCH_ORIGIN, BENCH_TENANT, benchSnapshot } from './support/bench-tenant';
import { writeBenchJson } from './support/bench-json';
import { discardingLogger } from './support/servers';
import { startSnapshotServer } from './support/snapshot-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIZES = (process.env.BENCH_SESSIONS ?? '100,500').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_DURATION_SEC ?? 4) * 1000;
const FRAMES_PER_UTTERANCE = 25;
const MODEL_DELAY_MS = Number(process.env.BENCH_MODEL_DELAY_MS ?? 50);
const SECRET = 'bench-widget-secret-0123456789abcdef0123';
const out = (line = '') => process.stdout.write(`${line}\n`);
const ready = (r: Redis) => (r.status === 'ready' ? Promise.resolve() : new Promise<void>((ok) => r.once('ready', () => ok())));
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Target {
  url: string;
  /** The far side's own delay before answering, as it actually waited (mean over the run), taken off the latencies. */
  ownDelayMs(): number;
  /** Resolves once the session may stream (after `ready` for realtime, at once for the echo). */
  open(ws: WebSocket): Promise<void>;
  close(): Promise<void>;
}

interface Figures {
  memoryPerSessionKb: number;
  p50: number;
  p99: number;
  samples: number;
  cpuMsPerSessionSecond: number;
}

const heap = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass may leave what its own finalizers freed.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

async function drive(target: Target, n: number, origin: string): Promise<Figures> {
  const before = heap();
  const sockets = await Promise.all(
    Array.from({ length: n }, async () => {
      const ws = new WebSocket(target.url, { origin, perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
      await target.open(ws);
      return ws;
    }),
  );
  const memoryPerSessionKb = (heap() - before) / n / 1024;
  const frame = Buffer.alloc(960, 3);
  const latencies: number[] = [];
  const state = sockets.map((ws) => {
    const s = { sent: 0, speechEndAt: 0 };
    ws.on('message', (_data, isBinary) => {
      if (!isBinary || !s.speechEndAt) return;
      latencies.push(performance.now() - s.speechEndAt);
      s.speechEndAt = 0;
    });
    return s;
  });
  const cpu = process.cpuUsage();
  const tick = setInterval(() => {
    sockets.forEach((ws, i) => {
      const s = state[i]!;
      ws.send(frame);
      if (++s.sent % FRAMES_PER_UTTERANCE === 0) s.speechEndAt = performance.now();
    });
  }, 20);
  await new Promise((resolve) => setTimeout(resolve, DURATION_MS));
  clearInterval(tick);
  const used = process.cpuUsage(cpu);
  await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => (ws.once('close', () => resolve()), ws.close(1000)))));
  const own = target.ownDelayMs();
  const added = latencies.map((ms) => ms - own).sort((a, b) => a - b);
  return { memoryPerSessionKb, p50: percentile(added, 0.5), p99: percentile(added, 0.99), samples: added.length, cpuMsPerSessionSecond: (used.user + used.system) / 1000 / n / (DURATION_MS / 1000) };
}

async function echoTarget(): Promise<Target> {
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    ownDelayMs: () => 0,
    open: async () => undefined,
    close: () => new Promise((resolve) => (wss.close(), server.close(() => resolve()))),
  };
}

async function realtimeTarget(prefix: string): Promise<Target> {
  const snapshots = await startSnapshotServer(benchSnapshot());
  const model = await new FakeRealtimeModel().start();
  model.answerAfterAppends = FRAMES_PER_UTTERANCE;
  model.answerDelayMs = MODEL_DELAY_MS;
  const redis = createRedis(REDIS_URL, 'client');
  const producerRedis = createRedis(REDIS_URL, 'producer');
  await Promise.all([ready(redis), ready(producerRedis)]);
  const logger = discardingLogger();
  const composed = composeRealtime({
    logger,
    redis,
    producerRedis,
    keyPrefix: prefix,
    queuePrefix: `${prefix}-bull`,
    dbApi: { baseUrl: snapshots.url, internalToken: 'bench-internal-token', timeoutMs: 2000 },
    widgetTokenSecret: SECRET,
    history: { maxTurns: 20, ttlSec: 600 },
    snapshotTtlSec: 60,
    openModel: realtimeModel({ url: model.url, apiKey: 'bench-key', model: 'fake-realtime', voice: 'alloy', transcriptionModel: 'whisper-1' }),
    limits: { startTimeoutMs: 10_000, maxSessionMs: 600_000, idleMs: 600_000, pingEveryMs: 20_000, maxEarlyFrames: 100, maxOutgoingBytes: 4 * 1024 * 1024, maxSessionsPerTenant: 1e6, maxSessions: 1e6, modelName: 'fake-realtime' },
    // Every session is the bench tenant's: no plan limit of sessions.
    planLimits: Object.fromEntries(PLAN_IDS.map((plan) => [plan, { maxSessionSec: 600, idleSec: 600, concurrentSessions: 1e6 }])) as Record<PlanId, VoiceSessionLimits>,
  });
  const server = await listen(createApp({ logger, redis }), 0, (s) => composed.realtime.attach(s), '127.0.0.1');
  const upstream = (server.address() as AddressInfo).port;
  const edge = createEdge(
    { routes: [{ router: 'realtime', priority: 100, matchers: [{ type: 'prefix', path: '/realtime' }], action: { kind: 'proxy', service: 'realtime', port: upstream } }], services: [{ name: 'realtime', port: upstream }] },
    { upstreamHost: '127.0.0.1' },
  );
  const edgePort = await edge.listen(0, '127.0.0.1');
  const token = createSessionTokens({ secret: SECRET, ttlSec: 3600 }).issue({ tenantId: BENCH_TENANT, origin: BENCH_ORIGIN }).token;
  let sessions = 0;
  return {
    url: `ws://127.0.0.1:${edgePort}/realtime?token=${encodeURIComponent(token)}`,
    ownDelayMs: () => (model.answerDelays.length ? model.answerDelays.reduce((a, b) => a + b, 0) / model.answerDelays.length : 0),
    open: (ws) =>
      new Promise((resolve) => {
        ws.on('message', (data, isBinary) => !isBinary && String(data).includes('"ready"') && resolve());
        ws.send(JSON.stringify({ type: 'start', token, tenantId: BENCH_TENANT, sessionId: `bench-voice-${String(++sessions).padStart(6, '0')}`, language: 'en', audio: { format: 'pcm16', sampleRate: 24000 } }));
      }),
    async close() {
      await edge.close(100);
      await composed.realtime.drain(2000);
      await new Promise((resolve) => server.close(resolve));
      await composed.conversation.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.unlink(...keys);
      await Promise.all([redis.quit(), producerRedis.quit(), model.stop()]);
      snapshots.server.close();
    },
  };
}

async function main(): Promise<void> {
  out(`Browser voice sessions at real-time audio rate, ${DURATION_MS / 1000} s per run, one process (client, edge, server, fake model), Node ${process.version}${(globalThis as { gc?: unknown }).gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for steadier memory figures)'}`);
  out('| sessions | server | memory per session KB | speech end -> first audio p50 ms (minus the model delay) | p99 ms | samples | CPU ms per session-second |');
  out('|---|---|---|---|---|---|---|');
  const rows: { sessions: number; server: string; figures: Awaited<ReturnType<typeof drive>> }[] = [];
  for (const n of SIZES) {
    for (const [name, make] of [['ws echo (baseline)', () => echoTarget()], ['edge -> realtime -> fake model', () => realtimeTarget(`bench-realtime-${process.pid}-${n}`)]] as const) {
      const target = await make();
      const f = await drive(target, n, BENCH_ORIGIN);
      await target.close();
      rows.push({ sessions: n, server: name, figures: f });
      out(`| ${n} | ${name} | ${f.memoryPerSessionKb.toFixed(1)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ${f.samples} | ${f.cpuMsPerSessionSecond.toFixed(2)} |`);
    }
  }
  writeBenchJson('realtime', { seconds: DURATION_MS / 1000, rows });
  out();
  out(`Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores. The fake model answers ${MODEL_DELAY_MS} ms after hearing the speech (the time its timer actually took is taken off its rows): their latency above the baseline is what the edge and the bridge add (base64 and JSON both ways, three extra hops).`);
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
