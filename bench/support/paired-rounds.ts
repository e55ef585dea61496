import { median } from './percentile';
import type { FleetTarget } from './respond-fleet';
import { cpuOf, cpuPerRequest } from './server-process';

/** A figure set over several rounds: each numeric field's median, and each process's CPU ms per request (median). */
export interface RoundMedians<F> {
  figures: F;
  cpu: Record<string, number>;
}

function medianOf<T extends object>(samples: T[]): T {
  if (samples.length === 0) throw new Error('no round measured');
  const rows = samples as unknown as Record<string, unknown>[];
  const out: Record<string, unknown> = Object.assign({}, rows[0]);
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'number') out[key] = median(rows.map((s) => s[key] as number));
  }
  return out as T;
}

/**
 * `work` on the baseline and on ours, `rounds` times, the order flipped each round so a busy moment
 * of the machine weighs on both alike; every figure is the median of its rounds, CPU per request
 * included (each process of the target, from /proc around each run).
 */
export async function pairedRounds<F extends { total: number }>(
  rounds: number,
  base: FleetTarget,
  ours: FleetTarget,
  work: (target: FleetTarget) => Promise<F>,
): Promise<{ base: RoundMedians<F>; ours: RoundMedians<F> }> {
  const runs = new Map<FleetTarget, { figures: F[]; cpu: Record<string, number>[] }>([
    [base, { figures: [], cpu: [] }],
    [ours, { figures: [], cpu: [] }],
  ]);
  for (let round = 0; round < rounds; round++) {
    for (const target of round % 2 === 0 ? [base, ours] : [ours, base]) {
      const before = cpuOf(target.pids);
      const figures = await work(target);
      const run = runs.get(target)!;
      run.figures.push(figures);
      run.cpu.push(cpuPerRequest(before, cpuOf(target.pids), figures.total));
    }
  }
  const summary = (target: FleetTarget): RoundMedians<F> => {
    const run = runs.get(target)!;
    return { figures: medianOf(run.figures), cpu: medianOf(run.cpu) };
  };
  return { base: summary(base), ours: summary(ours) };
}
