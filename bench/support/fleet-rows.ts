import type { UsageIngestFigures } from '../usage-ingest.bench';

/** One figure of the fleet table: ours beside the baseline measured in the same run (null when there is none). */
export interface Row {
  group: string;
  figure: string;
  value: number;
  baseline: number | null;
  /** Throughput-like figures: the ratio reads ours / baseline; otherwise it is the same division, lower is better. */
  higherIsBetter?: boolean;
  note?: string;
}

type Drive = { p50: number; p99: number; chunks: number; lost: number; cpuPerCallPct: number };
type Session = { memoryPerSessionKb: number; p50: number; p99: number; samples: number; cpuMsPerSessionSecond: number };

export type ChildReport =
  | { name: 'telephony'; figures: { seconds: number; rows: { calls: number; relay: Drive; bridge: Drive }[] } }
  | { name: 'realtime'; figures: { seconds: number; rows: { sessions: number; server: string; figures: Session }[] } }
  | { name: 'webhooks'; figures: { deliveries: number; endpoints: number; delivered: number; perSec: number; steadyOfferedPerSec: number; steadyPerSec: number; drainPerSec: number; alonePerSec: number; aloneLagP50Ms: number; aloneLagP99Ms: number; lagP50Ms: number; lagP99Ms: number; baselineJobsPerSec: number } }
  | { name: 'usage'; figures: UsageIngestFigures }
  | { name: string; error: string };

/** A child bench's figures as table rows. */
export function childRows(report: Exclude<ChildReport, { error: string }>): Row[] {
  switch (report.name) {
    case 'telephony':
      return report.figures.rows.flatMap(({ calls, relay, bridge }) => {
        const group = `phone media streams, ${calls} calls (vs bare relay)`;
        return [
          { group, figure: 'reply chunk round trip p50 ms', value: bridge.p50, baseline: relay.p50 },
          { group, figure: 'reply chunk round trip p99 ms', value: bridge.p99, baseline: relay.p99 },
          { group, figure: 'CPU per call % of a core', value: bridge.cpuPerCallPct, baseline: relay.cpuPerCallPct },
          { group, figure: 'reply chunks lost', value: bridge.lost, baseline: relay.lost, note: `of ${bridge.chunks + bridge.lost}` },
        ];
      });
    case 'realtime': {
      const bySize = new Map<number, { echo?: Session; ours?: Session }>();
      for (const r of report.figures.rows) {
        const entry = bySize.get(r.sessions) ?? {};
        if (r.server.startsWith('ws echo')) entry.echo = r.figures;
        else entry.ours = r.figures;
        bySize.set(r.sessions, entry);
      }
      return [...bySize].flatMap(([sessions, { echo, ours }]) => {
        if (!echo || !ours) return [];
        const group = `browser voice, ${sessions} sessions (vs ws echo)`;
        return [
          { group, figure: 'speech end -> first audio p50 ms', value: ours.p50, baseline: echo.p50 },
          { group, figure: 'speech end -> first audio p99 ms', value: ours.p99, baseline: echo.p99 },
          { group, figure: 'memory per session KB', value: ours.memoryPerSessionKb, baseline: echo.memoryPerSessionKb },
          { group, figure: 'CPU ms per session-second', value: ours.cpuMsPerSessionSecond, baseline: echo.cpuMsPerSessionSecond },
        ];
      });
    }
    case 'webhooks': {
      const f = report.figures;
      const group = `webhook deliveries, ${f.deliveries} per phase to ${f.endpoints} endpoints (vs BullMQ empty jobs)`;
      return [
        { group, figure: 'deliveries/s', value: f.perSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: `burst, jobs as db-api makes them; ${f.delivered} delivered over all phases; target 2,000/s` },
        { group, figure: 'steady deliveries/s', value: f.steadyPerSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: `${f.steadyOfferedPerSec}/s offered (BENCH_WEBHOOK_RATE), jobs as db-api makes them; target 2,000/s` },
        { group, figure: 'lag p99 ms', value: f.lagP99Ms, baseline: null, note: `row committed -> received, at the steady ${f.steadyOfferedPerSec}/s; target under 1 s` },
        { group, figure: 'router alone, backlog deliveries/s', value: f.drainPerSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: 'events committed and enqueued while the queue was paused, then delivered: webhook-router, its PostgreSQL and Redis and the receiver on the cores, db-api idle; target 2,000/s' },
        { group, figure: `router alone, ${f.steadyOfferedPerSec}/s enqueued: deliveries/s`, value: f.alonePerSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: 'events committed first, their deliveries then handed to db-api\'s enqueuer at that pace' },
        { group, figure: `router alone, ${f.steadyOfferedPerSec}/s enqueued: lag p99 ms`, value: f.aloneLagP99Ms, baseline: null, note: `enqueued -> received (p50 ${f.aloneLagP50Ms.toFixed(0)} ms); target under 1 s` },
      ];
    }
    case 'usage': {
      const f = report.figures;
      const group = `usage events, ${f.events} + ${f.duplicatesSent} re-sent (vs BullMQ empty jobs)`;
      return [
        { group, figure: 'events/s', value: f.eventsPerSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: `batched as producers send them (${f.eventsPerTurn} per turn, ${f.jobsPerSec.toFixed(0)} jobs/s); target 5,000/s` },
        { group, figure: 'one-event jobs/s', value: f.oneEventJobs.eventsPerSec, baseline: f.baselineJobsPerSec, higherIsBetter: true, note: 'one job per event, the shape before batches' },
        { group, figure: 'ledger rows', value: f.rowsWritten, baseline: f.events, note: f.rowsWritten === f.events && f.oneEventJobs.rowsWritten === f.events ? 'exactly once, both shapes' : 'NOT exactly once' },
        { group, figure: 'queue lag p99 ms', value: f.lagP99Ms, baseline: null, note: 'added -> finished, burst backlog included' },
      ];
    }
    default:
      return [];
  }
}
