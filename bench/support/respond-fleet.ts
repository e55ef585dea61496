import type { LoadTarget } from './load';
import { startServerProcess, type ServerProcess } from './server-process';

type Listening = { url: string };

/** A /respond target and the processes that serve it (the bench's own process is the client). */
export interface FleetTarget extends LoadTarget {
  pids: Record<string, number>;
}

export interface RespondFleet {
  baseline: FleetTarget;
  voice: FleetTarget;
  baselineEdge: FleetTarget;
  voiceEdge: FleetTarget;
  /** Every process of the fleet, for CPU readings. */
  pids: Record<string, number>;
  close(): Promise<void>;
}

const portOf = (url: string) => new URL(url).port;

/**
 * /respond as deployed, one process each: voice-api (composed as main.ts composes it, with the
 * bench's fake db-api) and the bare express baseline, each behind its own edge process standing for
 * Traefik. The caller's process runs autocannon only.
 */
export async function startRespondFleet(prefix: string, redisUrl: string): Promise<RespondFleet> {
  const started: ServerProcess<unknown>[] = [];
  const start = async <R>(name: string, entry: string, args: string[] = []) => {
    const p = await startServerProcess<R>(name, entry, args);
    started.push(p);
    return p;
  };
  try {
    const [voice, baseline] = await Promise.all([
      start<Listening & { headers: Record<string, string> }>('voice-api', 'voice-api-process.ts', [prefix, redisUrl]),
      start<Listening>('express', 'baseline-process.ts'),
    ]);
    const [voiceEdge, baselineEdge] = await Promise.all([
      start<Listening>('edge', 'edge-process.ts', [portOf(voice.ready.url)]),
      start<Listening>('edge', 'edge-process.ts', [portOf(baseline.ready.url)]),
    ]);
    const { headers } = voice.ready;
    const client = process.pid;
    return {
      baseline: { name: 'bare express (baseline)', url: baseline.ready.url, headers, pids: { client, server: baseline.pid } },
      voice: { name: 'voice-api', url: voice.ready.url, headers, pids: { client, server: voice.pid } },
      baselineEdge: { name: 'bare express via edge', url: baselineEdge.ready.url, headers, pids: { client, edge: baselineEdge.pid, server: baseline.pid } },
      voiceEdge: { name: 'voice-api via edge', url: voiceEdge.ready.url, headers, pids: { client, edge: voiceEdge.pid, server: voice.pid } },
      pids: { client, 'voice-api': voice.pid, express: baseline.pid, 'edge (voice-api)': voiceEdge.pid, 'edge (express)': baselineEdge.pid },
      close: () => stopAll(started),
    };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

async function stopAll(processes: ServerProcess<unknown>[]): Promise<void> {
  // Edges first (they hold connections to the servers), then the servers.
  await Promise.all(processes.filter((p) => p.name === 'edge').map((p) => p.stop()));
  await Promise.all(processes.filter((p) => p.name !== 'edge').map((p) => p.stop()));
}
