import { z } from 'zod';

/** What GET /api/http/services/<name>@<provider> answers, as far as health goes. */
const TraefikService = z.object({
  loadBalancer: z.object({ servers: z.array(z.object({ url: z.string() })).default([]) }).optional(),
  serverStatus: z.record(z.string(), z.string()).default({}),
});

export interface ServiceReplicas {
  /** `ok` while at least one replica passes Traefik's health check. */
  status: 'ok' | 'down';
  up: number;
  total: number;
  /** Each replica's address and Traefik's verdict (UP or DOWN). */
  servers: Record<string, string>;
  detail?: string;
}

export interface FleetReport {
  status: 'ok' | 'degraded';
  services: Record<string, ServiceReplicas>;
}

export interface TraefikFleetOptions {
  apiUrl: string;
  services: string[];
  /** `docker` under compose, `swarm` in the Swarm stack. */
  provider: 'docker' | 'swarm';
  timeoutMs: number;
}

async function replicasOf(name: string, opts: TraefikFleetOptions): Promise<ServiceReplicas> {
  const down = (detail: string): ServiceReplicas => ({ status: 'down', up: 0, total: 0, servers: {}, detail });
  try {
    const res = await fetch(`${opts.apiUrl}/api/http/services/${encodeURIComponent(`${name}@${opts.provider}`)}`, { signal: AbortSignal.timeout(opts.timeoutMs) });
    if (res.status === 404) return down('no running replica (Traefik knows no such service)');
    if (!res.ok) return down(`Traefik API answered ${res.status}`);
    const svc = TraefikService.parse(await res.json());
    const servers = Object.fromEntries((svc.loadBalancer?.servers ?? []).map((s) => [s.url, svc.serverStatus[s.url] ?? 'UNKNOWN']));
    const total = Object.keys(servers).length;
    const up = Object.values(servers).filter((s) => s === 'UP').length;
    const detail = up === total ? undefined : `${total - up} of ${total} replicas failing their health check`;
    return { status: up > 0 ? 'ok' : 'down', up, total, servers, ...(detail ? { detail } : {}) };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return down(`Traefik API unreachable: ${cause ?? (err instanceof Error ? err.message : String(err))}`);
  }
}

/** Every service's replicas as Traefik's load balancers see them: `ok` only when each service has one healthy replica. */
export async function traefikFleet(opts: TraefikFleetOptions): Promise<FleetReport> {
  const results = await Promise.all(opts.services.map(async (name) => [name, await replicasOf(name, opts)] as const));
  return { status: results.every(([, r]) => r.status === 'ok') ? 'ok' : 'degraded', services: Object.fromEntries(results) };
}
