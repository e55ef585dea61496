import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PgPool } from '@vocalia/db';
import type { Redis } from '@vocalia/service-kit';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (100 on Linux unless the kernel says otherwise). */
const TICKS_PER_SEC = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A process's CPU time (user + system) in ms, read from /proc; null where there is no /proc or the process is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC) * 1000;
  } catch {
    return null;
  }
}

/** CPU ms so far of each PostgreSQL backend connected to `database`, keyed by pid, with its application_name (same machine only). */
export async function backendCpu(admin: PgPool, database: string): Promise<Map<number, { app: string; ms: number }>> {
  const { rows } = await admin.query<{ pid: number; application_name: string }>('SELECT pid, application_name FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  const out = new Map<number, { app: string; ms: number }>();
  for (const r of rows) {
    const ms = processCpuMs(r.pid);
    if (ms !== null) out.set(r.pid, { app: r.application_name, ms });
  }
  return out;
}

/** The Redis server's own CPU ms so far (INFO cpu: every client's commands, not only this bench's). */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`^used_cpu_${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (read('user') + read('sys')) * 1000;
}

export interface CpuSnapshot {
  at: number;
  procs: Map<string, number | null>;
  backends: Map<number, { app: string; ms: number }>;
  redis: number;
}

export interface CpuSplit {
  /** ms of CPU per process name (and per PostgreSQL application_name, prefixed `pg:`), and `redis`, over the interval. */
  ms: Record<string, number>;
  wallMs: number;
}

export async function snapshotCpu(pids: Record<string, number>, admin: PgPool, database: string, redis: Redis): Promise<CpuSnapshot> {
  const procs = new Map(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  return { at: performance.now(), procs, backends: await backendCpu(admin, database), redis: await redisCpuMs(redis) };
}

/** CPU used between two snapshots; a backend that was not there at the start counts from zero (one that left is lost). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuSplit {
  const ms: Record<string, number> = {};
  for (const [name, end] of b.procs) {
    const start = a.procs.get(name);
    if (end !== null && start !== null && start !== undefined) ms[name] = end - start;
  }
  for (const [pid, end] of b.backends) {
    const key = `pg:${end.app || '?'}`;
    ms[key] = (ms[key] ?? 0) + end.ms - (a.backends.get(pid)?.ms ?? 0);
  }
  ms.redis = b.redis - a.redis;
  return { ms, wallMs: b.at - a.at };
}
