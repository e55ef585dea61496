/**
 * `pnpm bench`: the fleet's figures in one table, each beside a baseline measured in the same run.
 * /respond through the edge against a bare express through the same edge (10, 50, 200 connections,
 * then unloaded), each server and each edge its own process as deployed, autocannon in this one,
 * with each process's CPU per request; then the phone, browser voice, webhook and usage-ingestion
 * benches as child processes with small settings (each bounded by a timeout), reporting through BENCH_JSON.
 * Each /respond figure is the median of BENCH_RESPOND_ROUNDS (default 3) runs per side, the two taking turns.
 * Writes bench/results/<date>.json and .md. Tune with BENCH_DURATION_SEC (per /respond run, default 5)
 * and each bench's own variables (BENCH_CALLS, BENCH_SESSIONS, BENCH_WEBHOOKS, BENCH_USAGE_EVENTS...).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad, unloadedLatency } from './support/load';
import { startRespondFleet, type FleetTarget } from './support/respond-fleet';
import { pairedRounds } from './support/paired-rounds';
import { childRows, type ChildReport, type Row } from './support/fleet-rows';
import { markdownTable } from './support/fleet-table';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_DURATION_SEC ?? 5);
const CONNECTIONS = [10, 50, 200];
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL_COUNT ?? 500);
/** Each /respond figure is the median of this many runs per side, baseline and ours taking turns. */
const ROUNDS = Number(process.env.BENCH_RESPOND_ROUNDS ?? 3);
const CHILD_TIMEOUT_MS = Number(process.env.BENCH_CHILD_TIMEOUT_SEC ?? 240) * 1000;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** The benches run as children, with the small settings that keep `pnpm bench` to a few minutes (an explicit variable wins). */
const CHILDREN: { script: string; env: Record<string, string> }[] = [
  { script: 'telephony-streams.bench.ts', env: { BENCH_CALLS: '50,200', BENCH_SECONDS: '5' } },
  { script: 'realtime-sessions.bench.ts', env: { BENCH_SESSIONS: '20,50', BENCH_DURATION_SEC: '3', NODE_OPTIONS: '--expose-gc' } },
  { script: 'webhooks.bench.ts', env: {} },
  { script: 'usage-ingest.bench.ts', env: { BENCH_USAGE_EVENTS: '2000' } },
];

const cpuText = (cpu: Record<string, number>) => Object.entries(cpu).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ');

async function respondRows(): Promise<Row[]> {
  const fleet = await startRespondFleet(`bench-fleet-${process.pid}`, REDIS_URL);
  const base = fleet.baselineEdge;
  const ours = fleet.voiceEdge;
  const rows: Row[] = [];
  const medians = `median of ${ROUNDS} rounds`;
  try {
    for (const t of [base, ours]) await runLoad(t, 10, 1);
    for (const c of CONNECTIONS) {
      const { base: b, ours: v } = await pairedRounds(ROUNDS, base, ours, (t) => runLoad(t, c, DURATION));
      const group = `/respond, ${c} connections`;
      const failed = v.figures.non2xx + v.figures.errors;
      const cpu = `${medians}; CPU ms/req ${cpuText(v.cpu)} against ${cpuText(b.cpu)}`;
      rows.push(
        { group, figure: 'req/s', value: v.figures.rps, baseline: b.figures.rps, higherIsBetter: true, note: failed > 0 ? `${failed} failed; ${cpu}` : cpu },
        { group, figure: 'p50 ms', value: v.figures.p50, baseline: b.figures.p50 },
        { group, figure: 'p99 ms', value: v.figures.p99, baseline: b.figures.p99 },
        { group, figure: 'p999 ms', value: v.figures.p999, baseline: b.figures.p999 },
        { group, figure: "p999 ms after each connection's first answer", value: v.figures.p999AfterFirst, baseline: b.figures.p999AfterFirst },
        { group, figure: 'slowest first answer on a connection ms', value: v.figures.slowestFirst, baseline: b.figures.slowestFirst, note: 'a connection opened under load waits to be accepted: Node accepts one per turn of its event loop' },
      );
      out(`  /respond at ${c} connections: ${v.figures.rps.toFixed(0)} req/s against ${b.figures.rps.toFixed(0)}; ${cpu}`);
    }
    const sequential = async (t: FleetTarget) => ({ ...(await unloadedLatency(t, SEQUENTIAL)), total: SEQUENTIAL });
    const { base: b, ours: v } = await pairedRounds(ROUNDS, base, ours, sequential);
    const group = `/respond, unloaded (${SEQUENTIAL} sequential)`;
    rows.push(
      { group, figure: 'p50 ms', value: v.figures.p50, baseline: b.figures.p50, note: `added ${(v.figures.p50 - b.figures.p50).toFixed(2)} ms; ${medians}; CPU ms/req ${cpuText(v.cpu)} against ${cpuText(b.cpu)}` },
      { group, figure: 'p99 ms', value: v.figures.p99, baseline: b.figures.p99 },
    );
  } finally {
    await fleet.close();
  }
  return rows;
}

/** One bench as a child process; its figures come back through the BENCH_JSON file, or the reason they did not. */
function runChild(script: string, env: Record<string, string>): Promise<ChildReport> {
  const dir = mkdtempSync(join(tmpdir(), 'vocalia-bench-'));
  const file = join(dir, 'figures.json');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script)], {
      cwd: __dirname,
      env: { ...process.env, ...Object.fromEntries(Object.entries(env).filter(([k]) => process.env[k] === undefined)), BENCH_JSON: file },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      let report: ChildReport;
      try {
        report = JSON.parse(readFileSync(file, 'utf8')) as ChildReport;
      } catch {
        report = { name: script, error: signal ? `stopped after ${CHILD_TIMEOUT_MS / 1000} s` : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}` };
      }
      rmSync(dir, { recursive: true, force: true });
      resolve(report);
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAtStart: loadavg()[0] ?? 0 };
  out(`VocalIA fleet benchmark: ${machine.cpus} x ${machine.cpu}, node ${machine.node}, load average ${machine.loadAtStart.toFixed(2)}`);
  const rows = await respondRows();
  const failures: string[] = [];
  for (const { script, env } of CHILDREN) {
    out(`  ${script}...`);
    const report = await runChild(script, env);
    if ('error' in report) failures.push(`${script}: ${report.error}`);
    else rows.push(...childRows(report));
  }
  const loadAtEnd = loadavg()[0] ?? 0;
  const table = markdownTable(rows);
  out();
  out(table);
  for (const f of failures) out(`not measured: ${f}`);
  out(`load average ${machine.loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at the end; ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const date = new Date().toISOString().slice(0, 10);
  const results = join(__dirname, 'results');
  mkdirSync(results, { recursive: true });
  const record = { date: new Date().toISOString(), command: 'pnpm bench', machine: { ...machine, loadAtEnd }, rows, failures };
  writeFileSync(join(results, `${date}.json`), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(join(results, `${date}.md`), `${table}\n`);
  out(`written: bench/results/${date}.json and .md`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
