/**
 * N simulated phone calls streaming at real time (one 20 ms mu-law frame every 20 ms each, speech-like
 * audio) through the local edge to telephony-bridge's media-stream bridge and a local server speaking
 * the realtime protocol that echoes each appended frame back as output audio. Measured per frame: the
 * round trip caller -> edge -> bridge -> model -> bridge -> edge -> caller, and process CPU.
 * Baseline, same run, same edge and same echoing model: a bare relay (Twilio frame -> append, delta ->
 * media; no token, no validation, no marks). "Added" is the bridge's figure minus the relay's at the
 * same percentile. Everything runs in this one process (callers, edge, bridge, model), so CPU per call
 * is the whole process's, and the bridge's own cost is the difference from the relay's.
 * Run: `pnpm bench:telephony` (BENCH_CALLS=50,200,500 and BENCH_SECONDS=10 by default; needs Redis).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createEngine } from '@vocalia/agent';
import { encodeMulaw } from '@vocalia/audio';
import { createEdge } from '@vocalia/launcher';
import { createRedis } from '@vocalia/service-kit';
import { attachMediaStreams, createCallStore, createStreamTokens, STREAM_PATH } from '@vocalia/telephony-bridge';
import WebSocket, { WebSocketServer } from 'ws';
import { benchSnapshot, BENCH_TENANT } from './support/bench-tenant';
import { discardingLogger } from './support/servers';

const CALLS = (process.env.BENCH_CALLS ?? '50,200,500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = 2000;
const FRAME_MS = 20;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const out = (line = '') => process.stdout.write(`${line}\n`);

/** Two seconds of speech-like audio (harmonics of a gliding pitch, syllable envelope), as base64 mu-law frames. */
function speechFrames(): string[] {
  const samples = Int16Array.from({ length: 16000 }, (_, i) => {
    const t = i / 8000;
    const pitch = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    const envelope = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin(2 * Math.PI * pitch * h * t) / h;
    return Math.round(9000 * envelope * v);
  });
  const codes = new Uint8Array(samples.length);
  encodeMulaw(samples, codes);
  return Array.from({ length: samples.length / 160 }, (_, f) => Buffer.from(codes.subarray(f * 160, (f + 1) * 160)).toString('base64'));
}

async function listenOn(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The realtime model: every appended frame comes straight back as output audio of one reply item. */
async function startEchoModel(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (raw) => {
      const event = JSON.parse(raw.toString()) as { type: string; audio?: string };
      if (event.type === 'input_audio_buffer.append') socket.send(JSON.stringify({ type: 'response.output_audio.delta', item_id: 'item_echo', delta: event.audio }));
    });
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/realtime`,
    close: () => new Promise((resolve) => wss.close(() => resolve())),
  };
}

/** The baseline: Twilio frames relayed to the model and back with nothing checked or tracked. */
function bareRelay(server: Server, modelUrl: string): WebSocketServer {
  const wss = new WebSocketServer({ server, path: STREAM_PATH, perMessageDeflate: false });
  wss.on('connection', (twilio) => {
    const model = new WebSocket(modelUrl, { perMessageDeflate: false });
    let streamSid = '';
    twilio.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { event: string; start?: { streamSid: string }; media?: { payload: string } };
      if (m.event === 'start') streamSid = m.start?.streamSid ?? '';
      if (m.event === 'media' && model.readyState === WebSocket.OPEN) model.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: m.media?.payload }));
    });
    model.on('message', (raw) => {
      const e = JSON.parse(raw.toString()) as { delta?: string };
      twilio.send(JSON.stringify({ event: 'media', streamSid, media: { payload: e.delta } }));
    });
    twilio.on('close', () => model.close());
  });
  return wss;
}

async function startEdge(upstreamPort: number): Promise<{ url: string; close: () => Promise<void> }> {
  const edge = createEdge(
    {
      routes: [{ router: 'telephony-bridge', priority: 100, matchers: [{ type: 'prefix', path: '/voice/' }], action: { kind: 'proxy', service: 'telephony-bridge', port: upstreamPort } }],
      services: [{ name: 'telephony-bridge', port: upstreamPort }],
    },
    { upstreamHost: '127.0.0.1' },
  );
  const port = await edge.listen(0, '127.0.0.1');
  return { url: `ws://127.0.0.1:${port}${STREAM_PATH}`, close: () => edge.close(100) };
}

interface Figures {
  p50: number;
  p99: number;
  frames: number;
  lost: number;
  cpuPerCallPct: number;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** N callers at real time for SECONDS after a warm-up; each echo is matched to its frame in order. */
async function drive(url: string, calls: { callSid: string; parameters: Record<string, string> }[], frames: string[]): Promise<Figures> {
  const rtts: number[] = [];
  let sent = 0;
  let measuring = false;
  const sockets = await Promise.all(
    calls.map(async ({ callSid, parameters }, index) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
      const streamSid = `MZ${callSid.slice(2)}`;
      const inFlight: { at: number; counted: boolean }[] = [];
      socket.on('message', (raw) => {
        const m = JSON.parse(raw.toString()) as { event: string };
        if (m.event !== 'media') return;
        const frame = inFlight.shift();
        if (frame?.counted) rtts.push(performance.now() - frame.at);
      });
      socket.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      socket.send(JSON.stringify({ event: 'start', streamSid, start: { streamSid, callSid, accountSid: `AC${'0'.repeat(32)}`, tracks: ['inbound'], customParameters: parameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
      let chunk = 0;
      const tick = () => {
        const payload = frames[chunk % frames.length]!;
        inFlight.push({ at: performance.now(), counted: measuring });
        if (measuring) sent++;
        socket.send(JSON.stringify({ event: 'media', streamSid, media: { track: 'inbound', chunk: String(chunk), timestamp: String(chunk * FRAME_MS), payload } }));
        chunk++;
      };
      // Calls start spread over one frame period, as real calls are not in phase.
      const timer = setTimeout(() => (tick(), (timerRef.interval = setInterval(tick, FRAME_MS))), (index * FRAME_MS) / calls.length);
      const timerRef: { interval?: NodeJS.Timeout } = {};
      return { socket, stop: () => (clearTimeout(timer), clearInterval(timerRef.interval)) };
    }),
  );
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const used = process.cpuUsage(cpu);
  const elapsedMs = performance.now() - started;
  for (const s of sockets) s.stop();
  await new Promise((r) => setTimeout(r, 500));
  for (const s of sockets) s.socket.close();
  rtts.sort((a, b) => a - b);
  const cpuMs = (used.user + used.system) / 1000;
  return { p50: percentile(rtts, 0.5), p99: percentile(rtts, 0.99), frames: rtts.length, lost: sent - rtts.length, cpuPerCallPct: (cpuMs / elapsedMs / calls.length) * 100 };
}

async function main(): Promise<void> {
  const frames = speechFrames();
  const redis = createRedis(REDIS_URL, 'client');
  await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
  const keyPrefix = `bench-tel-${process.pid}`;
  const calls = createCallStore({ redis, keyPrefix });
  const tokens = createStreamTokens({ secret: 'bench-stream-token-secret-0123456789abcdef', ttlSec: 3600 });
  const snapshot = benchSnapshot();
  const model = await startEchoModel();
  const logger = discardingLogger();
  const engine = createEngine({ providers: [] });
  const noUrls = { turn: '', recording: '', dialResult: '', whisper: () => '' };

  const bridgeServer = createServer((_req, res) => res.writeHead(404).end());
  const bridgeStreams = attachMediaStreams(bridgeServer, {
    logger,
    calls,
    tokens,
    snapshots: { get: async () => snapshot },
    turns: { agentFor: async () => ({ agentId: null, language: 'en', greeting: 'Hello, how can I help?' }) },
    recordSpokenTurn: async () => undefined,
    tools: (tenant, sessionId) => engine.sessionTools(tenant, sessionId),
    realtime: { url: model.url, apiKey: 'bench', model: 'bench-echo', voice: 'alloy', transcriptionModel: 'none', audioFormat: (process.env.BENCH_AUDIO_FORMAT as 'pcmu' | 'pcm16' | undefined) ?? 'pcmu', bargeInMinMs: 250 },
    updateCall: async () => undefined,
    urls: noUrls,
  });
  const relayServer = createServer((_req, res) => res.writeHead(404).end());
  const relayStreams = bareRelay(relayServer, model.url);
  const bridgeEdge = await startEdge(await listenOn(bridgeServer));
  const relayEdge = await startEdge(await listenOn(relayServer));

  out(`# Phone media streams through the edge, ${SECONDS} s per run at 50 frames/s per call`);
  out(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`model audio: ${process.env.BENCH_AUDIO_FORMAT ?? 'pcmu'}; baseline: bare relay through the same edge and echo model`);
  out();
  out('| calls | relay p50 / p99 ms | bridge p50 / p99 ms | added p50 / p99 ms | frames measured (lost) | CPU per call: relay / bridge (% of a core) |');
  out('|---|---|---|---|---|---|');
  for (const n of CALLS) {
    const placed = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const callSid = `CA${String(i).padStart(8, '0')}${process.pid.toString(16).padStart(24, '0')}`.slice(0, 34);
        await calls.save({
          callSid,
          tenantId: BENCH_TENANT,
          agentId: null,
          direction: 'inbound',
          language: 'en',
          settings: { recordCalls: false, maxCallSeconds: 3600, transferDigit: '0', smsSummary: false, maxConcurrentCalls: 1000 },
          startedAt: Date.now(),
          silences: 0,
          slot: callSid,
          requestId: 'bench',
          ended: false,
        });
        return { callSid, parameters: { tenant: BENCH_TENANT, agent: '', token: tokens.issue({ callSid, tenantId: BENCH_TENANT, agentId: null }) } };
      }),
    );
    const relay = await drive(relayEdge.url, placed, frames);
    const bridge = await drive(bridgeEdge.url, placed, frames);
    const f = (v: number) => v.toFixed(2);
    out(
      `| ${n} | ${f(relay.p50)} / ${f(relay.p99)} | ${f(bridge.p50)} / ${f(bridge.p99)} | ${f(bridge.p50 - relay.p50)} / ${f(bridge.p99 - relay.p99)} | ${relay.frames} (${relay.lost}) / ${bridge.frames} (${bridge.lost}) | ${relay.cpuPerCallPct.toFixed(3)} / ${bridge.cpuPerCallPct.toFixed(3)} |`,
    );
  }
  for (const wss of [bridgeStreams, relayStreams]) {
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => wss.close(resolve));
  }
  await Promise.all([bridgeEdge.close(), relayEdge.close(), model.close()]);
  await new Promise((resolve) => bridgeServer.close(resolve));
  await new Promise((resolve) => relayServer.close(resolve));
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
