/**
 * N simulated phone calls streaming at real time (one 20 ms frame of real mu-law speech, espeak-ng
 * made, every 20 ms each) through the local edge to telephony-bridge's media-stream bridge and a local
 * server speaking the realtime protocol. The model answers as real realtime models do: its audio comes
 * in deltas longer than a phone frame, faster than real time (support/phone-reply-shape.ts: by default
 * 500 ms of reply, 5 deltas of 100 ms sent at once, for every 500 ms of caller audio heard; it echoes
 * the caller's audio). Until 2026-12-02 it echoed every 20 ms frame as its own delta, 50 deltas a
 * second per call, which no realtime model sends and which made the bridge send and receive a mark
 * per 20 ms; the caller side is unchanged, Twilio's 20 ms frames at real time. The callers play what
 * they get at real time and echo each mark once the audio before it has played, as Twilio does.
 * Timed: each reply chunk, from the caller's send of the frame that completed what the model answers
 * to the chunk's arrival: caller -> edge -> bridge -> model -> bridge -> edge -> caller. The model and
 * the callers run in child processes (support/phone-load-rig.ts); this process holds only the edge
 * and the bridge, so its CPU is what the calls cost the edge and the bridge.
 * Baseline, same run, same edge and same model: a bare relay (Twilio frame -> append, delta -> media;
 * no token, no validation, no marks). "Added" is the bridge's figure minus the relay's at the same
 * percentile. Both are warmed up first, then run one after the other at each N, the order alternating
 * from one N to the next.
 * Run: `pnpm bench:telephony` (BENCH_CALLS=50,200,500, BENCH_SECONDS=10, BENCH_CALLER_PROCS=2,
 * BENCH_MODEL_CHUNK_MS=100, BENCH_MODEL_BURST=5 by default; needs Redis).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createEngine } from '@vocalia/agent';
import { createEdge } from '@vocalia/launcher';
import { createRedis } from '@vocalia/service-kit';
import { attachMediaStreams, createCallStore, createStreamTokens, STREAM_PATH } from '@vocalia/telephony-bridge';
import WebSocket, { WebSocketServer } from 'ws';
import { PhoneLoadRig, type DriveFigures } from './support/phone-load-rig';
import { BURST_CHUNKS, CHUNK_FRAMES } from './support/phone-reply-shape';
import { benchSnapshot, BENCH_TENANT } from './support/bench-tenant';
import { writeBenchJson } from './support/bench-json';
import { discardingLogger } from './support/servers';

const CALLS = (process.env.BENCH_CALLS ?? '50,200,500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = 2000;
const CALLER_PROCS = Number(process.env.BENCH_CALLER_PROCS ?? 2);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const out = (line = '') => process.stdout.write(`${line}\n`);

async function listenOn(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The baseline: Twilio frames relayed to the model and back with nothing checked or tracked; caller audio waits for the model's socket to open, as the bridge's does. */
function bareRelay(server: Server, modelUrl: string): WebSocketServer {
  const wss = new WebSocketServer({ server, path: STREAM_PATH, perMessageDeflate: false });
  wss.on('connection', (twilio) => {
    const model = new WebSocket(modelUrl, { perMessageDeflate: false });
    let streamSid = '';
    const waiting: string[] = [];
    model.on('open', () => {
      for (const text of waiting.splice(0)) model.send(text);
    });
    twilio.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { event: string; start?: { streamSid: string }; media?: { payload: string } };
      if (m.event === 'start') streamSid = m.start?.streamSid ?? '';
      if (m.event !== 'media') return;
      const text = JSON.stringify({ type: 'input_audio_buffer.append', audio: m.media?.payload });
      if (model.readyState === WebSocket.OPEN) model.send(text);
      else waiting.push(text);
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

async function main(): Promise<void> {
  const redis = createRedis(REDIS_URL, 'client');
  await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
  const keyPrefix = `bench-tel-${process.pid}`;
  const calls = createCallStore({ redis, keyPrefix });
  const tokens = createStreamTokens({ secret: 'bench-stream-token-secret-0123456789abcdef', ttlSec: 3600 });
  const snapshot = benchSnapshot();
  const rig = await PhoneLoadRig.start(CALLER_PROCS);
  const modelUrl = rig.modelUrl;
  const logger = discardingLogger();
  const engine = createEngine({ providers: [] });
  const noUrls = { turn: '', recording: '', dialResult: '', whisper: () => '', streamEnded: '' };

  const bridgeServer = createServer((_req, res) => res.writeHead(404).end());
  const bridgeStreams = attachMediaStreams(bridgeServer, {
    logger,
    calls,
    tokens,
    snapshots: { get: async () => snapshot },
    turns: { agentFor: async () => ({ agentId: null, language: 'en', greeting: 'Hello, how can I help?' }) },
    // Every call's state is saved before its stream starts: no call is rebuilt from its line.
    numbers: { resolve: async () => null },
    recordSpokenTurn: async () => undefined,
    loadHistory: async () => [],
    tools: (tenant, sessionId) => engine.sessionTools(tenant, sessionId),
    realtime: { url: modelUrl, apiKey: 'bench', model: 'bench-echo', voice: 'alloy', transcriptionModel: 'none', audioFormat: (process.env.BENCH_AUDIO_FORMAT as 'pcmu' | 'pcm16' | undefined) ?? 'pcmu', bargeInMinMs: 250 },
    updateCall: async () => undefined,
    urls: noUrls,
    now: () => Date.now(),
  });
  const relayServer = createServer((_req, res) => res.writeHead(404).end());
  const relayStreams = bareRelay(relayServer, modelUrl);
  // BENCH_EDGE=off: callers connect straight to the bridge and the relay (in production the edge is Traefik, another process).
  const front = process.env.BENCH_EDGE === 'off' ? async (port: number) => ({ url: `ws://127.0.0.1:${port}${STREAM_PATH}`, close: async () => undefined }) : startEdge;
  const bridgeEdge = await front(await listenOn(bridgeServer));
  const relayEdge = await front(await listenOn(relayServer));

  out(`# Phone media streams through the edge, ${SECONDS} s per run at 50 frames/s per call`);
  out(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`model audio: ${process.env.BENCH_AUDIO_FORMAT ?? 'pcmu'}, ${BURST_CHUNKS} deltas of ${CHUNK_FRAMES * 20} ms at once per reply; caller audio: espeak-ng speech as mu-law; baseline: bare relay through the same edge and echo model`);
  out(`model in a child process, callers in ${CALLER_PROCS}; CPU per call is this process (${process.env.BENCH_EDGE === 'off' ? 'bridge or relay, no edge' : 'edge + bridge or relay'}); first of each row in *italics*`);
  out();
  out('| calls | relay p50 / p99 ms | bridge p50 / p99 ms | added p50 / p99 ms | chunks timed (lost): relay / bridge | caller frames sent, % of real time: relay / bridge | CPU per call: relay / bridge (% of a core) | calls per core: relay / bridge | load process CPU % |');
  out('|---|---|---|---|---|---|---|---|---|');
  const placed = await Promise.all(
    Array.from({ length: Math.max(...CALLS) }, async (_, i) => {
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
  // Warm-up, not reported: both sides' code paths compiled and their sockets' buffers grown before the first row.
  for (const url of [relayEdge.url, bridgeEdge.url]) await rig.drive(url, placed.slice(0, Math.min(50, placed.length)), 2, WARMUP_MS);
  const rows: { calls: number; relay: DriveFigures; bridge: DriveFigures }[] = [];
  for (const [index, n] of CALLS.entries()) {
    const relayFirst = index % 2 === 0;
    const drive = (url: string) => rig.drive(url, placed.slice(0, n), SECONDS, WARMUP_MS);
    const first = await drive(relayFirst ? relayEdge.url : bridgeEdge.url);
    const second = await drive(relayFirst ? bridgeEdge.url : relayEdge.url);
    const [relay, bridge] = relayFirst ? [first, second] : [second, first];
    rows.push({ calls: n, relay, bridge });
    const f = (v: number) => v.toFixed(2);
    const pair = (r: string, b: string) => (relayFirst ? `*${r}* | ${b}` : `${r} | *${b}*`);
    out(
      `| ${n} | ${pair(`${f(relay.p50)} / ${f(relay.p99)}`, `${f(bridge.p50)} / ${f(bridge.p99)}`)} | ${f(bridge.p50 - relay.p50)} / ${f(bridge.p99 - relay.p99)} | ${relay.chunks} (${relay.lost}) / ${bridge.chunks} (${bridge.lost}) | ${relay.realTimePct.toFixed(0)} / ${bridge.realTimePct.toFixed(0)} | ${relay.cpuPerCallPct.toFixed(3)} / ${bridge.cpuPerCallPct.toFixed(3)} | ${Math.round(100 / relay.cpuPerCallPct)} / ${Math.round(100 / bridge.cpuPerCallPct)} | ${relay.loadCpuPct.toFixed(0)} / ${bridge.loadCpuPct.toFixed(0)} |`,
    );
  }
  out(`load at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  writeBenchJson('telephony', { seconds: SECONDS, rows });
  for (const wss of [bridgeStreams, relayStreams]) {
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => wss.close(resolve));
  }
  rig.stop();
  await Promise.all([bridgeEdge.close(), relayEdge.close()]);
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
