/**
 * /respond throughput and latency, each server in its own process as deployed: voice-api (local
 * provider, real Redis, fake db-api) against a bare express answering fixed JSON, each direct and
 * through its own edge process (standing for Traefik), and service-kit's app answering the same fixed
 * JSON (direct), which splits voice-api's cost into the kit's middleware and the turn; autocannon in
 * this process; then time to first token of the SSE stream. Prints figures and each process's CPU per
 * request, asserts nothing.
 * Run: `npx tsx bench/respond.bench.ts` (BENCH_DURATION_SEC, BENCH_TTFT_COUNT, REDIS_URL to tune).
 */
import { cpus, loadavg } from 'node:os';
import { createEngine, engineConfigFromEnv } from '@vocalia/agent';
import { runLoad, timeToFirstToken, unloadedLatency, type LoadFigures, type Percentiles } from './support/load';
import { benchSnapshot } from './support/bench-tenant';
import { engineMedianMs } from './support/engine-time';
import { startRespondFleet, type FleetTarget } from './support/respond-fleet';
import { cpuOf, cpuPerRequest, startServerProcess } from './support/server-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_DURATION_SEC ?? 5);
const TTFT_COUNT = Number(process.env.BENCH_TTFT_COUNT ?? 200);
const SEQUENTIAL_COUNT = Number(process.env.BENCH_SEQUENTIAL_COUNT ?? 1000);
const CONNECTIONS = 50;
const out = (line = '') => process.stdout.write(`${line}\n`);

const CPU_COLUMNS = ['client', 'edge', 'server'] as const;
const cpuCells = (cpu: Record<string, number>) => CPU_COLUMNS.map((c) => (cpu[c] === undefined ? '-' : cpu[c].toFixed(3)).padStart(8)).join(' ');
const cpuHeader = () => CPU_COLUMNS.map((c) => c.padStart(8)).join(' ');

/** `work` against `target`, with the CPU ms per request each of its processes used meanwhile. */
async function measured<T>(target: FleetTarget, work: () => Promise<T>, requests: (result: T) => number): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = cpuOf(target.pids);
  const result = await work();
  return { result, cpu: cpuPerRequest(before, cpuOf(target.pids), requests(result)) };
}

async function main(): Promise<void> {
  const fleet = await startRespondFleet(`bench-voice-${process.pid}`, REDIS_URL);
  const kitProcess = await startServerProcess<{ url: string }>('service-kit', 'kit-baseline-process.ts');
  const kit: FleetTarget = { name: 'service-kit app (fixed)', url: kitProcess.ready.url, headers: fleet.baseline.headers, pids: { client: process.pid, server: kitProcess.pid } };
  const targets = { baseline: fleet.baseline, kit, voice: fleet.voice, baselineEdge: fleet.baselineEdge, voiceEdge: fleet.voiceEdge };

  out(`VocalIA /respond benchmark: node ${process.version}, ${cpus().length} CPUs (load average ${loadavg()[0]!.toFixed(2)}), local provider, Redis ${REDIS_URL}`);
  out('Each server and each edge is its own process, as deployed; this process runs autocannon. CPU ms/req per process:');
  out('client = this process (load generator), edge = the edge in front of the target, server = voice-api or the bare express.');
  for (const t of Object.values(targets)) await runLoad(t, 10, 1);
  out();
  out(`Under load: autocannon, ${CONNECTIONS} connections, ${DURATION} s each (CPU ms/req: ${CPU_COLUMNS.join(', ')})`);
  out(`${'target'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(8)} ${cpuHeader()}`);
  const loaded: Record<string, LoadFigures> = {};
  const serverCpu: Record<string, number> = {};
  for (const [key, t] of Object.entries(targets)) {
    const { result: f, cpu } = await measured(t, () => runLoad(t, CONNECTIONS, DURATION), (r) => r.total);
    loaded[key] = f;
    serverCpu[key] = cpu.server ?? NaN;
    out(`${f.name.padEnd(28)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${String(f.non2xx + f.errors).padStart(8)} ${cpuCells(cpu)}`);
  }

  out();
  out(`Unloaded: ${SEQUENTIAL_COUNT} sequential requests on one keep-alive connection (CPU ms/req: ${CPU_COLUMNS.join(', ')})`);
  out(`${'target'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${cpuHeader()}`);
  const single: Record<string, Percentiles> = {};
  for (const [key, t] of Object.entries(targets)) {
    const { result, cpu } = await measured(t, () => unloadedLatency(t, SEQUENTIAL_COUNT), () => SEQUENTIAL_COUNT);
    single[key] = result;
    out(`${t.name.padEnd(28)} ${result.p50.toFixed(2).padStart(8)} ${result.p99.toFixed(2).padStart(8)} ${cpuCells(cpu)}`);
  }

  const compare = (voice: string, base: string) =>
    `throughput x${(loaded[voice]!.rps / loaded[base]!.rps).toFixed(2)} of baseline; unloaded p50 +${(single[voice]!.p50 - single[base]!.p50).toFixed(2)} ms, p99 +${(single[voice]!.p99 - single[base]!.p99).toFixed(2)} ms`;
  out();
  out(`load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`direct:   voice-api ${compare('voice', 'baseline')}`);
  out(`via edge: voice-api ${compare('voiceEdge', 'baselineEdge')}`);
  const [bare, withKit, voice] = [serverCpu.baseline!, serverCpu.kit!, serverCpu.voice!];
  out(
    `server CPU ms/req under load, direct: bare express ${bare.toFixed(3)}; service-kit app +${(withKit - bare).toFixed(3)} (its middleware); voice-api +${(voice - withKit).toFixed(3)} more (the turn: checks, Redis, engine, events)`,
  );
  const engineMs = await engineMedianMs(createEngine(engineConfigFromEnv({})), benchSnapshot(), SEQUENTIAL_COUNT);
  const ownMs = single.voice!.p50 - single.baseline!.p50 - engineMs;
  out(`of the direct +${(single.voice!.p50 - single.baseline!.p50).toFixed(2)} ms: engine (local provider, alone in this process) median ${engineMs.toFixed(2)} ms, the rest (~${ownMs.toFixed(2)} ms) is voice-api: token, origin, 1 Redis round trip, validation, queueing, logs`);

  const direct = await timeToFirstToken(targets.voice, TTFT_COUNT);
  const viaEdge = await timeToFirstToken(targets.voiceEdge, TTFT_COUNT);
  out(`SSE time to first token, ${TTFT_COUNT} sequential streams: direct median ${direct.median.toFixed(2)} ms (p90 ${direct.p90.toFixed(2)}), via edge median ${viaEdge.median.toFixed(2)} ms (p90 ${viaEdge.p90.toFixed(2)}); failed ${direct.failures + viaEdge.failures}`);

  await Promise.all([fleet.close(), kitProcess.stop()]);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
