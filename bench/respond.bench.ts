/**
 * /respond throughput and latency: voice-api in-process (local provider, real Redis, fake db-api)
 * against a bare express handler answering fixed JSON, each direct and through the local edge;
 * then time to first token of the SSE stream. Prints figures, asserts nothing.
 * Run: `npx tsx bench/respond.bench.ts` (BENCH_DURATION_SEC, BENCH_TTFT_COUNT, REDIS_URL to tune).
 */
import type { Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { runLoad, timeToFirstToken, unloadedLatency, type LoadFigures, type LoadTarget, type Percentiles } from './support/load';
import { engineMedianMs } from './support/engine-time';
import { startBaseline, startEdge, urlOf } from './support/servers';
import { startVoiceApi } from './support/voice-api-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_DURATION_SEC ?? 5);
const TTFT_COUNT = Number(process.env.BENCH_TTFT_COUNT ?? 200);
const SEQUENTIAL_COUNT = Number(process.env.BENCH_SEQUENTIAL_COUNT ?? 1000);
const CONNECTIONS = 50;
const out = (line = '') => process.stdout.write(`${line}\n`);

const row = (f: LoadFigures, cpuMs: number) =>
  `${f.name.padEnd(28)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${String(f.non2xx + f.errors).padStart(8)} ${cpuMs.toFixed(2).padStart(12)}`;

/** This process's CPU time (user + system) while `work` runs, in ms. */
async function cpuDuring<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const started = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(started);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  const prefix = `bench-voice-${process.pid}`;
  const voice = await startVoiceApi(prefix, REDIS_URL);
  const baseline: Server = await startBaseline();
  const voiceEdge = await startEdge(Number(new URL(urlOf(voice.server)).port));
  const baselineEdge = await startEdge(Number(new URL(urlOf(baseline)).port));
  const targets: Record<string, LoadTarget> = {
    baseline: { name: 'bare express (baseline)', url: urlOf(baseline), headers: voice.headers },
    voice: { name: 'voice-api', url: urlOf(voice.server), headers: voice.headers },
    baselineEdge: { name: 'bare express via edge', url: baselineEdge.url, headers: voice.headers },
    voiceEdge: { name: 'voice-api via edge', url: voiceEdge.url, headers: voice.headers },
  };

  out(`VocalIA /respond benchmark: node ${process.version}, ${cpus().length} CPUs (load average ${loadavg()[0]!.toFixed(2)}), local provider, Redis ${REDIS_URL}`);
  out('One process runs the load generator, both servers, the edge and the fake db-api: compare ratios, not absolute figures.');
  out('CPU ms/req is this whole process (client, edge, server) per request: the difference to the baseline is the server\'s own work.');
  for (const t of Object.values(targets)) await runLoad(t, 10, 1);
  out();
  out(`Under load: autocannon, ${CONNECTIONS} connections, ${DURATION} s each`);
  out(`${'target'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(8)} ${'CPU ms/req'.padStart(12)}`);
  const loaded: Record<string, LoadFigures> = {};
  for (const [key, t] of Object.entries(targets)) {
    const { result, cpuMs } = await cpuDuring(() => runLoad(t, CONNECTIONS, DURATION));
    loaded[key] = result;
    out(row(result, cpuMs / Math.max(1, result.rps * DURATION)));
  }

  out();
  out(`Unloaded: ${SEQUENTIAL_COUNT} sequential requests on one keep-alive connection`);
  out(`${'target'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU ms/req'.padStart(12)}`);
  const single: Record<string, Percentiles> = {};
  for (const [key, t] of Object.entries(targets)) {
    const { result, cpuMs } = await cpuDuring(() => unloadedLatency(t, SEQUENTIAL_COUNT));
    single[key] = result;
    out(`${t.name.padEnd(28)} ${result.p50.toFixed(2).padStart(8)} ${result.p99.toFixed(2).padStart(8)} ${(cpuMs / SEQUENTIAL_COUNT).toFixed(2).padStart(12)}`);
  }

  const compare = (voice: string, base: string) =>
    `throughput x${(loaded[voice]!.rps / loaded[base]!.rps).toFixed(2)} of baseline; unloaded p50 +${(single[voice]!.p50 - single[base]!.p50).toFixed(2)} ms, p99 +${(single[voice]!.p99 - single[base]!.p99).toFixed(2)} ms`;
  out();
  out(`load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`direct:   voice-api ${compare('voice', 'baseline')}`);
  out(`via edge: voice-api ${compare('voiceEdge', 'baselineEdge')}`);
  const engineMs = await engineMedianMs(voice.engine, voice.snapshot, SEQUENTIAL_COUNT);
  const ownMs = single.voice!.p50 - single.baseline!.p50 - engineMs;
  out(`of the direct +${(single.voice!.p50 - single.baseline!.p50).toFixed(2)} ms: engine (local provider, in-process) median ${engineMs.toFixed(2)} ms, the rest (~${ownMs.toFixed(2)} ms) is voice-api: token, origin, 1 Redis round trip, validation, queueing, logs`);

  const direct = await timeToFirstToken(targets.voice!, TTFT_COUNT);
  const viaEdge = await timeToFirstToken(targets.voiceEdge!, TTFT_COUNT);
  out(`SSE time to first token, ${TTFT_COUNT} sequential streams: direct median ${direct.median.toFixed(2)} ms (p90 ${direct.p90.toFixed(2)}), via edge median ${viaEdge.median.toFixed(2)} ms (p90 ${viaEdge.p90.toFixed(2)}); failed ${direct.failures + viaEdge.failures}`);

  await Promise.all([voiceEdge.close(), baselineEdge.close()]);
  await new Promise((r) => baseline.close(r));
  baseline.closeAllConnections();
  await voice.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
