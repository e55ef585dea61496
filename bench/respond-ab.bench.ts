/**
 * /respond A/B: this checkout's voice-api (B) against another checkout's (A, BENCH_A_ROOT), each as
 * deployed (its own processes: voice-api, bare express, an edge before each), both alive the whole
 * run and measured in turn, the order flipped each round, so a busy machine weighs on both alike.
 * Per round and side: the fleet's rows (via the edge, 10/50/200 connections, then unloaded) with
 * each process's CPU per request; then medians, and in how many rounds B was lower. The bare express
 * and the edges run the same code on both sides: their B/A is the run's own noise floor.
 * Run: `BENCH_A_ROOT=/path/to/a npx tsx bench/respond-ab.bench.ts` (BENCH_ROUNDS, BENCH_DURATION_SEC, REDIS_URL).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runLoad, unloadedLatency } from './support/load';
import { median } from './support/percentile';
import { startRespondFleet, type FleetTarget, type RespondFleet } from './support/respond-fleet';
import { cpuOf, cpuPerRequest } from './support/server-process';

const A_ROOT = process.env.BENCH_A_ROOT;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION_SEC ?? 3);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL_COUNT ?? 500);
const CONNECTIONS = [10, 50, 200];
const out = (line = '') => process.stdout.write(`${line}\n`);

type Side = 'A' | 'B';
const figures = new Map<string, Record<Side, number[]>>();
const record = (side: Side, name: string, value: number) => {
  const entry = figures.get(name) ?? { A: [], B: [] };
  entry[side].push(value);
  figures.set(name, entry);
};

/** `work` on `target`, recording CPU ms per request of the target's server and edge, and of the client. */
async function measured<T>(side: Side, label: string, target: FleetTarget, requests: (r: T) => number, work: () => Promise<T>): Promise<T> {
  const before = cpuOf(target.pids);
  const result = await work();
  const cpu = cpuPerRequest(before, cpuOf(target.pids), requests(result));
  for (const [proc, ms] of Object.entries(cpu)) record(side, `${label} CPU ms/req ${proc}`, ms);
  return result;
}

async function round(side: Side, fleet: RespondFleet): Promise<string> {
  const cells: string[] = [];
  for (const c of CONNECTIONS) {
    const base = await measured(side, `${c}c express`, fleet.baselineEdge, (r) => r.total, () => runLoad(fleet.baselineEdge, c, DURATION));
    const ours = await measured(side, `${c}c voice-api`, fleet.voiceEdge, (r) => r.total, () => runLoad(fleet.voiceEdge, c, DURATION));
    record(side, `${c}c ratio`, ours.rps / base.rps);
    record(side, `${c}c voice-api p50 ms`, ours.p50);
    cells.push(`${c}c x${(ours.rps / base.rps).toFixed(2)}`);
  }
  const base = await measured(side, 'unloaded express', fleet.baselineEdge, () => SEQUENTIAL, () => unloadedLatency(fleet.baselineEdge, SEQUENTIAL));
  const ours = await measured(side, 'unloaded voice-api', fleet.voiceEdge, () => SEQUENTIAL, () => unloadedLatency(fleet.voiceEdge, SEQUENTIAL));
  record(side, 'unloaded added p50 ms', ours.p50 - base.p50);
  cells.push(`unloaded +${(ours.p50 - base.p50).toFixed(2)} ms`);
  return `${side}: ${cells.join(', ')}`;
}

async function main(): Promise<void> {
  if (!A_ROOT) throw new Error('set BENCH_A_ROOT to the other checkout (installed, e.g. `git worktree add` + `pnpm install --offline`)');
  const startA = (await import(join(A_ROOT, 'bench/support/respond-fleet'))).startRespondFleet as typeof startRespondFleet;
  const fleets: Record<Side, RespondFleet> = { A: await startA(`bench-ab-a-${process.pid}`, REDIS_URL), B: await startRespondFleet(`bench-ab-b-${process.pid}`, REDIS_URL) };
  try {
    out(`/respond A/B: A = ${A_ROOT}, B = ${join(__dirname, '..')}; ${ROUNDS} rounds, ${DURATION} s per load run; load average ${loadavg()[0]!.toFixed(2)}`);
    for (const side of ['A', 'B'] as Side[]) for (const t of [fleets[side].baselineEdge, fleets[side].voiceEdge]) await runLoad(t, 10, 1);
    for (let i = 0; i < ROUNDS; i++) {
      const lines: string[] = [];
      for (const side of (i % 2 ? ['B', 'A'] : ['A', 'B']) as Side[]) lines.push(await round(side, fleets[side]));
      out(`round ${i + 1} (load ${loadavg()[0]!.toFixed(2)}): ${lines.join(' | ')}`);
    }
    out();
    out(`${'figure (median over rounds)'.padEnd(42)} ${'A'.padStart(8)} ${'B'.padStart(8)} ${'B/A'.padStart(6)}  B lower`);
    for (const [name, { A, B }] of figures) {
      const lower = A.filter((a, i) => (B[i] ?? NaN) < a).length;
      out(`${name.padEnd(42)} ${median(A).toFixed(3).padStart(8)} ${median(B).toFixed(3).padStart(8)} ${(median(B) / median(A)).toFixed(2).padStart(6)}  ${lower}/${A.length}`);
    }
    out(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await Promise.all([fleets.A.close(), fleets.B.close()]);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
